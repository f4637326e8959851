"""consistent-hashing: implement HashRing, a consistent-hash ring with virtual nodes (replicas).

Placement must be the same in every process (do not use Python's built-in hash(), which is salted per
process). Adding a node may move keys only onto it; removing a node may move only its keys. See the question.
"""


class HashRing:
    def __init__(self, nodes=(), replicas: int = 100):
        """A ring holding `nodes`, each with `replicas` virtual nodes; replicas < 1 raises ValueError."""
        raise NotImplementedError

    @property
    def nodes(self):
        """The set (or frozenset) of nodes on the ring."""
        raise NotImplementedError

    def add_node(self, node: str) -> None:
        """Add a node; a node already present raises ValueError."""
        raise NotImplementedError

    def remove_node(self, node: str) -> None:
        """Remove a node; an absent node raises KeyError."""
        raise NotImplementedError

    def node_for(self, key: str) -> str:
        """The node that owns `key`; an empty ring raises LookupError."""
        raise NotImplementedError
