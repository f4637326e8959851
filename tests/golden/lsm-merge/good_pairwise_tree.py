"""Balanced pairwise two-pointer merges (newer side wins); tombstones are dropped only at the end."""


def _merge_two(newer, older):
    out = []
    i = j = 0
    n, m = len(newer), len(older)
    while i < n and j < m:
        a, b = newer[i][0], older[j][0]
        if a < b:
            out.append(newer[i]); i += 1
        elif b < a:
            out.append(older[j]); j += 1
        else:
            out.append(newer[i]); i += 1; j += 1
    out.extend(newer[i:])
    out.extend(older[j:])
    return out


def merge_runs(runs):
    level = [list(run) for run in runs]
    if not level:
        return []
    while len(level) > 1:
        nxt = []
        for k in range(0, len(level) - 1, 2):
            nxt.append(_merge_two(level[k], level[k + 1]))  # level[k] is newer than level[k + 1]
        if len(level) % 2:
            nxt.append(level[-1])
        level = nxt
    return [(k, v) for k, v in level[0] if v is not None]
