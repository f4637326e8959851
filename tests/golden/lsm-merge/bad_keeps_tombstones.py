# BUG: keeps tombstoned keys in the output as (key, None) instead of dropping them
def merge_runs(runs):
    latest = {}
    for run in reversed(runs):
        latest.update(run)
    return sorted(latest.items())
