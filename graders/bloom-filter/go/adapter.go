// The bloom-filter contract (BloomFilter in the Python tests) on top of the Go API.
package main

import (
	"drillkit/dk"
	"drillkit/grading/solution"
)

type filter = solution.BloomFilter

func main() {
	dk.Serve(dk.Class[*filter]{
		Sig: "BloomFilter(capacity, error_rate)",
		New: func(a *dk.Args) (*filter, error) {
			f, err := solution.New(a.Int("capacity"), a.Float("error_rate"))
			return f, dk.As("ValueError", err)
		},
		Methods: dk.Methods[*filter]{
			"add(item)": func(f *filter, a *dk.Args) (any, error) {
				f.Add(a.Str("item"))
				return nil, nil
			},
			"__contains__(item)": func(f *filter, a *dk.Args) (any, error) { return f.Contains(a.Str("item")), nil },
		},
		Attrs: dk.Attrs[*filter]{
			"num_bits":   func(f *filter) any { return f.NumBits() },
			"num_hashes": func(f *filter) any { return f.NumHashes() },
		},
	})
}
