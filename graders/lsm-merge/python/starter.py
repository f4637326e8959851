"""LSM compaction merge.

Implement `merge_runs` as described in the question: merge sorted runs of
(key, value) entries into one sorted run, where runs[0] is the newest, the
newest entry for a key wins, and a value of None (a tombstone) deletes the key.
"""


def merge_runs(runs: list[list[tuple[str, str | None]]]) -> list[tuple[str, str]]:
    """Return the compacted run: sorted by key, one entry per live key, no tombstones.

    Each run is sorted by key with unique keys. Do not modify `runs`.
    """
    raise NotImplementedError
