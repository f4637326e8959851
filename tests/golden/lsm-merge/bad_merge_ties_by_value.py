# BUG: heapq.merge on the raw (key, value) pairs breaks key ties by comparing values, not by run age
import heapq


def merge_runs(runs):
    out = []
    last = None
    for key, value in heapq.merge(*runs):
        if key == last:
            continue
        last = key
        if value is not None:
            out.append((key, value))
    return out
