# BUG: finds the victim with an O(n) min() over last-used timestamps at every eviction (quadratic overall).
import itertools


class LRUCache:
    def __init__(self, capacity):
        if capacity < 1:
            raise ValueError("capacity")
        self.capacity = capacity
        self.values = {}
        self.last_used = {}
        self.tick = itertools.count()

    def get(self, key, default=None):
        if key not in self.values:
            return default
        self.last_used[key] = next(self.tick)
        return self.values[key]

    def put(self, key, value):
        self.values[key] = value
        self.last_used[key] = next(self.tick)
        if len(self.values) > self.capacity:
            victim = min(self.last_used, key=self.last_used.__getitem__)
            del self.values[victim]
            del self.last_used[victim]

    def __len__(self):
        return len(self.values)

    def __contains__(self, key):
        return key in self.values
