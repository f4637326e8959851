// The lru-cache grader's two timed workloads, called directly: the baseline of bench/check_languages.py.
package main

import (
	"fmt"

	"bench/solution"
)

func main() {
	seed := uint64(7)
	next := func(n uint64) int64 { // a small LCG: the same stream in every language's baseline
		seed = seed*6364136223846793005 + 1442695040888963407
		return int64((seed >> 33) % n)
	}
	cache, err := solution.New[int64, int64](1_000)
	if err != nil {
		panic(err)
	}
	hits := 0
	for i := 0; i < 200_000; i++ {
		key := 1_000 + next(1_000_000)
		if next(2) == 0 {
			key = next(500)
		}
		if next(2) == 0 {
			cache.Put(key, key)
		} else if _, ok := cache.Get(key); ok {
			hits++
		}
	}
	large, _ := solution.New[int64, int64](50_000)
	for key := int64(0); key < 200_000; key++ {
		large.Put(key, key)
	}
	fmt.Println(cache.Len(), hits, large.Len())
}
