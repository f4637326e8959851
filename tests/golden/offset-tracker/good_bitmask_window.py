"""Bit i of an int means offset committable + i is done; completed low bits are shifted away."""


class OffsetTracker:
    def __init__(self, start=0):
        self._start = start
        self._base = start
        self._bits = 0

    def done(self, offset):
        if offset < self._start:
            raise ValueError(offset)
        if offset < self._base:
            return
        self._bits |= 1 << (offset - self._base)
        if self._bits & 1:
            run = (~self._bits & (self._bits + 1)).bit_length() - 1  # number of trailing one bits
            self._bits >>= run
            self._base += run

    @property
    def committable(self):
        return self._base
