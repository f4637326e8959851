"""Rendezvous (highest random weight) hashing: each key goes to the node with the highest SHA-256 score.

It needs no virtual nodes (replicas is validated and otherwise unused) and satisfies the same contract.
"""
import hashlib


class HashRing:
    def __init__(self, nodes=(), replicas=100):
        if replicas < 1:
            raise ValueError("replicas must be >= 1")
        self.replicas = replicas
        self._nodes = set()
        for n in nodes:
            self.add_node(n)

    @property
    def nodes(self):
        return set(self._nodes)

    def add_node(self, node):
        if node in self._nodes:
            raise ValueError(f"duplicate node {node}")
        self._nodes.add(node)

    def remove_node(self, node):
        self._nodes.remove(node)  # set.remove raises KeyError for an absent node

    @staticmethod
    def _score(node, key):
        return hashlib.sha256(f"{node}\x00{key}".encode()).digest()

    def node_for(self, key):
        if not self._nodes:
            raise LookupError("no nodes")
        return max(self._nodes, key=lambda node: (self._score(node, key), node))
