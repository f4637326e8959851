# BUG: commits one past the highest done offset, ignoring gaps below it (would skip unprocessed records)
class OffsetTracker:
    def __init__(self, start=0):
        self.start = start
        self.highest = start - 1

    def done(self, offset):
        if offset < self.start:
            raise ValueError("offset below start")
        self.highest = max(self.highest, offset)

    @property
    def committable(self):
        return self.highest + 1
