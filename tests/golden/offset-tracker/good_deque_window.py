"""A deque of flags for offsets committable, committable + 1, ... up to the highest done offset."""
from collections import deque


class OffsetTracker:
    def __init__(self, start=0):
        self._start = start
        self._low = start
        self._window = deque()

    def done(self, offset):
        if offset < self._start:
            raise ValueError(f"{offset} < start {self._start}")
        index = offset - self._low
        if index < 0:
            return
        if index >= len(self._window):
            self._window.extend([False] * (index + 1 - len(self._window)))
        self._window[index] = True
        while self._window and self._window[0]:
            self._window.popleft()
            self._low += 1

    @property
    def committable(self):
        return self._low
