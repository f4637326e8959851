// Each consumer's first partition computed directly: start(i) = i*q + min(i, r).
package solution

import (
	"fmt"
	"sort"
)

func RangeAssign(partitions int, consumers []string) (map[string][]int, error) {
	if partitions < 0 {
		return nil, fmt.Errorf("partitions must be >= 0, got %d", partitions)
	}
	sorted := append([]string(nil), consumers...)
	sort.Strings(sorted)
	seen := map[string]bool{}
	for _, c := range sorted {
		if seen[c] {
			return nil, fmt.Errorf("duplicate consumer %q", c)
		}
		seen[c] = true
	}
	result := map[string][]int{}
	if len(sorted) == 0 {
		return result, nil
	}
	q, r := partitions/len(sorted), partitions%len(sorted)
	for i, c := range sorted {
		start := i*q + min(i, r)
		end := start + q
		if i < r {
			end++
		}
		parts := []int{}
		for p := start; p < end; p++ {
			parts = append(parts, p)
		}
		result[c] = parts
	}
	return result, nil
}
