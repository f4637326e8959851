// Safe for concurrent use: a mutex around the state; one loop handles both waiting and the clock checks.
package solution

import (
	"fmt"
	"sync"
	"time"
)

const TwitterEpoch int64 = 1288834974657

type Generator struct {
	mu       sync.Mutex
	workerID int64
	epochMS  int64
	now      func() int64
	lastMS   int64
	sequence int64
}

func New(workerID, epochMS int64, clockMS func() int64) (*Generator, error) {
	if workerID < 0 || workerID >= 1<<10 {
		return nil, fmt.Errorf("invalid worker id %d", workerID)
	}
	g := &Generator{workerID: workerID, epochMS: epochMS, now: clockMS, lastMS: -1}
	if g.now == nil {
		g.now = func() int64 { return time.Now().UnixMilli() }
	}
	return g, nil
}

func (g *Generator) NextID() (int64, error) {
	g.mu.Lock()
	defer g.mu.Unlock()
	for {
		ms := g.now()
		switch {
		case ms < g.lastMS:
			return 0, fmt.Errorf("clock moved backwards from %d to %d", g.lastMS, ms)
		case ms > g.lastMS:
			g.lastMS, g.sequence = ms, 0
		case g.sequence < 4095:
			g.sequence++
		default:
			continue // this millisecond is used up: read the clock again
		}
		return (g.lastMS-g.epochMS)<<22 | g.workerID<<12 | g.sequence, nil
	}
}
