// snowflake-id: implement Generator, Twitter's Snowflake id generator.
// (The question's prompt goes above this line.)
package solution

import "errors"

// TwitterEpoch is the default epoch: 2010-11-04T01:42:54.657Z, in milliseconds since the Unix epoch.
const TwitterEpoch int64 = 1288834974657

// Generator makes 64-bit ids: milliseconds since the epoch, then a 10-bit worker id, then a 12-bit sequence.
type Generator struct {
	// TODO: your fields
}

// New returns a generator for workerID (0..1023) counting milliseconds from epochMS; clockMS reads milliseconds
// since the Unix epoch (nil means the real clock).
func New(workerID, epochMS int64, clockMS func() int64) (*Generator, error) {
	return nil, errors.New("not implemented")
}

// NextID returns the next id.
func (g *Generator) NextID() (int64, error) { return 0, errors.New("not implemented") }
