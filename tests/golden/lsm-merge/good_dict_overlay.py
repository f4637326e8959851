"""Overlay the runs oldest to newest in a dict, then sort the survivors."""


def merge_runs(runs):
    latest = {}
    for run in reversed(runs):  # reversed() is an iterator: the caller's list is untouched
        latest.update(run)
    return sorted((k, v) for k, v in latest.items() if v is not None)
