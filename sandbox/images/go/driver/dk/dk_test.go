package dk

import (
	"math"
	"math/big"
	"reflect"
	"strings"
	"testing"
)

func testDriver() *Driver {
	return &Driver{reg: &registry{names: map[string]any{}, byType: map[reflect.Type]*class{},
		exceptions: map[string]*excClass{}, module: &class{methods: map[string]*method{}}},
		objects: map[int64]any{}, ids: map[any]int64{}, nextHandle: 1, described: map[string]bool{},
		refs: map[int64]*Ref{}}
}

func TestParseJSON(t *testing.T) {
	v, err := parseJSON([]byte(`{"id":3,"args":[1,-2,"a\"b\\n\u00e9\ud83d\ude00",1.5,true,null,123456789012345678901]}`))
	if err != nil {
		t.Fatal(err)
	}
	args := v.(map[string]any)["args"].([]any)
	if args[0] != int64(1) || args[1] != int64(-2) || args[2] != "a\"b\\n\u00e9😀" || args[3] != 1.5 ||
		args[4] != true || args[5] != nil {
		t.Fatalf("got %#v", args)
	}
	if b, ok := args[6].(*big.Int); !ok || b.String() != "123456789012345678901" {
		t.Fatalf("big: %#v", args[6])
	}
	for _, bad := range []string{`{"a":}`, `[1,]`, `"abc`, `{"a":1} x`, `tru`, "\"a\x01\""} {
		if _, err := parseJSON([]byte(bad)); err == nil {
			t.Errorf("accepted %q", bad)
		}
	}
}

func TestValuesRoundTrip(t *testing.T) {
	d := testDriver()
	cases := []string{
		`null`, `true`, `-7`, `"x\ny"`, `["float",1.5]`, `["float","nan"]`, `["list",[1,"a",["tuple",[2,3]]]]`,
		`["set",[1]]`, `["frozenset",[]]`, `["dict",[[1,"a"],[["tuple",[1,2]],null]]]`, `["bytes","AAE="]`,
		`["decimal","1.5E+3"]`,
	}
	for _, c := range cases {
		j, err := parseJSON([]byte(c))
		if err != nil {
			t.Fatal(err)
		}
		v, err := d.decode(j)
		if err != nil {
			t.Fatalf("%s: %v", c, err)
		}
		b, err := d.appendValue(nil, v, 0)
		if err != nil {
			t.Fatalf("%s: %v", c, err)
		}
		if string(b) != c {
			t.Errorf("%s came back as %s", c, b)
		}
	}
}

func TestIntsAndRows(t *testing.T) {
	d := testDriver()
	ints := make([]any, 100)
	for i := range ints {
		ints[i] = int64(i * 1000000007)
	}
	b, _ := d.appendValue(nil, ints, 0)
	if !strings.HasPrefix(string(b), `["ints","`) {
		t.Fatalf("not packed: %.40s", b)
	}
	j, _ := parseJSON(b)
	back, err := d.decode(j)
	if err != nil || !Equal(back, ints) {
		t.Fatalf("ints round trip: %v", err)
	}
	rows := []any{Tuple{"a", "1"}, Tuple{"b", nil}}
	b, _ = d.appendValue(nil, rows, 0)
	if string(b) != `["rows",2,["a","1","b",null]]` {
		t.Fatalf("rows: %s", b)
	}
	j, _ = parseJSON(b)
	back, _ = d.decode(j)
	if !Equal(back, rows) {
		t.Fatalf("rows came back as %#v", back)
	}
}

func TestKeys(t *testing.T) {
	if KeyOf(int64(1)) != KeyOf(1.0) || KeyOf(true) != KeyOf(int64(1)) {
		t.Error("1, 1.0 and True must be one key")
	}
	if KeyOf("1") == KeyOf(int64(1)) || KeyOf(Tuple{int64(1), "a"}) == KeyOf(Tuple{"1", "a"}) {
		t.Error("different keys collide")
	}
	if KeyOf(FrozenSet{int64(1), int64(2)}) != KeyOf(FrozenSet{int64(2), int64(1)}) {
		t.Error("frozensets are unordered")
	}
	defer func() {
		if e, ok := recover().(*Exception); !ok || e.Type != "TypeError" {
			t.Errorf("a list key must raise TypeError, got %v", e)
		}
	}()
	KeyOf([]any{int64(1)})
}

func TestEqualReadsGoValues(t *testing.T) {
	if !Equal(Dict{{"a", int64(1)}}, map[string]int{"a": 1}) || Equal(Dict{{"a", int64(1)}}, map[string]int{"a": 2}) {
		t.Error("a dict and a Go map")
	}
	if !Equal([]any{"x", "y"}, []string{"x", "y"}) || Equal([]any{"x"}, Tuple{"x"}) {
		t.Error("lists, slices and tuples")
	}
	if !Equal(math.Inf(1), math.Inf(1)) {
		t.Error("floats")
	}
}

func TestRatDecimal(t *testing.T) {
	for _, c := range []struct {
		r    *big.Rat
		want string
	}{{big.NewRat(1, 10), "0.1"}, {big.NewRat(-3, 2), "-1.5"}, {big.NewRat(1073741824, 1), "1073741824"},
		{big.NewRat(1, 1000000000), "0.000000001"}} {
		if got := RatDecimal(c.r); got != c.want {
			t.Errorf("%v: got %s, want %s", c.r, got, c.want)
		}
	}
}

func TestSignatures(t *testing.T) {
	name, ps := parseSig("call(fn, *args, **kwargs)")
	if name != "call" || len(ps.names) != 1 || !ps.varargs || !ps.varkw || ps.required != 1 {
		t.Fatalf("%s %+v", name, ps)
	}
	_, ps = parseSig("get(key, default=None)")
	a := &Args{what: "get", ps: ps, pos: []any{"k"}, kw: map[string]any{"default": int64(5)}}
	if err := a.check(); err != nil || a.Value("default") != int64(5) || a.Key("key") != KeyOf("k") {
		t.Fatalf("binding: %v", err)
	}
	a = &Args{what: "get", ps: ps, pos: []any{"k", int64(1), int64(2)}}
	if err := a.check(); err == nil {
		t.Error("too many arguments accepted")
	}
	a = &Args{what: "get", ps: ps, kw: map[string]any{"default": int64(1)}}
	if err := a.check(); err == nil {
		t.Error("a missing argument accepted")
	}
}
