// A map filled from the newest run down (the first entry seen for a key wins), then the keys sorted.
package solution

import "sort"

type Entry struct {
	Key       string
	Value     string
	Tombstone bool
}

func MergeRuns(runs [][]Entry) []Entry {
	winner := map[string]Entry{}
	for _, run := range runs {
		for _, e := range run {
			if _, seen := winner[e.Key]; !seen {
				winner[e.Key] = e
			}
		}
	}
	keys := make([]string, 0, len(winner))
	for k, e := range winner {
		if !e.Tombstone {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	out := make([]Entry, len(keys))
	for i, k := range keys {
		out[i] = winner[k]
	}
	return out
}
