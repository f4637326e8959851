# BUG: remembers decided keys in a list, so every membership test is O(n) and the merge is quadratic
def merge_runs(runs):
    seen = []
    result = []
    for run in runs:  # newest first: the first time a key is seen, it is the newest version
        for key, value in run:
            if key in seen:
                continue
            seen.append(key)
            if value is not None:
                result.append((key, value))
    return sorted(result)
