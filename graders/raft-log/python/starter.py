"""raft-log: implement RaftLog, a Raft follower's log that handles AppendEntries.

Follow the receiver rules of the Raft paper (Figure 2). The log is 1-indexed: entry i is entries[i - 1], and
index 0 is an implicit entry of term 0. See the question for the full contract.
"""


class RaftLog:
    def __init__(self):
        self.entries = []  # list of (term, command) tuples
        self.commit_index = 0

    def append_entries(
        self, prev_log_index: int, prev_log_term: int, entries: list, leader_commit: int
    ) -> bool:
        """Apply one AppendEntries RPC from the leader; return False if the consistency check fails."""
        raise NotImplementedError
