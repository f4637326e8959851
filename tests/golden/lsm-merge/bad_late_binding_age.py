# BUG: the generator expressions capture `age` late, so every run is tagged with the same age and ties compare values
import heapq


def merge_runs(runs):
    streams = [((key, age, value) for key, value in run) for age, run in enumerate(runs)]
    out = []
    seen_last = object()
    for key, _age, value in heapq.merge(*streams):
        if key == seen_last:
            continue
        seen_last = key
        if value is not None:
            out.append((key, value))
    return out
