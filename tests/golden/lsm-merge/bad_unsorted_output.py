# BUG: returns the dict in insertion order, which is not sorted once newer runs add keys
def merge_runs(runs):
    latest = {}
    for run in reversed(runs):
        for key, value in run:
            latest[key] = value
    return [(k, v) for k, v in latest.items() if v is not None]
