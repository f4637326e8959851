# BUG: keeps one flag per offset since start in a growing bytearray and never discards the committed prefix
class OffsetTracker:
    def __init__(self, start=0):
        self.start = start
        self.flags = bytearray()
        self.next = start

    def done(self, offset):
        if offset < self.start:
            raise ValueError("offset below start")
        index = offset - self.start
        if index >= len(self.flags):
            self.flags.extend(bytes(index + 1 - len(self.flags)))
        self.flags[index] = 1
        while self.next - self.start < len(self.flags) and self.flags[self.next - self.start]:
            self.next += 1

    @property
    def committable(self):
        return self.next
