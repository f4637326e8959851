# BUG: pushes repeated offsets onto the heap; a stale duplicate at the top then blocks committable forever
import heapq


class OffsetTracker:
    def __init__(self, start=0):
        self.start = start
        self.next = start
        self.heap = []

    def done(self, offset):
        if offset < self.start:
            raise ValueError("offset below start")
        heapq.heappush(self.heap, offset)
        while self.heap and self.heap[0] == self.next:
            heapq.heappop(self.heap)
            self.next += 1

    @property
    def committable(self):
        return self.next
