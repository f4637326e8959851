"""Reference solution for snowflake-id: Twitter-style ids (41-bit ms, 10-bit worker, 12-bit sequence)."""

import time


def _now_ms() -> int:
    return time.time_ns() // 1_000_000


class SnowflakeGenerator:
    """Generates strictly increasing ids: (ms - epoch_ms) << 22 | worker_id << 12 | sequence."""

    MAX_WORKER = 1023
    MAX_SEQUENCE = 4095

    def __init__(self, worker_id: int, epoch_ms: int = 1288834974657, clock_ms=_now_ms):
        if not 0 <= worker_id <= self.MAX_WORKER:
            raise ValueError(f"worker_id must be in 0..{self.MAX_WORKER}, got {worker_id}")
        self._worker_id = worker_id
        self._epoch_ms = epoch_ms
        self._clock_ms = clock_ms
        self._last_ms = None
        self._sequence = 0

    def next_id(self) -> int:
        ms = self._clock_ms()
        if self._last_ms is not None and ms < self._last_ms:
            raise RuntimeError(f"clock moved backwards from {self._last_ms} to {ms}")
        if ms == self._last_ms:
            if self._sequence == self.MAX_SEQUENCE:
                while ms <= self._last_ms:  # 4,096 ids used this millisecond: wait for the next one
                    ms = self._clock_ms()
                self._sequence = 0
            else:
                self._sequence += 1
        else:
            self._sequence = 0
        self._last_ms = ms
        return (ms - self._epoch_ms) << 22 | self._worker_id << 12 | self._sequence
