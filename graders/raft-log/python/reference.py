"""Reference solution for raft-log: the AppendEntries receiver rules of the Raft paper (Figure 2)."""


class RaftLog:
    """A Raft follower's log. Indexes are 1-based; index 0 is an implicit entry of term 0."""

    def __init__(self):
        self.entries = []  # entry i is self.entries[i - 1], a (term, command) tuple
        self.commit_index = 0

    def _term_at(self, index):
        return 0 if index == 0 else self.entries[index - 1][0]

    def append_entries(self, prev_log_index, prev_log_term, entries, leader_commit) -> bool:
        # Rule 2: the log must contain an entry at prev_log_index whose term is prev_log_term.
        if prev_log_index > len(self.entries) or self._term_at(prev_log_index) != prev_log_term:
            return False
        # Rules 3 and 4: skip entries already present, truncate at the first conflict, append the rest.
        index = prev_log_index
        for position, (term, command) in enumerate(entries):
            index = prev_log_index + 1 + position
            if index <= len(self.entries):
                if self.entries[index - 1][0] == term:
                    continue
                del self.entries[index - 1 :]
            self.entries.append((term, command))
        # Rule 5: commit up to the leader's commit, but no further than what this RPC has verified. A delayed
        # RPC can carry a high leader_commit with only a short prefix, so take the maximum: never decrease.
        last_new_index = prev_log_index + len(entries)
        if leader_commit > self.commit_index:
            self.commit_index = max(self.commit_index, min(leader_commit, last_new_index))
        return True
