# BUG: treats any falsy value (the empty string) as a tombstone instead of only None
def merge_runs(runs):
    latest = {}
    for run in reversed(runs):
        latest.update(run)
    return sorted((k, v) for k, v in latest.items() if v)
