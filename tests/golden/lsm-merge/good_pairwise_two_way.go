// Two-way merges, newest pair first, tombstones kept until the very end (an older run may hold the key).
package solution

type Entry struct {
	Key       string
	Value     string
	Tombstone bool
}

// merge2: newer wins on equal keys.
func merge2(newer, older []Entry) []Entry {
	out := make([]Entry, 0, len(newer)+len(older))
	i, j := 0, 0
	for i < len(newer) && j < len(older) {
		switch {
		case newer[i].Key < older[j].Key:
			out = append(out, newer[i])
			i++
		case newer[i].Key > older[j].Key:
			out = append(out, older[j])
			j++
		default:
			out = append(out, newer[i])
			i++
			j++
		}
	}
	out = append(out, newer[i:]...)
	return append(out, older[j:]...)
}

func MergeRuns(runs [][]Entry) []Entry {
	level := make([][]Entry, len(runs))
	copy(level, runs)
	for len(level) > 1 {
		var next [][]Entry
		for i := 0; i < len(level); i += 2 {
			if i+1 < len(level) {
				next = append(next, merge2(level[i], level[i+1]))
			} else {
				next = append(next, level[i])
			}
		}
		level = next
	}
	out := []Entry{}
	if len(level) == 1 {
		for _, e := range level[0] {
			if !e.Tombstone {
				out = append(out, e)
			}
		}
	}
	return out
}
