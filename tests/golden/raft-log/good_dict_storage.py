"""Stores entries in a dict index -> (term, command); `entries` is a read-only property built on demand."""


class RaftLog:
    def __init__(self):
        self._log = {}
        self._last = 0
        self._commit = 0

    @property
    def entries(self):
        return [self._log[i] for i in range(1, self._last + 1)]

    @property
    def commit_index(self):
        return self._commit

    def _term(self, index):
        if index == 0:
            return 0
        return self._log[index][0] if index <= self._last else None

    def append_entries(self, prev_log_index, prev_log_term, entries, leader_commit):
        if self._term(prev_log_index) != prev_log_term:
            return False
        index = prev_log_index
        for term, command in entries:
            index += 1
            existing = self._log.get(index) if index <= self._last else None
            if existing is not None and existing[0] == term:
                continue
            if existing is not None:
                for stale in range(index, self._last + 1):
                    del self._log[stale]
            self._log[index] = (term, command)
            self._last = index
        if leader_commit > self._commit:
            self._commit = max(self._commit, min(leader_commit, index))  # never lower it
        return True
