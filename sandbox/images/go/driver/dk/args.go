package dk

// The arguments of one call, read by parameter name as Python binds them (positionally or by keyword), with
// conversions to Go types. A conversion that fails raises TypeError in the tests, as Python would.

import (
	"fmt"
	"math"
	"math/big"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Args are one call's arguments. Adapters read them by the names of the signature they registered.
type Args struct {
	d     *Driver
	what  string
	ps    *params
	pos   []any
	ints  []int64 // the positional arguments, when a batch's arguments arrived packed
	kw    map[string]any
	track []tracked
}

type tracked struct {
	key  any // position (int) or keyword (string)
	orig any
	now  func() any
}

func (a *Args) npos() int {
	if a.ints != nil {
		return len(a.ints)
	}
	return len(a.pos)
}

func (a *Args) at(i int) any {
	if a.ints != nil {
		return a.ints[i]
	}
	return a.pos[i]
}

func typeError(format string, args ...any) *Exception {
	return &Exception{Type: "TypeError", Message: fmt.Sprintf(format, args...)}
}

// check binds the arguments to the signature as Python would, raising TypeError on a mismatch.
func (a *Args) check() error {
	n := a.npos()
	if n > len(a.ps.names) && !a.ps.varargs {
		return typeError("%s() takes %d positional arguments but %d were given", a.what, len(a.ps.names), n)
	}
	for k := range a.kw {
		i, ok := a.ps.index[k]
		if !ok {
			if a.ps.varkw {
				continue
			}
			return typeError("%s() got an unexpected keyword argument '%s'", a.what, k)
		}
		if i < n {
			return typeError("%s() got multiple values for argument '%s'", a.what, k)
		}
	}
	for i := n; i < a.ps.required; i++ {
		if _, ok := a.kw[a.ps.names[i]]; !ok {
			return typeError("%s() missing required argument: '%s'", a.what, a.ps.names[i])
		}
	}
	return nil
}

func (a *Args) lookup(name string) (any, bool) {
	i, ok := a.ps.index[name]
	if !ok {
		panic(typeError("the adapter of %s() reads a parameter '%s' its signature does not declare", a.what, name))
	}
	if i < a.npos() {
		return a.at(i), true
	}
	v, ok := a.kw[name]
	return v, ok
}

func (a *Args) key(name string) any {
	if i := a.ps.index[name]; i < a.npos() {
		return i
	}
	return name
}

// Has: the argument was given and is not None.
func (a *Args) Has(name string) bool {
	v, ok := a.lookup(name)
	return ok && v != nil
}

// Value is the argument as decoded from the wire (nil when absent or None).
func (a *Args) Value(name string) any {
	v, _ := a.lookup(name)
	return v
}

// ValueOr is the argument, or def when it was not given (a given None stays None).
func (a *Args) ValueOr(name string, def any) any {
	if v, ok := a.lookup(name); ok {
		return v
	}
	return def
}

func (a *Args) need(name string) any {
	v, ok := a.lookup(name)
	if !ok {
		panic(typeError("%s() missing required argument: '%s'", a.what, name))
	}
	return v
}

// Int64 is an integer argument (a bool counts, as in Python).
func (a *Args) Int64(name string) int64 {
	if a.ints != nil {
		if i, ok := a.ps.index[name]; ok && i < len(a.ints) {
			return a.ints[i]
		}
	}
	return toInt64(a.need(name), name)
}

// Int is an integer argument.
func (a *Args) Int(name string) int { return int(a.Int64(name)) }

// IntOr is an integer argument, or def when it is absent or None.
func (a *Args) IntOr(name string, def int) int {
	if !a.Has(name) {
		return def
	}
	return a.Int(name)
}

func toInt64(v any, name string) int64 {
	switch x := v.(type) {
	case int64:
		return x
	case bool:
		if x {
			return 1
		}
		return 0
	case *big.Int:
		panic(&Exception{Type: "OverflowError", Message: fmt.Sprintf("%s: %s does not fit in 64 bits", name, x)})
	}
	panic(typeError("%s must be an integer, got %s", name, pyType(v)))
}

// Float is a number argument (an int counts, as in Python).
func (a *Args) Float(name string) float64 { return toFloat(a.need(name), name) }

// FloatOr is a number argument, or def when it is absent or None.
func (a *Args) FloatOr(name string, def float64) float64 {
	if !a.Has(name) {
		return def
	}
	return a.Float(name)
}

func toFloat(v any, name string) float64 {
	switch x := v.(type) {
	case float64:
		return x
	case int64:
		return float64(x)
	case bool:
		if x {
			return 1
		}
		return 0
	case *big.Int:
		f, _ := new(big.Float).SetInt(x).Float64()
		return f
	}
	panic(typeError("%s must be a number, got %s", name, pyType(v)))
}

// Duration is a number of seconds as a time.Duration (rounded to the nanosecond).
func (a *Args) Duration(name string) time.Duration { return Seconds(a.Float(name)) }

// Seconds converts a float number of seconds to a Duration, rounded to the nanosecond.
func Seconds(s float64) time.Duration { return time.Duration(math.Round(s * 1e9)) }

// Time converts a float number of seconds (a fake clock's reading) to a time.Time.
func Time(s float64) time.Time { return time.Unix(0, 0).Add(Seconds(s)) }

// Str is a string argument.
func (a *Args) Str(name string) string {
	v := a.need(name)
	if s, ok := v.(string); ok {
		return s
	}
	panic(typeError("%s must be a str, got %s", name, pyType(v)))
}

// Bool is a bool argument.
func (a *Args) Bool(name string) bool {
	v := a.need(name)
	if b, ok := v.(bool); ok {
		return b
	}
	panic(typeError("%s must be a bool, got %s", name, pyType(v)))
}

// Key is a hashable argument as a comparable Go value (equal Python keys give equal Keys).
func (a *Args) Key(name string) Key {
	if a.ints != nil {
		if i, ok := a.ps.index[name]; ok && i < len(a.ints) {
			return Key{kind: kInt, n: a.ints[i]}
		}
	}
	return KeyOf(a.need(name))
}

// List is a list, tuple, set or frozenset argument as its items (the caller must not change them).
func (a *Args) List(name string) []any { return toList(a.need(name), name) }

func toList(v any, name string) []any {
	switch x := v.(type) {
	case []any:
		return x
	case Tuple:
		return x
	case Set:
		return x
	case FrozenSet:
		return x
	}
	panic(typeError("%s must be a list, got %s", name, pyType(v)))
}

// Strings is a list (or tuple, set) of str as a fresh []string; a change the callee makes to it is reported to
// the tests as a change to their argument.
func (a *Args) Strings(name string) []string {
	v := a.need(name)
	items := toList(v, name)
	out := make([]string, len(items))
	for i, item := range items {
		s, ok := item.(string)
		if !ok {
			panic(typeError("%s must hold str items, got %s", name, pyType(item)))
		}
		out[i] = s
	}
	a.Track(name, func() any { return out })
	return out
}

// Ints is a list of ints as a fresh []int64 (tracked like Strings).
func (a *Args) Ints(name string) []int64 {
	items := a.List(name)
	out := make([]int64, len(items))
	for i, item := range items {
		out[i] = toInt64(item, name)
	}
	a.Track(name, func() any { return out })
	return out
}

// Dict is a dict argument as its items.
func (a *Args) Dict(name string) Dict {
	v := a.need(name)
	if d, ok := v.(Dict); ok {
		return d
	}
	panic(typeError("%s must be a dict, got %s", name, pyType(v)))
}

// StrMap is a dict[str, str] as a fresh Go map (tracked like Strings).
func (a *Args) StrMap(name string) map[string]string {
	d := a.Dict(name)
	out := make(map[string]string, len(d))
	for _, p := range d {
		k, ok1 := p.K.(string)
		v, ok2 := p.V.(string)
		if !ok1 || !ok2 {
			panic(typeError("%s must map str to str", name))
		}
		out[k] = v
	}
	a.Track(name, func() any { return out })
	return out
}

// IntMap is a dict[str, int] as a fresh Go map (tracked like Strings).
func (a *Args) IntMap(name string) map[string]int64 {
	d := a.Dict(name)
	out := make(map[string]int64, len(d))
	for _, p := range d {
		k, ok := p.K.(string)
		if !ok {
			panic(typeError("%s must have str keys", name))
		}
		out[k] = toInt64(p.V, name)
	}
	a.Track(name, func() any { return out })
	return out
}

// Ref is an object of the tests (a callable such as an injected clock), or nil when absent or None.
func (a *Args) Ref(name string) *Ref {
	v, ok := a.lookup(name)
	if !ok || v == nil {
		return nil
	}
	if r, ok := v.(*Ref); ok {
		return r
	}
	panic(typeError("%s must be a callable of the tests, got %s", name, pyType(v)))
}

// Clock is a clock argument of the tests that returns seconds, as a Go clock; nil when absent or None.
func (a *Args) Clock(name string) func() time.Time {
	r := a.Ref(name)
	if r == nil {
		return nil
	}
	return func() time.Time { return Time(r.Float()) }
}

// Rest is the extra positional arguments (*args).
func (a *Args) Rest() []any {
	n := len(a.ps.names)
	if a.npos() <= n {
		return nil
	}
	out := make([]any, 0, a.npos()-n)
	for i := n; i < a.npos(); i++ {
		out = append(out, a.at(i))
	}
	return out
}

// Kwargs is the keyword arguments the signature does not name (**kwargs).
func (a *Args) Kwargs() map[string]any {
	out := map[string]any{}
	for k, v := range a.kw {
		if _, named := a.ps.index[k]; !named {
			out[k] = v
		}
	}
	return out
}

// Track reports a change of argument `name` to the tests: after the call, now() (the Go value the argument was
// converted to) is compared with the argument as it arrived, and a difference crosses as "mutated".
func (a *Args) Track(name string, now func() any) {
	v, ok := a.lookup(name)
	if !ok {
		return
	}
	a.track = append(a.track, tracked{key: a.key(name), orig: v, now: now})
}

// --- keys -------------------------------------------------------------------------------------------------

const (
	kNone uint8 = iota
	kInt
	kBig
	kFloat
	kStr
	kBytes
	kDecimal
	kTuple
	kFrozenSet
	kRef
	kObj
)

// Key is a hashable Python value as a comparable Go value: equal keys (1, 1.0 and True are one key, as in Python)
// give equal Keys. Use it as the key type when the tests use keys of mixed types.
type Key struct {
	kind uint8
	n    int64
	s    string
	o    any
}

// String renders the key for messages.
func (k Key) String() string {
	switch k.kind {
	case kNone:
		return "None"
	case kInt:
		return strconv.FormatInt(k.n, 10)
	case kStr:
		return strconv.Quote(k.s)
	}
	return k.s
}

// KeyOf is the Key of a decoded wire value; an unhashable one (list, dict, set) raises TypeError.
func KeyOf(v any) Key {
	switch x := v.(type) {
	case nil:
		return Key{kind: kNone}
	case int64:
		return Key{kind: kInt, n: x}
	case int:
		return Key{kind: kInt, n: int64(x)}
	case bool:
		if x {
			return Key{kind: kInt, n: 1}
		}
		return Key{kind: kInt}
	case *big.Int:
		if x.IsInt64() {
			return Key{kind: kInt, n: x.Int64()}
		}
		return Key{kind: kBig, s: x.String()}
	case float64:
		if x == math.Trunc(x) && math.Abs(x) < 1<<63 {
			return Key{kind: kInt, n: int64(x)}
		}
		return Key{kind: kFloat, s: strconv.FormatFloat(x, 'g', -1, 64)}
	case string:
		return Key{kind: kStr, s: x}
	case []byte:
		return Key{kind: kBytes, s: string(x)}
	case Decimal:
		return Key{kind: kDecimal, s: string(x)}
	case Tuple:
		var b strings.Builder
		for _, item := range x {
			writeKey(&b, KeyOf(item))
		}
		return Key{kind: kTuple, s: b.String()}
	case FrozenSet:
		parts := make([]string, len(x))
		for i, item := range x {
			var b strings.Builder
			writeKey(&b, KeyOf(item))
			parts[i] = b.String()
		}
		slices.Sort(parts)
		parts = slices.Compact(parts)
		return Key{kind: kFrozenSet, s: strings.Join(parts, "")}
	case *Ref:
		return Key{kind: kRef, n: x.id}
	case []any, Set, Dict:
		panic(typeError("unhashable type: '%s'", pyType(v)))
	}
	if reflect.TypeOf(v).Comparable() {
		return Key{kind: kObj, o: v}
	}
	panic(typeError("unhashable type: '%s'", pyType(v)))
}

func writeKey(b *strings.Builder, k Key) {
	b.WriteString(strconv.Itoa(int(k.kind)))
	b.WriteByte(':')
	b.WriteString(strconv.FormatInt(k.n, 10))
	b.WriteByte(':')
	b.WriteString(strconv.Itoa(len(k.s)))
	b.WriteByte(':')
	b.WriteString(k.s)
	if k.o != nil {
		fmt.Fprintf(b, "%p", k.o)
	}
	b.WriteByte(';')
}

func pyType(v any) string {
	switch v.(type) {
	case nil:
		return "NoneType"
	case bool:
		return "bool"
	case int64, *big.Int:
		return "int"
	case float64:
		return "float"
	case string:
		return "str"
	case []any:
		return "list"
	case Tuple:
		return "tuple"
	case Set:
		return "set"
	case FrozenSet:
		return "frozenset"
	case Dict:
		return "dict"
	case []byte:
		return "bytes"
	case Decimal:
		return "decimal.Decimal"
	case *Ref:
		return "test object"
	}
	return reflect.TypeOf(v).String()
}

// --- equality of values -----------------------------------------------------------------------------------

// Equal compares two values as Python's == compares plain data (Go slices and maps are read as lists and dicts).
func Equal(a, b any) bool {
	a, b = plain(a), plain(b)
	switch x := a.(type) {
	case nil:
		return b == nil
	case bool, int64, *big.Int, float64:
		switch b.(type) {
		case bool, int64, *big.Int, float64:
			return numEqual(x, b)
		}
		return false
	case string:
		y, ok := b.(string)
		return ok && x == y
	case []byte:
		y, ok := b.([]byte)
		return ok && string(x) == string(y)
	case Decimal:
		y, ok := b.(Decimal)
		return ok && x == y
	case []any:
		y, ok := b.([]any)
		return ok && seqEqual(x, y)
	case Tuple:
		y, ok := b.(Tuple)
		return ok && seqEqual(x, y)
	case Set, FrozenSet:
		xs, ys := toList(x, ""), []any(nil)
		switch y := b.(type) {
		case Set:
			ys = y
		case FrozenSet:
			ys = y
		default:
			return false
		}
		return setEqual(xs, ys)
	case Dict:
		y, ok := b.(Dict)
		if !ok || len(x) != len(y) {
			return false
		}
		for _, p := range x {
			v, found := y.Get(p.K)
			if !found || !Equal(p.V, v) {
				return false
			}
		}
		return true
	case *Ref:
		y, ok := b.(*Ref)
		return ok && x.id == y.id
	}
	defer func() { _ = recover() }() // incomparable dynamic types are simply not equal
	return a == b
}

func seqEqual(x, y []any) bool {
	if len(x) != len(y) {
		return false
	}
	for i := range x {
		if !Equal(x[i], y[i]) {
			return false
		}
	}
	return true
}

func setEqual(x, y []any) bool {
	if len(x) != len(y) {
		return false
	}
	for _, item := range x {
		found := false
		for _, other := range y {
			if Equal(item, other) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

func numEqual(a, b any) bool {
	ra, fa, okA := number(a)
	rb, fb, okB := number(b)
	if !okA || !okB {
		return false
	}
	if ra != nil && rb != nil {
		return ra.Cmp(rb) == 0
	}
	return fa == fb
}

func number(v any) (*big.Int, float64, bool) {
	switch x := v.(type) {
	case bool:
		if x {
			return big.NewInt(1), 1, true
		}
		return big.NewInt(0), 0, true
	case int64:
		return big.NewInt(x), float64(x), true
	case *big.Int:
		f, _ := new(big.Float).SetInt(x).Float64()
		return x, f, true
	case float64:
		return nil, x, true
	}
	return nil, 0, false
}

// plain reads Go values (named basic types, slices, maps) as the wire values they cross as.
func plain(v any) any {
	switch x := v.(type) {
	case nil, bool, int64, *big.Int, float64, string, []byte, Decimal, []any, Tuple, Set, FrozenSet, Dict, *Ref:
		return v
	case int:
		return int64(x)
	case int32:
		return int64(x)
	case uint32:
		return int64(x)
	case float32:
		return float64(x)
	case []string:
		out := make([]any, len(x))
		for i, s := range x {
			out[i] = s
		}
		return out
	case []int64:
		out := make([]any, len(x))
		for i, n := range x {
			out[i] = n
		}
		return out
	case *big.Rat:
		return Decimal(RatDecimal(x))
	}
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Bool:
		return rv.Bool()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return rv.Int()
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		if rv.Uint() > math.MaxInt64 {
			return new(big.Int).SetUint64(rv.Uint())
		}
		return int64(rv.Uint())
	case reflect.Float32, reflect.Float64:
		return rv.Float()
	case reflect.String:
		return rv.String()
	case reflect.Slice, reflect.Array:
		out := make([]any, rv.Len())
		for i := range out {
			out[i] = rv.Index(i).Interface()
		}
		return out
	case reflect.Map:
		out := make(Dict, 0, rv.Len())
		iter := rv.MapRange()
		for iter.Next() {
			out = append(out, Pair{plain(iter.Key().Interface()), iter.Value().Interface()})
		}
		return out
	}
	return v
}

// RatDecimal writes an exact rational as a decimal string when its expansion is finite (as every
// Kubernetes quantity's is), else with 30 significant digits.
func RatDecimal(r *big.Rat) string {
	den := new(big.Int).Set(r.Denom())
	twos, fives := 0, 0
	two, five, zero := big.NewInt(2), big.NewInt(5), big.NewInt(0)
	m := new(big.Int)
	for {
		q, rem := new(big.Int).QuoRem(den, two, m)
		if rem.Cmp(zero) != 0 {
			break
		}
		den, twos = q, twos+1
	}
	for {
		q, rem := new(big.Int).QuoRem(den, five, m)
		if rem.Cmp(zero) != 0 {
			break
		}
		den, fives = q, fives+1
	}
	if den.Cmp(big.NewInt(1)) == 0 {
		return r.FloatString(max(twos, fives))
	}
	return r.FloatString(30)
}

type integer interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 | ~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64
}

// IntMapOf is a dict[str, int] argument as the Go map type M, e.g. IntMapOf[solution.Clock](a, "clock"); a
// change the callee makes to the map is reported to the tests as a change to their argument.
func IntMapOf[M ~map[string]V, V integer](a *Args, name string) M {
	d := a.Dict(name)
	out := make(M, len(d))
	for _, p := range d {
		k, ok := p.K.(string)
		if !ok {
			panic(typeError("%s must have str keys", name))
		}
		out[k] = V(toInt64(p.V, name))
	}
	a.Track(name, func() any { return out })
	return out
}

// StringsOf is a list of str as the Go slice type S (tracked like Strings).
func StringsOf[S ~[]E, E ~string](a *Args, name string) S {
	items := a.List(name)
	out := make(S, len(items))
	for i, item := range items {
		s, ok := item.(string)
		if !ok {
			panic(typeError("%s must hold str items, got %s", name, pyType(item)))
		}
		out[i] = E(s)
	}
	a.Track(name, func() any { return out })
	return out
}
