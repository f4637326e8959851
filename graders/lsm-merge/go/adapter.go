// The lsm-merge contract (merge_runs in the Python tests) on top of the Go API: (key, value-or-None) tuples as
// solution.Entry (None is a tombstone); a change to the runs is reported to the tests.
package main

import (
	"drillkit/dk"
	"drillkit/grading/solution"
)

func toRuns(items []any) [][]solution.Entry {
	runs := make([][]solution.Entry, len(items))
	for i, item := range items {
		run, _ := item.([]any)
		runs[i] = make([]solution.Entry, len(run))
		for j, e := range run {
			pair, _ := e.(dk.Tuple)
			if len(pair) != 2 {
				continue
			}
			key, _ := pair[0].(string)
			value, ok := pair[1].(string)
			runs[i][j] = solution.Entry{Key: key, Value: value, Tombstone: !ok}
		}
	}
	return runs
}

func fromEntries(entries []solution.Entry) []any {
	out := make([]any, len(entries))
	for i, e := range entries {
		if e.Tombstone {
			out[i] = dk.Tuple{e.Key, nil}
		} else {
			out[i] = dk.Tuple{e.Key, e.Value}
		}
	}
	return out
}

func main() {
	dk.Serve(dk.Func("merge_runs(runs)", func(a *dk.Args) (any, error) {
		runs := toRuns(a.List("runs"))
		a.Track("runs", func() any {
			out := make([]any, len(runs))
			for i, run := range runs {
				out[i] = fromEntries(run)
			}
			return out
		})
		return fromEntries(solution.MergeRuns(runs)), nil
	}))
}
