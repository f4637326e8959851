# BUG: reverses the caller's list of runs in place to process the oldest first
def merge_runs(runs):
    runs.reverse()
    latest = {}
    for run in runs:
        latest.update(run)
    return sorted((k, v) for k, v in latest.items() if v is not None)
