"""Reference solution: the next offset to commit plus the set of offsets done beyond a gap."""


class OffsetTracker:
    def __init__(self, start: int = 0):
        self._start = start
        self._next = start       # lowest offset not yet done
        self._ahead = set()      # done offsets above self._next (only exist while there is a gap)

    def done(self, offset: int) -> None:
        if offset < self._start:
            raise ValueError(f"offset {offset} is below the start offset {self._start}")
        if offset < self._next or offset in self._ahead:
            return  # a repeat
        if offset != self._next:
            self._ahead.add(offset)
            return
        self._next += 1
        while self._next in self._ahead:
            self._ahead.remove(self._next)
            self._next += 1

    @property
    def committable(self) -> int:
        return self._next
