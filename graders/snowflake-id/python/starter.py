"""snowflake-id: implement SnowflakeGenerator, which makes Twitter-style 64-bit ids.

An id is (ms - epoch_ms) << 22 | worker_id << 12 | sequence. Read time only through `clock_ms`, a callable
returning milliseconds since the Unix epoch. See the question for the full contract.
"""

import time


class SnowflakeGenerator:
    def __init__(
        self, worker_id: int, epoch_ms: int = 1288834974657, clock_ms=lambda: time.time_ns() // 1_000_000
    ):
        """worker_id outside 0..1023 raises ValueError."""
        raise NotImplementedError

    def next_id(self) -> int:
        """The next id; waits for the next millisecond after 4,096 ids in one; a clock going backwards raises
        RuntimeError."""
        raise NotImplementedError
