# BUG: keeps every done offset in a set forever, so memory grows with the offsets seen rather than the gap
class OffsetTracker:
    def __init__(self, start=0):
        self.start = start
        self.completed = set()
        self.next = start

    def done(self, offset):
        if offset < self.start:
            raise ValueError("offset below start")
        self.completed.add(offset)
        while self.next in self.completed:
            self.next += 1

    @property
    def committable(self):
        return self.next
