package dk

// The protocol's values as Go values, both ways (sandbox/protocol.md, "Values").
//
// What arrives from the tests:   null -> nil, true/false -> bool, integers -> int64 (or *big.Int beyond 64 bits),
// strings -> string, ["float", x] -> float64, ["list", ...] -> []any, ["tuple", ...] -> Tuple, ["set", ...] -> Set,
// ["frozenset", ...] -> FrozenSet, ["ints", ...] -> []any of int64, ["rows", w, ...] -> []any of Tuple,
// ["dict", ...] -> Dict, ["bytes", ...] -> []byte, ["decimal", s] -> Decimal, ["ref", id] -> *Ref,
// ["obj", h] -> the solution-side object with that handle.
//
// What the solution side may send back: all of the above, any Go integer, float, string or bool type (named types
// included), slices and arrays (as lists), maps (as dicts), *big.Int, *big.Rat (as a decimal), Rows, and objects
// of the classes an adapter registered (as handles).

import (
	"encoding/base64"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"math/big"
	"reflect"
	"slices"
	"strconv"
	"strings"
)

// Tuple, Set and FrozenSet are Python's tuple, set and frozenset; a plain []any is a list.
type (
	Tuple     []any
	Set       []any
	FrozenSet []any
	// Decimal is a Python decimal.Decimal in its string form ("1.5E+3").
	Decimal string
)

// Pair is one item of a Dict.
type Pair struct{ K, V any }

// Dict is a Python dict with keys of any type, in order.
type Dict []Pair

// Get returns the value of the first item whose key equals k (by Python equality of plain values).
func (d Dict) Get(k any) (any, bool) {
	for _, p := range d {
		if Equal(p.K, k) {
			return p.V, true
		}
	}
	return nil, false
}

// Rows is a list of equally long tuples of plain values, sent as one flat array (["rows", width, flat]).
type Rows struct {
	Width int
	Flat  []any
}

const intsMin = 64 // from this length an all-int list crosses packed

// ProtocolError: the other side sent something outside the protocol; the driver ends the process.
type ProtocolError struct{ msg string }

func (e *ProtocolError) Error() string { return e.msg }

func protoErr(format string, args ...any) error {
	return &ProtocolError{fmt.Sprintf(format, args...)}
}

// --- decoding ---------------------------------------------------------------------------------------------

func (d *Driver) decode(j any) (any, error) { return d.decodeDepth(j, 0) }

func (d *Driver) decodeDepth(j any, depth int) (any, error) {
	switch v := j.(type) {
	case nil, bool, int64, string, *big.Int, float64:
		return v, nil
	case []any:
		if depth > 64 {
			return nil, protoErr("a value nested deeper than 64 levels")
		}
		if len(v) < 2 {
			return nil, protoErr("a tagged value without its content")
		}
		tag, ok := v[0].(string)
		if !ok {
			return nil, protoErr("a value that is neither plain JSON nor a tagged array")
		}
		return d.decodeTagged(tag, v, depth)
	}
	return nil, protoErr("a value that is neither plain JSON nor a tagged array")
}

func (d *Driver) decodeItems(body any, depth int) ([]any, error) {
	items, ok := body.([]any)
	if !ok {
		return nil, protoErr("a container whose items are not an array")
	}
	out := make([]any, len(items))
	for i, item := range items {
		switch item.(type) {
		case string, int64:
			out[i] = item
		default:
			x, err := d.decodeDepth(item, depth+1)
			if err != nil {
				return nil, err
			}
			out[i] = x
		}
	}
	return out, nil
}

func (d *Driver) decodeTagged(tag string, v []any, depth int) (any, error) {
	body := v[1]
	switch tag {
	case "list":
		return d.decodeItems(body, depth)
	case "tuple":
		items, err := d.decodeItems(body, depth)
		return Tuple(items), err
	case "set":
		items, err := d.decodeItems(body, depth)
		return Set(items), err
	case "frozenset":
		items, err := d.decodeItems(body, depth)
		return FrozenSet(items), err
	case "ints":
		ints, err := unpackInts(body)
		if err != nil {
			return nil, err
		}
		out := make([]any, len(ints))
		for i, n := range ints {
			out[i] = n
		}
		return out, nil
	case "rows":
		width, ok := body.(int64)
		if !ok || width < 1 || width > 64 || len(v) != 3 {
			return nil, protoErr("a malformed 'rows' value")
		}
		flat, ok := v[2].([]any)
		if !ok || len(flat)%int(width) != 0 {
			return nil, protoErr("a malformed 'rows' value")
		}
		for _, item := range flat {
			switch item.(type) {
			case nil, bool, int64, string, *big.Int:
			default:
				return nil, protoErr("a 'rows' value with items that are not plain")
			}
		}
		w := int(width)
		out := make([]any, len(flat)/w)
		for i := range out {
			out[i] = Tuple(flat[i*w : (i+1)*w : (i+1)*w])
		}
		return out, nil
	case "dict":
		items, ok := body.([]any)
		if !ok {
			return nil, protoErr("a 'dict' whose items are not an array")
		}
		out := make(Dict, 0, len(items))
		for _, item := range items {
			pair, ok := item.([]any)
			if !ok || len(pair) != 2 {
				return nil, protoErr("a 'dict' item that is not a [key, value] pair")
			}
			k, err := d.decodeDepth(pair[0], depth+1)
			if err != nil {
				return nil, err
			}
			val, err := d.decodeDepth(pair[1], depth+1)
			if err != nil {
				return nil, err
			}
			out = append(out, Pair{k, val})
		}
		return out, nil
	case "float":
		switch f := body.(type) {
		case float64:
			return f, nil
		case int64:
			return float64(f), nil
		case *big.Int:
			x, _ := new(big.Float).SetInt(f).Float64()
			return x, nil
		case string:
			switch f {
			case "nan":
				return math.NaN(), nil
			case "inf":
				return math.Inf(1), nil
			case "-inf":
				return math.Inf(-1), nil
			}
		}
		return nil, protoErr("a 'float' that is not a number")
	case "decimal":
		s, ok := body.(string)
		if !ok || len(s) > 4096 {
			return nil, protoErr("a 'decimal' that is not a short string")
		}
		return Decimal(s), nil
	case "bytes":
		s, ok := body.(string)
		if !ok {
			return nil, protoErr("a 'bytes' that is not a base64 string")
		}
		raw, err := base64.StdEncoding.DecodeString(s)
		if err != nil {
			return nil, protoErr("a malformed 'bytes'")
		}
		return raw, nil
	case "ref":
		id, ok := body.(int64)
		if !ok {
			return nil, protoErr("a malformed 'ref'")
		}
		return d.ref(id), nil
	case "obj":
		h, ok := body.(int64)
		if !ok {
			return nil, protoErr("a malformed 'obj'")
		}
		obj, ok := d.objects[h]
		if !ok {
			return nil, protoErr("no object %d in this solution process", h)
		}
		return obj, nil
	}
	if len(tag) > 40 {
		tag = tag[:40]
	}
	return nil, protoErr("an unknown value tag '%s'", tag)
}

func unpackInts(body any) ([]int64, error) {
	s, ok := body.(string)
	if !ok {
		return nil, protoErr("an 'ints' value that is not a base64 string")
	}
	raw, err := base64.StdEncoding.DecodeString(s)
	if err != nil || len(raw)%8 != 0 {
		return nil, protoErr("a malformed 'ints' value")
	}
	out := make([]int64, len(raw)/8)
	for i := range out {
		out[i] = int64(binary.LittleEndian.Uint64(raw[i*8:]))
	}
	return out, nil
}

// --- encoding ---------------------------------------------------------------------------------------------

// errUnsendable is wrapped into the TypeError a value without a wire form raises.
var errUnsendable = errors.New("cannot be sent to the tests")

func (d *Driver) appendValue(b []byte, v any, depth int) ([]byte, error) {
	if depth > 64 {
		return b, Raise("ValueError", "a result nested deeper than 64 levels (a cycle?)")
	}
	switch x := v.(type) {
	case nil:
		return append(b, "null"...), nil
	case bool:
		if x {
			return append(b, "true"...), nil
		}
		return append(b, "false"...), nil
	case int:
		return strconv.AppendInt(b, int64(x), 10), nil
	case int64:
		return strconv.AppendInt(b, x, 10), nil
	case int32:
		return strconv.AppendInt(b, int64(x), 10), nil
	case uint64:
		return strconv.AppendUint(b, x, 10), nil
	case uint32:
		return strconv.AppendUint(b, uint64(x), 10), nil
	case uint:
		return strconv.AppendUint(b, uint64(x), 10), nil
	case float64:
		return appendFloat(b, x), nil
	case float32:
		return appendFloat(b, float64(x)), nil
	case string:
		return appendJSONString(b, x), nil
	case []byte:
		b = append(b, `["bytes","`...)
		b = base64.StdEncoding.AppendEncode(b, x)
		return append(b, `"]`...), nil
	case []any:
		return d.appendList(b, "list", x, depth)
	case Tuple:
		return d.appendSeq(b, "tuple", x, depth)
	case Set:
		return d.appendSeq(b, "set", x, depth)
	case FrozenSet:
		return d.appendSeq(b, "frozenset", x, depth)
	case []int64:
		return appendInts(b, x), nil
	case []int:
		ints := make([]int64, len(x))
		for i, n := range x {
			ints[i] = int64(n)
		}
		return appendInts(b, ints), nil
	case []string:
		b = append(b, `["list",[`...)
		for i, s := range x {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendJSONString(b, s)
		}
		return append(b, "]]"...), nil
	case Dict:
		b = append(b, `["dict",[`...)
		var err error
		for i, p := range x {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, '[')
			if b, err = d.appendValue(b, p.K, depth+1); err != nil {
				return b, err
			}
			b = append(b, ',')
			if b, err = d.appendValue(b, p.V, depth+1); err != nil {
				return b, err
			}
			b = append(b, ']')
		}
		return append(b, "]]"...), nil
	case Rows:
		if x.Width < 1 || x.Width > 64 || len(x.Flat)%x.Width != 0 {
			return b, Raise("ValueError", "malformed rows")
		}
		b = append(b, `["rows",`...)
		b = strconv.AppendInt(b, int64(x.Width), 10)
		b = append(b, ",["...)
		var err error
		for i, item := range x.Flat {
			if i > 0 {
				b = append(b, ',')
			}
			switch item.(type) {
			case nil, bool, int, int64, string, *big.Int:
			default:
				return b, Raise("TypeError", "rows may hold only None, bools, ints and strings")
			}
			if b, err = d.appendValue(b, item, depth+1); err != nil {
				return b, err
			}
		}
		return append(b, "]]"...), nil
	case Decimal:
		b = append(b, `["decimal",`...)
		b = appendJSONString(b, string(x))
		return append(b, ']'), nil
	case *big.Int:
		if x == nil {
			return append(b, "null"...), nil
		}
		return x.Append(b, 10), nil
	case *big.Rat:
		if x == nil {
			return append(b, "null"...), nil
		}
		b = append(b, `["decimal",`...)
		b = appendJSONString(b, RatDecimal(x))
		return append(b, ']'), nil
	case *prepared:
		return d.appendHandle(b, x, preparedClass), nil
	case *stored:
		return d.appendHandle(b, x, storedClass), nil
	case *Ref:
		b = append(b, `["ref",`...)
		b = strconv.AppendInt(b, x.id, 10)
		return append(b, ']'), nil
	case error:
		return b, Raise("TypeError", fmt.Sprintf("an error value (%v) cannot be sent to the tests as a result", x))
	}
	return d.appendOther(b, v, depth)
}

func appendFloat(b []byte, f float64) []byte {
	b = append(b, `["float",`...)
	b = appendJSONFloat(b, f)
	return append(b, ']')
}

func appendInts(b []byte, ints []int64) []byte {
	if len(ints) >= intsMin {
		raw := make([]byte, 8*len(ints))
		for i, n := range ints {
			binary.LittleEndian.PutUint64(raw[i*8:], uint64(n))
		}
		b = append(b, `["ints","`...)
		b = base64.StdEncoding.AppendEncode(b, raw)
		return append(b, `"]`...)
	}
	b = append(b, `["list",[`...)
	for i, n := range ints {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendInt(b, n, 10)
	}
	return append(b, "]]"...)
}

func (d *Driver) appendList(b []byte, tag string, items []any, depth int) ([]byte, error) {
	if len(items) >= intsMin {
		ints := make([]int64, len(items))
		all := true
		for i, item := range items {
			switch n := item.(type) {
			case int64:
				ints[i] = n
			case int:
				ints[i] = int64(n)
			default:
				all = false
			}
			if !all {
				break
			}
		}
		if all {
			return appendInts(b, ints), nil
		}
	}
	if rows, ok := asRows(items); ok {
		return d.appendValue(b, rows, depth)
	}
	return d.appendSeq(b, tag, items, depth)
}

// asRows: a list of equally long tuples of plain values crosses as one flat array.
func asRows(items []any) (Rows, bool) {
	if len(items) < 2 {
		return Rows{}, false
	}
	first, ok := items[0].(Tuple)
	if !ok || len(first) < 1 || len(first) > 64 {
		return Rows{}, false
	}
	w := len(first)
	flat := make([]any, 0, w*len(items))
	for _, item := range items {
		t, ok := item.(Tuple)
		if !ok || len(t) != w {
			return Rows{}, false
		}
		for _, x := range t {
			switch x.(type) {
			case nil, bool, int64, int, string:
			default:
				return Rows{}, false
			}
		}
		flat = append(flat, t...)
	}
	return Rows{w, flat}, true
}

func (d *Driver) appendSeq(b []byte, tag string, items []any, depth int) ([]byte, error) {
	b = append(b, `["`...)
	b = append(b, tag...)
	b = append(b, `",[`...)
	var err error
	for i, item := range items {
		if i > 0 {
			b = append(b, ',')
		}
		if b, err = d.appendValue(b, item, depth+1); err != nil {
			return b, err
		}
	}
	return append(b, "]]"...), nil
}

// appendOther: registered classes as handles, then named basic types, slices, arrays and maps by reflection.
func (d *Driver) appendOther(b []byte, v any, depth int) ([]byte, error) {
	t := reflect.TypeOf(v)
	if c := d.reg.byType[t]; c != nil {
		return d.appendHandle(b, v, c), nil
	}
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Bool:
		return d.appendValue(b, rv.Bool(), depth)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return strconv.AppendInt(b, rv.Int(), 10), nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return strconv.AppendUint(b, rv.Uint(), 10), nil
	case reflect.Float32, reflect.Float64:
		return appendFloat(b, rv.Float()), nil
	case reflect.String:
		return appendJSONString(b, rv.String()), nil
	case reflect.Slice, reflect.Array:
		if rv.Kind() == reflect.Slice && rv.IsNil() {
			return append(b, `["list",[]]`...), nil
		}
		items := make([]any, rv.Len())
		for i := range items {
			items[i] = rv.Index(i).Interface()
		}
		return d.appendList(b, "list", items, depth)
	case reflect.Map:
		pairs := make(Dict, 0, rv.Len())
		iter := rv.MapRange()
		for iter.Next() {
			pairs = append(pairs, Pair{iter.Key().Interface(), iter.Value().Interface()})
		}
		// A map's order is random in Go: sort, so that the same answer crosses as the same bytes.
		slices.SortFunc(pairs, func(a, b Pair) int { return strings.Compare(fmt.Sprint(a.K), fmt.Sprint(b.K)) })
		return d.appendValue(b, pairs, depth)
	case reflect.Pointer, reflect.Interface:
		if rv.IsNil() {
			return append(b, "null"...), nil
		}
	}
	return b, Raise("TypeError", fmt.Sprintf("a value of Go type %s %v", t, errUnsendable))
}
