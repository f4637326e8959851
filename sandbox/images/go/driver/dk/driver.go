// Package dk is drillkit's Go driver runtime: it runs in the solution process, serves the test process's calls over
// the wire protocol (sandbox/protocol.md) and maps them onto an exercise's adapter, which declares the Python
// contract's names on top of the candidate's idiomatic Go API:
//
//	func main() {
//		dk.Serve(dk.Class[*solution.LRUCache[dk.Key, any]]{Sig: "LRUCache(capacity)", New: ..., Methods: ...})
//	}
//
// Everything here runs on the untrusted side: the tests believe nothing but the values it returns.
//
// Sessions: every test starts with `reset` and ends with `end`. Go cannot fork, so the process re-executes itself
// (the channel's descriptor survives exec): after `end` it becomes a fresh image of the program at once, and a
// `reset` that finds the process already fresh answers without another exec.
package dk

import (
	"encoding/base64"
	"errors"
	"fmt"
	"math/big"
	"os"
	"reflect"
	"runtime"
	"runtime/debug"
	"slices"
	"strconv"
	"syscall"
)

const (
	maxMessage  = 64 << 20
	protocol    = 1
	envChannel  = "DRILLKIT_CHANNEL_FD"
	envSession  = "DRILLKIT_GO_SESSION" // set across our own exec: "fresh" or "reset:<id>"
	envPending  = "DRILLKIT_GO_PENDING" // bytes read from the channel but not yet used, across an exec
	sessionFail = 3
)

// Driver serves one solution process.
type Driver struct {
	fd         int
	buf        []byte
	start, end int
	reg        *registry
	objects    map[int64]any
	ids        map[any]int64
	nextHandle int64
	described  map[string]bool
	refs       map[int64]*Ref
	nextReq    int64
	dirty      bool // a session has started in this process image
}

// Serve registers the adapter's entries, greets the test process and answers it until the channel closes. It
// never returns.
func Serve(entries ...Entry) {
	reg := &registry{names: map[string]any{}, byType: map[reflect.Type]*class{},
		exceptions: map[string]*excClass{},
		module:     &class{name: "solution", key: "go.solution", methods: map[string]*method{}}}
	for _, e := range entries {
		e.register(reg)
	}
	fd, err := strconv.Atoi(os.Getenv(envChannel))
	if err != nil {
		fmt.Fprintln(os.Stderr, "drillkit: no channel (DRILLKIT_CHANNEL_FD)")
		os.Exit(sessionFail)
	}
	// Deep recursion fails at 256 MB of stack rather than at the memory limit.
	debug.SetMaxStack(256 << 20)
	d := &Driver{fd: fd, buf: make([]byte, 64<<10), reg: reg, objects: map[int64]any{}, ids: map[any]int64{},
		nextHandle: 1, described: map[string]bool{}, refs: map[int64]*Ref{}, nextReq: 1}
	if pending := os.Getenv(envPending); pending != "" {
		raw, _ := base64.StdEncoding.DecodeString(pending)
		d.buf = append(raw, make([]byte, 64<<10)...)
		d.end = len(raw)
		os.Unsetenv(envPending)
	}
	session := os.Getenv(envSession)
	os.Unsetenv(envSession)
	switch {
	case session == "fresh":
	case len(session) > 6 && session[:6] == "reset:":
		id, _ := strconv.ParseInt(session[6:], 10, 64)
		d.dirty = true
		d.send(d.okReply(id, strconv.AppendInt(nil, int64(os.Getpid()), 10)))
	default:
		hello := []byte(`{"op":"hello","protocol":1,"driver":"go","pid":`)
		hello = strconv.AppendInt(hello, int64(os.Getpid()), 10)
		hello = append(hello, `,"loaded":true}`...)
		d.send(hello)
	}
	d.serveForever()
}

func (d *Driver) serveForever() {
	for {
		if out := d.serve(d.recv()); out != nil {
			d.send(out)
		}
	}
}

// --- the channel --------------------------------------------------------------------------------------------

func (d *Driver) send(b []byte) {
	b = append(b, '\n')
	for len(b) > 0 {
		n, err := syscall.Write(d.fd, b)
		if err == syscall.EINTR || err == syscall.EAGAIN {
			continue
		}
		if err != nil {
			os.Exit(0) // the tests closed the channel: nothing is listening any more
		}
		b = b[n:]
	}
}

func (d *Driver) recv() map[string]any {
	searched := d.start
	for {
		if i := indexNewline(d.buf[searched:d.end]); i >= 0 {
			line := d.buf[d.start : searched+i]
			d.start = searched + i + 1
			if d.start == d.end {
				d.start, d.end = 0, 0
			}
			v, err := parseJSON(line)
			if err != nil {
				d.fail(err)
			}
			msg, ok := v.(map[string]any)
			if !ok {
				d.fail(errors.New("a message that is not a JSON object"))
			}
			return msg
		}
		searched = d.end
		if d.end-d.start > maxMessage {
			d.fail(errors.New("a message that is too long"))
		}
		if d.end == len(d.buf) {
			if d.start > 0 {
				copy(d.buf, d.buf[d.start:d.end])
				d.end -= d.start
				searched -= d.start
				d.start = 0
			} else {
				d.buf = append(d.buf, make([]byte, len(d.buf))...)
			}
		}
		n, err := syscall.Read(d.fd, d.buf[d.end:])
		if err == syscall.EINTR || err == syscall.EAGAIN {
			continue
		}
		if err != nil || n == 0 {
			os.Exit(0) // the channel closed: the tests are done with this process
		}
		d.end += n
	}
}

func indexNewline(b []byte) int {
	return slices.Index(b, '\n')
}

func (d *Driver) fail(err error) {
	fmt.Fprintln(os.Stderr, "drillkit go driver:", err)
	os.Exit(sessionFail)
}

// --- replies ------------------------------------------------------------------------------------------------

type reply struct {
	id      any
	ok      []byte // the encoded value
	exc     *Exception
	index   int // the failing call of a batch, or -1
	mutated []byte
	memory  int64
	hasMem  bool
}

func (d *Driver) okReply(id int64, value []byte) []byte {
	b := append([]byte(`{"re":`), strconv.AppendInt(nil, id, 10)...)
	b = append(b, `,"ok":`...)
	b = append(b, value...)
	return append(b, '}')
}

func (d *Driver) encodeReply(r *reply) []byte {
	b := []byte(`{"re":`)
	switch id := r.id.(type) {
	case int64:
		b = strconv.AppendInt(b, id, 10)
	case string:
		b = appendJSONString(b, id)
	default:
		b = append(b, "null"...)
	}
	if r.exc != nil {
		b = append(b, `,"raise":`...)
		b = d.appendException(b, r.exc)
		if r.index >= 0 {
			b = append(b, `,"index":`...)
			b = strconv.AppendInt(b, int64(r.index), 10)
		}
	} else {
		b = append(b, `,"ok":`...)
		if r.ok == nil {
			b = append(b, "null"...)
		} else {
			b = append(b, r.ok...)
		}
	}
	if r.mutated != nil {
		b = append(b, `,"mutated":`...)
		b = append(b, r.mutated...)
	}
	if r.hasMem {
		b = append(b, `,"memory":{"traced_bytes":`...)
		b = strconv.AppendInt(b, r.memory, 10)
		b = append(b, '}')
	}
	return append(b, '}')
}

func (d *Driver) appendException(b []byte, e *Exception) []byte {
	if e.ref != 0 {
		b = append(b, `{"ref":`...)
		b = strconv.AppendInt(b, e.ref, 10)
		return append(b, '}')
	}
	typ, class := e.Type, ""
	bases, builtin := builtinBases[typ]
	if !builtin {
		class = typ
		base := "Exception"
		if ec := d.reg.exceptions[typ]; ec != nil {
			base = ec.base
		}
		bases = builtinBases[base]
		typ = bases[0]
	}
	b = append(b, `{"type":`...)
	b = appendJSONString(b, typ)
	b = append(b, `,"message":`...)
	b = appendJSONString(b, cut(e.Message))
	b = append(b, `,"class":`...)
	if class == "" {
		b = append(b, "null"...)
	} else {
		b = appendJSONString(b, class)
	}
	b = append(b, `,"bases":[`...)
	for i, base := range bases {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendJSONString(b, base)
	}
	return append(b, "]}"...)
}

// serve answers one request; exceptions and panics of the solution become the reply's "raise".
func (d *Driver) serve(msg map[string]any) []byte {
	r := &reply{id: msg["id"], index: -1}
	op, _ := msg["op"].(string)
	switch op {
	case "reset":
		d.reset(r)
		return d.encodeReply(r)
	case "end":
		r.ok = []byte("null")
		d.send(d.encodeReply(r))
		d.reexec("fresh")
		// exec failed: carry on in this process (the protocol allows a session that keeps module state)
		d.dirty = false
		return nil
	case "describe":
	default:
		d.dirty = true
	}
	d.guard(r, func() error { return d.dispatch(op, msg, r) })
	return d.encodeReply(r)
}

// guard runs fn, turning a returned error or a panic into the reply's exception.
func (d *Driver) guard(r *reply, fn func() error) {
	defer func() {
		if p := recover(); p != nil {
			if pe, ok := p.(*ProtocolError); ok {
				d.fail(pe)
			}
			stack := make([]uintptr, 64)
			stack = stack[:runtime.Callers(3, stack)]
			r.exc = panicException(p, stack)
			r.ok = nil
		}
	}()
	if err := fn(); err != nil {
		var pe *ProtocolError
		if errors.As(err, &pe) {
			d.fail(pe)
		}
		r.exc = toException(err)
		r.ok = nil
	}
}

func toException(err error) *Exception {
	var e *Exception
	if errors.As(err, &e) && (e.ref != 0 || error(e) == err) {
		return e
	}
	return &Exception{Type: "Exception", Message: err.Error()}
}

func (d *Driver) reset(r *reply) {
	if d.dirty {
		id, _ := r.id.(int64)
		d.reexec("reset:" + strconv.FormatInt(id, 10))
	}
	d.dirty = true
	r.ok = strconv.AppendInt(nil, int64(os.Getpid()), 10)
}

// reexec replaces this process by a fresh image of the program, keeping its pid and the channel. It returns only
// if exec failed.
func (d *Driver) reexec(session string) {
	exe, err := os.Executable()
	if err != nil {
		return
	}
	env := os.Environ()
	env = append(env, envSession+"="+session)
	if d.end > d.start {
		env = append(env, envPending+"="+base64.StdEncoding.EncodeToString(d.buf[d.start:d.end]))
	}
	_ = syscall.Exec(exe, os.Args, env)
}

// --- requests -----------------------------------------------------------------------------------------------

func (d *Driver) dispatch(op string, msg map[string]any, r *reply) error {
	switch op {
	case "describe":
		return d.opDescribe(msg, r)
	case "call":
		return d.opCall(msg, r)
	case "method":
		return d.opMethod(msg, r)
	case "getattr":
		return d.opGetattr(msg, r)
	case "setattr":
		return Raise("AttributeError", fmt.Sprintf("can't set attribute '%v' of a Go object", msg["name"]))
	case "iter":
		return d.opIter(msg, r)
	case "prepare":
		return d.opPrepare(msg, r)
	case "batch":
		return d.opBatch(msg, r)
	case "store":
		v, err := d.decode(msg["value"])
		if err != nil {
			return err
		}
		return d.setOK(r, &stored{v})
	case "fetch":
		t, err := d.target(msg["target"])
		if err != nil {
			return err
		}
		if s, ok := t.(*stored); ok {
			t = s.v
		}
		return d.setOK(r, t)
	}
	if len(op) > 40 {
		op = op[:40]
	}
	return protoErr("unknown operation '%s'", op)
}

func (d *Driver) setOK(r *reply, v any) error {
	b, err := d.appendValue(nil, v, 0)
	if err != nil {
		return err
	}
	r.ok = b
	return nil
}

// stored is a value the tests sent ahead (store); as an argument it is the value itself.
type stored struct{ v any }

// moduleTarget stands for the module (["module", 0]).
type moduleTarget struct{}

func (d *Driver) target(spec any) (any, error) {
	t, ok := spec.([]any)
	if !ok || len(t) < 2 {
		return nil, protoErr("a malformed target")
	}
	kind, _ := t[0].(string)
	switch kind {
	case "name":
		name, _ := t[1].(string)
		entry, ok := d.reg.names[name]
		if !ok {
			return nil, Raise("AttributeError", fmt.Sprintf("module 'solution' has no attribute '%s'", name))
		}
		return entry, nil
	case "module":
		return moduleTarget{}, nil
	case "obj":
		h, _ := t[1].(int64)
		obj, ok := d.objects[h]
		if !ok {
			return nil, protoErr("no object %d in this solution process", h)
		}
		return obj, nil
	}
	return nil, protoErr("a malformed target")
}

func (d *Driver) opDescribe(msg map[string]any, r *reply) error {
	t, err := d.target(msg["target"])
	if err != nil {
		return err
	}
	var desc Dict
	switch e := t.(type) {
	case *class:
		methods := make([]any, len(e.listed))
		for i, m := range e.listed {
			methods[i] = m
		}
		desc = Dict{{"kind", "class"}, {"name", e.name}, {"key", e.key}, {"methods", methods}, {"exception", nil}}
	case *function:
		desc = Dict{{"kind", "function"}, {"name", e.name}}
	case *excClass:
		bases := []any{}
		for _, b := range builtinBases[e.base] {
			bases = append(bases, b)
		}
		desc = Dict{{"kind", "class"}, {"name", e.name}, {"key", "go." + e.name}, {"methods", []any{}},
			{"exception", bases}}
	case *value:
		desc = Dict{{"kind", "value"}, {"value", e.v}}
	default:
		return Raise("TypeError", "only module attributes can be described")
	}
	return d.setOK(r, desc)
}

func (d *Driver) args(what string, ps *params, msg map[string]any) (*Args, error) {
	a := &Args{d: d, what: what, ps: ps}
	if raw, ok := msg["args"].([]any); ok {
		a.pos = make([]any, len(raw))
		for i, x := range raw {
			v, err := d.decode(x)
			if err != nil {
				return nil, err
			}
			a.pos[i] = unstore(v)
		}
	}
	if raw, ok := msg["kwargs"].(map[string]any); ok && len(raw) > 0 {
		a.kw = make(map[string]any, len(raw))
		for k, x := range raw {
			v, err := d.decode(x)
			if err != nil {
				return nil, err
			}
			a.kw[k] = unstore(v)
		}
	}
	return a, a.check()
}

func unstore(v any) any {
	if s, ok := v.(*stored); ok {
		return s.v
	}
	return v
}

// invoke runs one call and fills the reply: its result, or its exception, and any argument it changed.
func (d *Driver) invoke(r *reply, a *Args, fn func(a *Args) (any, error)) error {
	defer d.reportMutations(r, a)
	v, err := fn(a)
	if err != nil {
		return err
	}
	return d.setOK(r, v)
}

func (d *Driver) reportMutations(r *reply, a *Args) {
	if len(a.track) == 0 {
		return
	}
	var b []byte
	for _, t := range a.track {
		now := t.now()
		if Equal(t.orig, now) {
			continue
		}
		if b == nil {
			b = []byte{'['}
		} else {
			b = append(b, ',')
		}
		b = append(b, '[')
		switch k := t.key.(type) {
		case int:
			b = strconv.AppendInt(b, int64(k), 10)
		case string:
			b = appendJSONString(b, k)
		}
		b = append(b, ',')
		enc, err := d.appendValue(nil, now, 0)
		if err != nil {
			enc = []byte("null")
		}
		b = append(b, enc...)
		b = append(b, ']')
	}
	if b != nil {
		r.mutated = append(b, ']')
	}
}

func (d *Driver) opCall(msg map[string]any, r *reply) error {
	t, err := d.target(msg["target"])
	if err != nil {
		return err
	}
	switch e := t.(type) {
	case *class:
		if e.newFn == nil {
			return Raise("TypeError", fmt.Sprintf("cannot create '%s' instances", e.name))
		}
		a, err := d.args(e.name, e.params, msg)
		if err != nil {
			return err
		}
		return d.invoke(r, a, e.newFn)
	case *function:
		a, err := d.args(e.name, e.params, msg)
		if err != nil {
			return err
		}
		return d.invoke(r, a, e.fn)
	case *excClass:
		return Raise("TypeError", fmt.Sprintf("%s cannot be raised from the tests", e.name))
	}
	if c := d.classOf(t); c != nil {
		if m := c.methods["__call__"]; m != nil {
			return d.callMethod(r, c, m, t, msg)
		}
	}
	return Raise("TypeError", fmt.Sprintf("'%s' object is not callable", pyType(t)))
}

func (d *Driver) classOf(obj any) *class {
	if _, ok := obj.(moduleTarget); ok {
		return d.reg.module
	}
	return d.reg.byType[reflect.TypeOf(obj)]
}

func (d *Driver) callMethod(r *reply, c *class, m *method, self any, msg map[string]any) error {
	a, err := d.args(c.name+"."+m.name, m.params, msg)
	if err != nil {
		return err
	}
	return d.invoke(r, a, func(a *Args) (any, error) { return m.call(self, a) })
}

func (d *Driver) opMethod(msg map[string]any, r *reply) error {
	t, err := d.target(msg["target"])
	if err != nil {
		return err
	}
	name, _ := msg["name"].(string)
	c := d.classOf(t)
	if c == nil {
		return Raise("AttributeError", fmt.Sprintf("'%s' object has no attribute '%s'", pyType(t), name))
	}
	m := c.methods[name]
	if m == nil {
		return Raise("AttributeError", fmt.Sprintf("'%s' object has no attribute '%s'", c.name, name))
	}
	return d.callMethod(r, c, m, t, msg)
}

func (d *Driver) opGetattr(msg map[string]any, r *reply) error {
	t, err := d.target(msg["target"])
	if err != nil {
		return err
	}
	name, _ := msg["name"].(string)
	if e, ok := t.(*value); ok {
		t = e.v
	}
	c := d.classOf(t)
	if c != nil {
		if get := c.attrs[name]; get != nil {
			return d.setOK(r, get(t))
		}
	}
	typeName := pyType(t)
	if c != nil {
		typeName = c.name
	}
	return Raise("AttributeError", fmt.Sprintf("'%s' object has no attribute '%s'", typeName, name))
}

func (d *Driver) opIter(msg map[string]any, r *reply) error {
	t, err := d.target(msg["target"])
	if err != nil {
		return err
	}
	if c := d.classOf(t); c != nil && c.iter != nil {
		return d.setOK(r, c.iter(t))
	}
	return Raise("TypeError", fmt.Sprintf("'%s' object is not iterable", pyType(t)))
}

// --- handles --------------------------------------------------------------------------------------------------

func (d *Driver) appendHandle(b []byte, v any, c *class) []byte {
	h, ok := int64(0), false
	comparable := reflect.TypeOf(v).Comparable()
	if comparable {
		h, ok = d.ids[v]
	}
	if !ok {
		h = d.nextHandle
		d.nextHandle++
		d.objects[h] = v
		if comparable {
			d.ids[v] = h
		}
	}
	b = append(b, `["obj",`...)
	b = strconv.AppendInt(b, h, 10)
	b = append(b, ',')
	b = appendJSONString(b, c.key)
	if !d.described[c.key] {
		d.described[c.key] = true
		b = append(b, `,{"name":`...)
		b = appendJSONString(b, c.name)
		b = append(b, `,"key":`...)
		b = appendJSONString(b, c.key)
		b = append(b, `,"methods":[`...)
		for i, m := range c.listed {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendJSONString(b, m)
		}
		b = append(b, `],"exception":null}`...)
	}
	return append(b, ']')
}

// --- callbacks ------------------------------------------------------------------------------------------------

// Ref is an object of the tests (an injected clock, a wrapped function, a sentinel value).
type Ref struct {
	d  *Driver
	id int64
}

func (d *Driver) ref(id int64) *Ref {
	r := d.refs[id]
	if r == nil {
		r = &Ref{d: d, id: id}
		d.refs[id] = r
	}
	return r
}

// Call calls the test object with positional arguments and returns its result; an exception raised by test code
// comes back as an error that crosses back to the tests as that very exception (also when wrapped).
func (r *Ref) Call(args ...any) (any, error) { return r.CallKw(args, nil) }

// CallKw calls the test object with positional and keyword arguments.
func (r *Ref) CallKw(args []any, kwargs map[string]any) (any, error) {
	d := r.d
	id := d.nextReq
	d.nextReq++
	b := []byte(`{"id":`)
	b = strconv.AppendInt(b, id, 10)
	b = append(b, `,"op":"call","target":["ref",`...)
	b = strconv.AppendInt(b, r.id, 10)
	b = append(b, `],"args":[`...)
	var err error
	for i, a := range args {
		if i > 0 {
			b = append(b, ',')
		}
		if b, err = d.appendValue(b, a, 0); err != nil {
			return nil, err
		}
	}
	b = append(b, `],"kwargs":{`...)
	first := true
	for k, v := range kwargs {
		if !first {
			b = append(b, ',')
		}
		first = false
		b = appendJSONString(b, k)
		b = append(b, ':')
		if b, err = d.appendValue(b, v, 0); err != nil {
			return nil, err
		}
	}
	b = append(b, "}}"...)
	d.send(b)
	for {
		msg := d.recv()
		if re, ok := msg["re"]; ok {
			if n, ok := re.(int64); !ok || n != id {
				d.fail(errors.New("an answer to a question that was not asked"))
			}
			if raw, ok := msg["raise"].(map[string]any); ok {
				e := &Exception{Type: "Exception"}
				if t, ok := raw["type"].(string); ok {
					e.Type = t
				}
				if m, ok := raw["message"].(string); ok {
					e.Message = m
				}
				if ref, ok := raw["ref"].(int64); ok {
					e.ref = ref
				}
				return nil, e
			}
			return d.decode(msg["ok"])
		}
		if _, ok := msg["op"]; ok {
			if out := d.serve(msg); out != nil {
				d.send(out)
			}
			continue
		}
		d.fail(errors.New("a message that is neither a request nor an answer"))
	}
}

// Float calls the test object with no arguments and reads its result as a number (a clock). An exception raised by
// the test code propagates as a panic, and crosses back to the tests as itself.
func (r *Ref) Float() float64 {
	v, err := r.Call()
	if err != nil {
		panic(err)
	}
	return toFloat(v, "the clock's reading")
}

// Int calls the test object with no arguments and reads its result as an integer (a millisecond clock).
func (r *Ref) Int() int64 {
	v, err := r.Call()
	if err != nil {
		panic(err)
	}
	switch x := v.(type) {
	case float64:
		return int64(x)
	case *big.Int:
		return x.Int64()
	}
	return toInt64(v, "the clock's reading")
}
