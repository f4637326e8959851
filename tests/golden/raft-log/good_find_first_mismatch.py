"""Finds the first index where the RPC and the log disagree, then splices once."""


class RaftLog:
    def __init__(self):
        self.entries = []
        self.commit_index = 0

    def append_entries(self, prev_log_index, prev_log_term, entries, leader_commit):
        if prev_log_index < 0 or prev_log_index > len(self.entries):
            return False
        if prev_log_index > 0 and self.entries[prev_log_index - 1][0] != prev_log_term:
            return False
        if prev_log_index == 0 and prev_log_term != 0:
            return False
        new = [tuple(e) for e in entries]
        i = 0
        while i < len(new) and prev_log_index + i < len(self.entries):
            if self.entries[prev_log_index + i][0] != new[i][0]:
                self.entries = self.entries[: prev_log_index + i]  # replace the list rather than mutate it
                break
            i += 1
        self.entries = self.entries + new[i:] if i < len(new) else self.entries
        self.commit_index = max(self.commit_index, min(leader_commit, prev_log_index + len(new)))
        return True
