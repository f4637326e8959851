// BUG: remembers the keys already emitted in a slice and scans it for every entry: quadratic, too slow for the
// large merge
package solution

import "sort"

type Entry struct {
	Key       string
	Value     string
	Tombstone bool
}

func MergeRuns(runs [][]Entry) []Entry {
	var seen []string
	var winners []Entry
	for _, run := range runs {
		for _, e := range run {
			found := false
			for _, k := range seen {
				if k == e.Key {
					found = true
					break
				}
			}
			if !found {
				seen = append(seen, e.Key)
				winners = append(winners, e)
			}
		}
	}
	out := []Entry{}
	for _, e := range winners {
		if !e.Tombstone {
			out = append(out, e)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Key < out[j].Key })
	return out
}
