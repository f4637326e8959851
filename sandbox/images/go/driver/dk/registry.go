package dk

// What an adapter declares: the names `from solution import ...` gives the tests (classes with their methods,
// dunders and attributes, functions, exception classes), each on top of the candidate's idiomatic Go API.

import (
	"fmt"
	"reflect"
	"sort"
	"strings"
)

// Entry is one name of the Python contract; Class, Func, ExceptionClass and Value make them.
type Entry interface{ register(r *registry) }

// Methods of a class T, keyed by their Python signature, e.g. "get(key, default=None)" or "__len__()".
type Methods[T any] map[string]func(self T, a *Args) (any, error)

// Attrs of a class T read as attributes by the tests (properties), e.g. "state".
type Attrs[T any] map[string]func(self T) any

// Class is a Python class whose instances are Go values of type T (usually a pointer to the candidate's type).
type Class[T any] struct {
	// Sig is the constructor's Python signature: "LRUCache(capacity)".
	Sig string
	// New builds an instance from the constructor's arguments.
	New     func(a *Args) (T, error)
	Methods Methods[T]
	Attrs   Attrs[T]
	// Iter, when set, lists the items `iter(obj)` yields.
	Iter func(self T) []any
}

// Func is a module-level Python function: Func("merge(a, b)", fn).
func Func(sig string, fn func(a *Args) (any, error)) Entry {
	name, params := parseSig(sig)
	return &function{name: name, params: params, fn: fn}
}

// ExceptionClass is a Python exception class of the contract, e.g. ExceptionClass("CircuitOpenError", "Exception"):
// Raise("CircuitOpenError", ...) and Map rules naming it raise it in the tests.
func ExceptionClass(name, builtinBase string) Entry {
	return &excClass{name: name, base: builtinBase}
}

// Value is a module-level constant.
func Value(name string, v any) Entry { return &value{name, v} }

type registry struct {
	names      map[string]any // *class, *function, *excClass, *value
	byType     map[reflect.Type]*class
	exceptions map[string]*excClass
	module     *class // the module as a batch target: its functions as methods
}

type params struct {
	names    []string
	index    map[string]int
	required int
	varargs  bool // *args
	varkw    bool // **kwargs
}

type method struct {
	name   string
	params *params
	call   func(self any, a *Args) (any, error)
}

type class struct {
	name    string
	key     string
	typ     reflect.Type
	params  *params
	newFn   func(a *Args) (any, error)
	methods map[string]*method
	attrs   map[string]func(self any) any
	iter    func(self any) []any
	listed  []string // method names in the description, sorted
}

type function struct {
	name   string
	params *params
	fn     func(a *Args) (any, error)
}

type excClass struct{ name, base string }

type value struct {
	name string
	v    any
}

func (r *registry) add(name string, entry any) {
	if _, dup := r.names[name]; dup {
		panic(fmt.Sprintf("drillkit adapter: %s registered twice", name))
	}
	r.names[name] = entry
}

func (c Class[T]) register(r *registry) {
	name, ps := parseSig(c.Sig)
	cl := &class{name: name, key: "go." + name, typ: reflect.TypeFor[T](), params: ps,
		methods: map[string]*method{}, attrs: map[string]func(any) any{}}
	if c.New != nil {
		newFn := c.New
		cl.newFn = func(a *Args) (any, error) { return newFn(a) }
	}
	for sig, fn := range c.Methods {
		mname, mps := parseSig(sig)
		cl.methods[mname] = &method{name: mname, params: mps,
			call: func(self any, a *Args) (any, error) { return fn(self.(T), a) }}
		cl.listed = append(cl.listed, mname)
	}
	for aname, fn := range c.Attrs {
		cl.attrs[aname] = func(self any) any { return fn(self.(T)) }
	}
	if c.Iter != nil {
		iter := c.Iter
		cl.iter = func(self any) []any { return iter(self.(T)) }
		cl.listed = append(cl.listed, "__iter__")
	}
	sort.Strings(cl.listed)
	r.add(name, cl)
	r.byType[cl.typ] = cl
}

func (f *function) register(r *registry) {
	r.add(f.name, f)
	r.module.methods[f.name] = &method{name: f.name, params: f.params,
		call: func(_ any, a *Args) (any, error) { return f.fn(a) }}
}

func (e *excClass) register(r *registry) {
	if _, ok := builtinBases[e.base]; !ok {
		panic(fmt.Sprintf("drillkit adapter: %s's base %s is not a builtin exception", e.name, e.base))
	}
	r.add(e.name, e)
	r.exceptions[e.name] = e
}

func (v *value) register(r *registry) { r.add(v.name, v) }

// parseSig: "get(key, default=None)" -> "get" and its parameters. Defaults are documentation only: the
// adapter reads a missing argument as absent (Args.Has) and applies the default itself.
func parseSig(sig string) (string, *params) {
	name, rest, ok := strings.Cut(sig, "(")
	name = strings.TrimSpace(name)
	ps := &params{index: map[string]int{}}
	if !ok {
		return name, ps
	}
	rest = strings.TrimSuffix(strings.TrimSpace(rest), ")")
	optional := false
	for _, part := range strings.Split(rest, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		switch {
		case strings.HasPrefix(part, "**"):
			ps.varkw = true
			continue
		case strings.HasPrefix(part, "*"):
			ps.varargs = true
			continue
		}
		pname, _, hasDefault := strings.Cut(part, "=")
		pname = strings.TrimSpace(pname)
		if hasDefault {
			optional = true
		} else if !optional {
			ps.required++
		}
		ps.index[pname] = len(ps.names)
		ps.names = append(ps.names, pname)
	}
	return name, ps
}

func (c *class) describe() []any {
	methods := make([]any, len(c.listed))
	for i, m := range c.listed {
		methods[i] = m
	}
	return []any{"name", c.name, "key", c.key, "methods", methods, "exception", nil}
}
