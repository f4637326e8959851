"""Recursion-free retry: on exhaustion it yields the CPU briefly and asks the clock again; custom error class."""
import time


class ClockMovedBackwards(RuntimeError):
    pass


def _unix_ms():
    return round(time.time() * 1000)


class SnowflakeGenerator:
    WORKER_BITS, SEQUENCE_BITS = 10, 12

    def __init__(self, worker_id: int, epoch_ms: int = 1288834974657, clock_ms=_unix_ms):
        if worker_id not in range(1 << self.WORKER_BITS):
            raise ValueError(f"worker_id {worker_id} not in [0, 1024)")
        self._prefix = worker_id << self.SEQUENCE_BITS
        self._epoch = epoch_ms
        self._clock = clock_ms
        self._state = (-1, 0)  # (millisecond, ids issued in it)

    def next_id(self) -> int:
        last_ms, issued = self._state
        while True:
            ms = self._clock()
            if ms < last_ms:
                raise ClockMovedBackwards(f"{ms} < {last_ms}")
            if ms > last_ms:
                issued = 0
                break
            if issued < 1 << self.SEQUENCE_BITS:
                break
            time.sleep(0)  # all 4,096 sequences of this millisecond are used: wait for the clock
        self._state = (ms, issued + 1)
        return ((ms - self._epoch) << (self.WORKER_BITS + self.SEQUENCE_BITS)) | self._prefix | issued
