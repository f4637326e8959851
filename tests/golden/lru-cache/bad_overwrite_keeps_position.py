# BUG: overwriting an existing key updates its value but leaves it at its old place in the recency order.
_MISSING = object()


class LRUCache:
    def __init__(self, capacity):
        if capacity < 1:
            raise ValueError("capacity")
        self.capacity = capacity
        self.data = {}

    def get(self, key, default=None):
        value = self.data.pop(key, _MISSING)
        if value is _MISSING:
            return default
        self.data[key] = value
        return value

    def put(self, key, value):
        self.data[key] = value  # a plain assignment keeps the key's old insertion position
        if len(self.data) > self.capacity:
            del self.data[next(iter(self.data))]

    def __len__(self):
        return len(self.data)

    def __contains__(self, key):
        return key in self.data
