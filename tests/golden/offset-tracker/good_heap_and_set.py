"""Min-heap of pending offsets (plus a set so each is stored once)."""
import heapq


class OffsetTracker:
    def __init__(self, start=0):
        self.start = start
        self.next_offset = start
        self.heap = []
        self.pending = set()

    def done(self, offset):
        if offset < self.start:
            raise ValueError("offset before start")
        if offset < self.next_offset or offset in self.pending:
            return
        self.pending.add(offset)
        heapq.heappush(self.heap, offset)
        while self.heap and self.heap[0] == self.next_offset:
            self.pending.discard(heapq.heappop(self.heap))
            self.next_offset += 1

    @property
    def committable(self):
        return self.next_offset
