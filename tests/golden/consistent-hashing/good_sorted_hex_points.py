"""A ring of SHA-1 hex digests (compared as strings) kept sorted with insort, plus a dict point -> node."""
import bisect
import hashlib


def _h(s):
    return hashlib.sha1(s.encode()).hexdigest()


class HashRing:
    def __init__(self, nodes=(), replicas=100):
        if replicas < 1:
            raise ValueError("replicas")
        self.replicas = replicas
        self.ring = {}  # point -> node
        self.points = []  # sorted points
        self.members = set()
        for node in list(nodes):
            self.add_node(node)

    @property
    def nodes(self):
        return frozenset(self.members)

    def add_node(self, node):
        if node in self.members:
            raise ValueError(node)
        self.members.add(node)
        for i in range(self.replicas):
            p = _h(f"{i}-{node}")
            if p not in self.ring:  # a (practically impossible) collision keeps the earlier owner
                self.ring[p] = node
                bisect.insort(self.points, p)

    def remove_node(self, node):
        if node not in self.members:
            raise KeyError(node)
        self.members.discard(node)
        for i in range(self.replicas):
            p = _h(f"{i}-{node}")
            if self.ring.get(p) == node:
                del self.ring[p]
                del self.points[bisect.bisect_left(self.points, p)]

    def node_for(self, key):
        if not self.points:
            raise LookupError("empty ring")
        i = bisect.bisect(self.points, _h(key))
        if i == len(self.points):
            i = 0
        return self.ring[self.points[i]]
