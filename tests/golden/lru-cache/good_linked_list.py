"""A dict of nodes plus a doubly linked list with sentinel head and tail (the textbook O(1) LRU)."""


class _Node:
    __slots__ = ("key", "value", "prev", "next")

    def __init__(self, key=None, value=None):
        self.key, self.value = key, value
        self.prev = self.next = None


class LRUCache:
    def __init__(self, capacity: int):
        if capacity < 1:
            raise ValueError("capacity must be >= 1")
        self.capacity = capacity
        self.map = {}
        self.head, self.tail = _Node(), _Node()  # head.next is LRU, tail.prev is MRU
        self.head.next, self.tail.prev = self.tail, self.head

    def _unlink(self, node):
        node.prev.next, node.next.prev = node.next, node.prev

    def _push_back(self, node):
        last = self.tail.prev
        last.next = node
        node.prev, node.next = last, self.tail
        self.tail.prev = node

    def get(self, key, default=None):
        node = self.map.get(key)
        if node is None:
            return default
        self._unlink(node)
        self._push_back(node)
        return node.value

    def put(self, key, value):
        node = self.map.get(key)
        if node is not None:
            node.value = value
            self._unlink(node)
            self._push_back(node)
            return
        node = _Node(key, value)
        self.map[key] = node
        self._push_back(node)
        if len(self.map) > self.capacity:
            lru = self.head.next
            self._unlink(lru)
            del self.map[lru.key]

    def __len__(self):
        return len(self.map)

    def __contains__(self, key):
        return key in self.map
