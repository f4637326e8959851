"""Thread-safe generator that reads the clock in its constructor and keeps the last id to guard ordering."""
import threading
import time


class SnowflakeGenerator:
    def __init__(self, worker_id, epoch_ms=1288834974657, clock_ms=None):
        if worker_id < 0 or worker_id >= 1 << 10:
            raise ValueError("worker_id out of range")
        self.worker_id = worker_id
        self.epoch_ms = epoch_ms
        self.clock_ms = clock_ms or (lambda: int(time.time() * 1000))
        self.last_ms = self.clock_ms()
        self.seq = -1  # nothing issued yet in last_ms
        self.lock = threading.Lock()

    def next_id(self):
        with self.lock:
            now = self.clock_ms()
            if now < self.last_ms:
                raise RuntimeError("clock went backwards")
            if now > self.last_ms:
                self.last_ms, self.seq = now, 0
            elif self.seq < 4095:
                self.seq += 1
            else:
                while True:
                    now = self.clock_ms()
                    if now < self.last_ms:
                        raise RuntimeError("clock went backwards while waiting")
                    if now > self.last_ms:
                        break
                self.last_ms, self.seq = now, 0
            return ((self.last_ms - self.epoch_ms) << 22) + (self.worker_id << 12) + self.seq
