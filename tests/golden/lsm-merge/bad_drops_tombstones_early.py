# BUG: drops tombstones in every pairwise merge, so a key deleted in a newer run resurrects from an older one
def _merge_two(newer, older):
    out, i, j = [], 0, 0
    while i < len(newer) and j < len(older):
        if newer[i][0] < older[j][0]:
            out.append(newer[i]); i += 1
        elif older[j][0] < newer[i][0]:
            out.append(older[j]); j += 1
        else:
            out.append(newer[i]); i += 1; j += 1
    out += newer[i:] + older[j:]
    return [(k, v) for k, v in out if v is not None]


def merge_runs(runs):
    level = [list(run) for run in runs]
    if not level:
        return []
    if len(level) == 1:
        return [(k, v) for k, v in level[0] if v is not None]
    while len(level) > 1:
        nxt = [_merge_two(level[i], level[i + 1]) for i in range(0, len(level) - 1, 2)]
        if len(level) % 2:
            nxt.append(level[-1])
        level = nxt
    return level[0]
