"""Reference solution: k-way heap merge of sorted runs, newest entry wins, tombstones dropped."""
import heapq


def _tagged(run, age):
    # (key, age, value): among equal keys the smallest age (the newest run) comes out first,
    # and values are never compared because (key, age) is unique.
    for key, value in run:
        yield key, age, value


def merge_runs(runs):
    merged = heapq.merge(*(_tagged(run, age) for age, run in enumerate(runs)))
    out = []
    previous = None
    first = True
    for key, _age, value in merged:
        if not first and key == previous:
            continue  # an older version of a key already decided
        first = False
        previous = key
        if value is not None:
            out.append((key, value))
    return out
