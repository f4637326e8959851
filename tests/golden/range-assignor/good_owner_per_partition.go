// Walks the partitions, handing each to the current consumer until that consumer's quota is full.
package solution

import (
	"errors"
	"slices"
)

var ErrDuplicate = errors.New("duplicate consumer")

func RangeAssign(partitions int, consumers []string) (map[string][]int, error) {
	if partitions < 0 {
		return nil, errors.New("negative partitions")
	}
	order := slices.Sorted(slices.Values(consumers))
	if len(slices.Compact(slices.Clone(order))) != len(order) {
		return nil, ErrDuplicate
	}
	out := make(map[string][]int)
	for _, c := range order {
		out[c] = []int{}
	}
	if len(order) == 0 {
		return out, nil
	}
	member, filled := 0, 0
	for p := range partitions {
		quota := partitions / len(order)
		if member < partitions%len(order) {
			quota++
		}
		for filled == quota {
			member, filled = member+1, 0
			quota = partitions / len(order)
			if member < partitions%len(order) {
				quota++
			}
		}
		out[order[member]] = append(out[order[member]], p)
		filled++
	}
	return out, nil
}
