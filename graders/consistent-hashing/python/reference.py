"""Reference solution for consistent-hashing: a ring of MD5 virtual-node points searched with bisect."""

import bisect
import hashlib


def _point(text: str) -> int:
    """A position on the ring: the first 8 bytes of MD5, identical in every process (unlike hash())."""
    return int.from_bytes(hashlib.md5(text.encode("utf-8")).digest()[:8], "big")


class HashRing:
    """Consistent hashing with `replicas` virtual nodes per node."""

    def __init__(self, nodes=(), replicas: int = 100):
        if replicas < 1:
            raise ValueError(f"replicas must be at least 1, got {replicas}")
        self._replicas = replicas
        self._nodes = set()
        self._points = []  # sorted (point, node) pairs; the node breaks ties between equal points
        for node in nodes:
            self.add_node(node)

    @property
    def nodes(self) -> frozenset:
        return frozenset(self._nodes)

    def _node_points(self, node):
        return [(_point(f"{node}#{i}"), node) for i in range(self._replicas)]

    def add_node(self, node: str) -> None:
        if node in self._nodes:
            raise ValueError(f"node {node!r} is already on the ring")
        self._nodes.add(node)
        self._points = sorted(self._points + self._node_points(node))

    def remove_node(self, node: str) -> None:
        if node not in self._nodes:
            raise KeyError(node)
        self._nodes.remove(node)
        self._points = [p for p in self._points if p[1] != node]

    def node_for(self, key: str) -> str:
        """The node owning `key`: the first virtual node clockwise from the key's position."""
        if not self._points:
            raise LookupError("the ring has no nodes")
        i = bisect.bisect_left(self._points, (_point(key), ""))
        return self._points[i % len(self._points)][1]
