package dk

// Batches: many calls of one object's methods in one message (protocol.md, "prepare" and "batch"), so that a
// performance test measures the solution's work rather than round trips.

import (
	"runtime"
)

// prepared is a batch's calls in columns, kept between `prepare` and `batch`.
type prepared struct {
	names   []string
	count   int
	which   []int64 // the method of each call; nil with one name
	arity   []int64 // the argument count of each call; nil when each method has one count
	arities []int64 // the argument count of each method
	args    []any   // every call's arguments, flat
	ints    []int64 // the same when they arrived packed
	// a range batch: call i gets the one argument rangeStart + i*rangeStep
	isRange               bool
	rangeStart, rangeStep int64
}

func (d *Driver) intColumn(j any, what string) ([]int64, error) {
	if j == nil {
		return nil, nil
	}
	if t, ok := j.([]any); ok && len(t) == 2 && t[0] == "ints" {
		return unpackInts(t[1])
	}
	v, err := d.decode(j)
	if err != nil {
		return nil, err
	}
	items, ok := v.([]any)
	if !ok {
		return nil, protoErr("a batch column (%s) that is not a list of integers", what)
	}
	out := make([]int64, len(items))
	for i, item := range items {
		n, ok := item.(int64)
		if !ok {
			return nil, protoErr("a batch column (%s) that is not a list of integers", what)
		}
		out[i] = n
	}
	return out, nil
}

func (d *Driver) columns(msg map[string]any) (*prepared, error) {
	p := &prepared{}
	rawNames, _ := msg["names"].([]any)
	for _, n := range rawNames {
		s, ok := n.(string)
		if !ok {
			return nil, protoErr("a batch whose method names are not strings")
		}
		p.names = append(p.names, s)
	}
	count, ok := msg["count"].(int64)
	if !ok || count < 0 {
		return nil, protoErr("a batch without its count")
	}
	p.count = int(count)
	var err error
	if p.which, err = d.intColumn(msg["which"], "which"); err != nil {
		return nil, err
	}
	if p.arity, err = d.intColumn(msg["arity"], "arity"); err != nil {
		return nil, err
	}
	if raw, ok := msg["arities"].([]any); ok {
		for _, x := range raw {
			n, ok := x.(int64)
			if !ok || n < 0 {
				return nil, protoErr("a batch with a malformed argument count")
			}
			p.arities = append(p.arities, n)
		}
	}
	if t, ok := msg["args"].([]any); ok && len(t) == 2 && t[0] == "ints" {
		if p.ints, err = unpackInts(t[1]); err != nil {
			return nil, err
		}
	} else if msg["args"] != nil {
		v, err := d.decode(msg["args"])
		if err != nil {
			return nil, err
		}
		items, ok := v.([]any)
		if !ok {
			return nil, protoErr("a batch whose arguments are not a list")
		}
		for i, item := range items {
			items[i] = unstore(item)
		}
		p.args = items
	}
	if len(p.names) == 0 && p.count > 0 {
		return nil, protoErr("a batch that names no method")
	}
	if p.which != nil {
		if len(p.which) != p.count {
			return nil, protoErr("a batch whose columns disagree")
		}
		for _, w := range p.which {
			if w < 0 || int(w) >= len(p.names) {
				return nil, protoErr("a batch call of a method it does not name")
			}
		}
	} else if len(p.names) > 1 {
		return nil, protoErr("a batch of several methods without the method of each call")
	}
	total := int64(0)
	if p.arity != nil {
		if len(p.arity) != p.count {
			return nil, protoErr("a batch whose columns disagree")
		}
		for _, n := range p.arity {
			if n < 0 {
				return nil, protoErr("a batch call with a negative argument count")
			}
			total += n
		}
	} else {
		if len(p.arities) != len(p.names) {
			return nil, protoErr("a batch without the argument count of each method")
		}
		for i := 0; i < p.count; i++ {
			total += p.arities[p.method(i)]
		}
	}
	nargs := len(p.args)
	if p.ints != nil {
		nargs = len(p.ints)
	}
	if total != int64(nargs) {
		return nil, protoErr("a batch whose columns disagree")
	}
	return p, nil
}

func (p *prepared) method(i int) int {
	if p.which == nil {
		return 0
	}
	return int(p.which[i])
}

func (d *Driver) opPrepare(msg map[string]any, r *reply) error {
	p, err := d.columns(msg)
	if err != nil {
		return err
	}
	return d.setOK(r, p)
}

var (
	preparedClass = &class{name: "prepared", key: "go.prepared", methods: map[string]*method{}}
	storedClass   = &class{name: "stored", key: "go.stored", methods: map[string]*method{}}
)

func (d *Driver) opBatch(msg map[string]any, r *reply) error {
	target, err := d.target(msg["target"])
	if err != nil {
		return err
	}
	c := d.classOf(target)
	if c == nil {
		return Raise("TypeError", "a batch runs against a solution object or the module")
	}
	keep := msg["discard"] != true
	measure := msg["memory"] == true
	var p *prepared
	if rng, ok := msg["range"].([]any); ok {
		if len(rng) != 3 {
			return protoErr("a malformed range")
		}
		var bounds [3]int64
		for i, x := range rng {
			n, ok := x.(int64)
			if !ok {
				return protoErr("a malformed range")
			}
			bounds[i] = n
		}
		start, stop, step := bounds[0], bounds[1], bounds[2]
		if step == 0 {
			return Raise("ValueError", "range() arg 3 must not be zero")
		}
		name, _ := msg["method"].(string)
		// The numbers are made one at a time: a million-call range must not allocate a million-item column
		// (it would show in the memory a measured batch reports).
		count := int64(0)
		if step > 0 && stop > start {
			count = (stop - start + step - 1) / step
		} else if step < 0 && stop < start {
			count = (start - stop - step - 1) / -step
		}
		p = &prepared{names: []string{name}, arities: []int64{1}, count: int(count), rangeStart: start,
			rangeStep: step, isRange: true}
	} else if h, ok := msg["prepared"]; ok {
		v, err := d.decode(h)
		if err != nil {
			return err
		}
		if p, ok = v.(*prepared); !ok {
			return protoErr("a batch of something that is not a prepared batch")
		}
	} else if p, err = d.columns(msg); err != nil {
		return err
	}
	methods := make([]*method, len(p.names))
	whats := make([]string, len(p.names))
	for i, name := range p.names {
		if methods[i] = c.methods[name]; methods[i] == nil {
			return Raise("AttributeError", "'"+c.name+"' object has no attribute '"+name+"'")
		}
		whats[i] = c.name + "." + name
	}
	var before uint64
	if measure {
		before = heapInUse()
	}
	var results []any
	if keep {
		results = make([]any, 0, p.count)
	}
	a := &Args{d: d}
	position := 0
	number := []int64{0}
	for i := 0; i < p.count; i++ {
		which := p.method(i)
		m := methods[which]
		n := 0
		if p.arity != nil {
			n = int(p.arity[i])
		} else {
			n = int(p.arities[which])
		}
		a.what, a.ps, a.track = whats[which], m.params, a.track[:0]
		if p.isRange {
			number[0] = p.rangeStart + int64(i)*p.rangeStep
			a.ints, a.pos = number, nil
		} else if p.ints != nil {
			a.ints, a.pos = p.ints[position:position+n], nil
		} else {
			a.pos, a.ints = p.args[position:position+n], nil
		}
		position += n
		v, err := d.batchCall(m, target, a)
		if err != nil {
			r.index = i
			return err
		}
		if keep {
			results = append(results, v)
		}
	}
	if measure {
		after := heapInUse()
		r.hasMem = true
		r.memory = int64(after) - int64(before)
	}
	if !keep {
		r.ok = []byte("null")
		return nil
	}
	return d.setOK(r, results)
}

// batchCall is one call of a batch; a panic becomes its error (the batch stops there, naming the call).
func (d *Driver) batchCall(m *method, self any, a *Args) (v any, err error) {
	defer func() {
		if p := recover(); p != nil {
			if pe, ok := p.(*ProtocolError); ok {
				d.fail(pe)
			}
			stack := make([]uintptr, 64)
			stack = stack[:runtime.Callers(3, stack)]
			v, err = nil, panicException(p, stack)
		}
	}()
	if a.ints == nil || len(a.ints) < m.params.required || (len(a.ints) > len(m.params.names) && !m.params.varargs) {
		if err := a.check(); err != nil {
			return nil, err
		}
	}
	return m.call(self, a)
}

func heapInUse() uint64 {
	var s runtime.MemStats
	runtime.GC()
	runtime.GC()
	runtime.ReadMemStats(&s)
	return s.HeapAlloc
}
