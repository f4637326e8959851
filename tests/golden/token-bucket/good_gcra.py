"""Generic cell rate algorithm (GCRA): stores only the time at which the bucket would be full again."""
import time


class TokenBucket:
    def __init__(self, capacity, refill_per_second, clock=time.monotonic):
        if not (capacity > 0 and refill_per_second > 0):
            raise ValueError("capacity and refill_per_second must be positive")
        self.capacity = capacity
        self.rate = refill_per_second
        self.clock = clock
        self.full_at = float("-inf")  # the bucket is full from this time on

    def try_acquire(self, tokens=1):
        if tokens <= 0:
            raise ValueError("tokens must be positive")
        if tokens > self.capacity:
            return False
        now = self.clock()
        missing = max(0.0, self.full_at - now) * self.rate  # tokens short of a full bucket
        if self.capacity - missing < tokens:
            return False
        self.full_at = max(self.full_at, now) + tokens / self.rate
        return True
