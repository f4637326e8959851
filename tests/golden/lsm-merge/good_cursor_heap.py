"""Manual heap of cursors, one per run, advanced with heapreplace."""
import heapq


def merge_runs(runs):
    heap = [(run[0][0], age, 0) for age, run in enumerate(runs) if run]
    heapq.heapify(heap)
    result = []
    last_key = None
    have_last = False
    while heap:
        key, age, pos = heap[0]
        value = runs[age][pos][1]
        if not (have_last and key == last_key):
            have_last, last_key = True, key
            if value is not None:
                result.append((key, value))
        pos += 1
        if pos < len(runs[age]):
            heapq.heapreplace(heap, (runs[age][pos][0], age, pos))
        else:
            heapq.heappop(heap)
    return result
