// BUG: consumers are sorted ignoring case
package solution

import (
	"errors"
	"fmt"
	"slices"
	"strings"
)

// RangeAssign gives each consumer, in lexicographic order, partitions/n contiguous partitions, the first
// partitions%n consumers one more. Every consumer is a key of the result (possibly with no partitions); no
// consumers give an empty map. A negative partition count or a repeated consumer is an error. consumers is not
// changed.
func RangeAssign(partitions int, consumers []string) (map[string][]int, error) {
	if partitions < 0 {
		return nil, errors.New("range assign: negative partition count")
	}
	members := slices.Clone(consumers)
	slices.SortFunc(members, func(a, b string) int { return strings.Compare(strings.ToLower(a), strings.ToLower(b)) })
	for i := 1; i < len(members); i++ {
		if members[i] == members[i-1] {
			return nil, fmt.Errorf("range assign: consumer %q appears twice", members[i])
		}
	}
	out := make(map[string][]int, len(members))
	n := len(members)
	next := 0
	for i, member := range members {
		share := partitions / n
		if i < partitions%n {
			share++
		}
		parts := make([]int, share)
		for j := range parts {
			parts[j] = next + j
		}
		out[member] = parts
		next += share
	}
	return out, nil
}
