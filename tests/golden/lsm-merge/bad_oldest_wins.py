# BUG: overlays runs in list order, so older runs overwrite newer ones (runs[0] is the newest)
def merge_runs(runs):
    latest = {}
    for run in runs:
        for key, value in run:
            latest[key] = value
    return sorted((k, v) for k, v in latest.items() if v is not None)
