// BUG: the sequence keeps counting across milliseconds instead of restarting at 0
package solution

import (
	"errors"
	"fmt"
	"time"
)

// TwitterEpoch is the default epoch: 2010-11-04T01:42:54.657Z, in milliseconds since the Unix epoch.
const TwitterEpoch int64 = 1288834974657

// ErrClockBackwards is returned by NextID when the clock reads earlier than a millisecond already used.
var ErrClockBackwards = errors.New("snowflake: clock moved backwards")

// Generator makes 64-bit ids: milliseconds since the epoch, then a 10-bit worker id, then a 12-bit sequence.
type Generator struct {
	worker  int64
	epoch   int64
	clock   func() int64
	lastMS  int64
	seq     int64
	started bool
}

// New returns a generator for workerID (0..1023) counting milliseconds from epochMS; clockMS reads milliseconds
// since the Unix epoch (nil means the real clock).
func New(workerID, epochMS int64, clockMS func() int64) (*Generator, error) {
	if workerID < 0 || workerID > 1023 {
		return nil, fmt.Errorf("snowflake: worker id %d outside 0..1023", workerID)
	}
	if clockMS == nil {
		clockMS = func() int64 { return time.Now().UnixMilli() }
	}
	return &Generator{worker: workerID, epoch: epochMS, clock: clockMS}, nil
}

// NextID returns the next id: the sequence restarts at 0 each new millisecond; after 4,096 ids in one millisecond
// it waits (reading the clock again) for the next. Ids strictly increase.
func (g *Generator) NextID() (int64, error) {
	now := g.clock()
	if g.started && now < g.lastMS {
		return 0, ErrClockBackwards
	}
	if g.started && now == g.lastMS {
		g.seq++
		if g.seq > 4095 {
			for now <= g.lastMS {
				now = g.clock()
				if now < g.lastMS {
					return 0, ErrClockBackwards
				}
			}
			g.seq = 0
		}
	} else if g.started {
		g.seq = (g.seq + 1) % 4096
	}
	g.lastMS, g.started = now, true
	return (now-g.epoch)<<22 | g.worker<<12 | g.seq, nil
}
