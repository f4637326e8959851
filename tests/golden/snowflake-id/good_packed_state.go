// The state is the last id itself: its time and sequence fields are read back from it.
package solution

import (
	"errors"
	"time"
)

const TwitterEpoch int64 = 1288834974657

var ErrBackwards = errors.New("clock went backwards")

type Generator struct {
	worker, epoch int64
	clock         func() int64
	last          int64 // the last id returned, or -1
}

func New(workerID, epochMS int64, clockMS func() int64) (*Generator, error) {
	if workerID&^0x3FF != 0 {
		return nil, errors.New("worker id must be in 0..1023")
	}
	if clockMS == nil {
		clockMS = func() int64 { return time.Now().UnixNano() / int64(time.Millisecond) }
	}
	return &Generator{worker: workerID, epoch: epochMS, clock: clockMS, last: -1}, nil
}

func (g *Generator) NextID() (int64, error) {
	ms := g.clock() - g.epoch
	if g.last >= 0 {
		lastMS, lastSeq := g.last>>22, g.last&0xFFF
		if ms < lastMS {
			return 0, ErrBackwards
		}
		if ms == lastMS {
			if lastSeq < 0xFFF {
				g.last++
				return g.last, nil
			}
			for ms == lastMS {
				ms = g.clock() - g.epoch
			}
			if ms < lastMS {
				return 0, ErrBackwards
			}
		}
	}
	g.last = ms<<22 | g.worker<<12
	return g.last, nil
}
