"""token-bucket: implement TokenBucket, a rate limiter that refills continuously and allows bursts.

Time comes only from the injected `clock` (a callable returning seconds). The bucket starts full. See the
question for the full contract.
"""

import time


class TokenBucket:
    def __init__(self, capacity: float, refill_per_second: float, clock=time.monotonic):
        """capacity <= 0 or refill_per_second <= 0 raises ValueError."""
        raise NotImplementedError

    def try_acquire(self, tokens: float = 1) -> bool:
        """Refill, then take `tokens` and return True if that many are available, else take none and return
        False. tokens <= 0 raises ValueError; more than capacity is never granted."""
        raise NotImplementedError
