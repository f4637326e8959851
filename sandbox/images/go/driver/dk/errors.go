package dk

// Exceptions: how Go errors and panics cross as the Python exceptions the tests expect (protocol.md, "Exceptions").

import (
	"errors"
	"fmt"
	"runtime"
	"strconv"
	"strings"
)

const messageCap = 2000

// builtinBases: each builtin exception the tests may expect, with its builtin ancestors, nearest first.
var builtinBases = map[string][]string{
	"BaseException":       {"BaseException"},
	"Exception":           {"Exception", "BaseException"},
	"ValueError":          {"ValueError", "Exception", "BaseException"},
	"TypeError":           {"TypeError", "Exception", "BaseException"},
	"AttributeError":      {"AttributeError", "Exception", "BaseException"},
	"RuntimeError":        {"RuntimeError", "Exception", "BaseException"},
	"NotImplementedError": {"NotImplementedError", "RuntimeError", "Exception", "BaseException"},
	"RecursionError":      {"RecursionError", "RuntimeError", "Exception", "BaseException"},
	"LookupError":         {"LookupError", "Exception", "BaseException"},
	"KeyError":            {"KeyError", "LookupError", "Exception", "BaseException"},
	"IndexError":          {"IndexError", "LookupError", "Exception", "BaseException"},
	"ArithmeticError":     {"ArithmeticError", "Exception", "BaseException"},
	"ZeroDivisionError":   {"ZeroDivisionError", "ArithmeticError", "Exception", "BaseException"},
	"OverflowError":       {"OverflowError", "ArithmeticError", "Exception", "BaseException"},
	"OSError":             {"OSError", "Exception", "BaseException"},
	"TimeoutError":        {"TimeoutError", "OSError", "Exception", "BaseException"},
	"AssertionError":      {"AssertionError", "Exception", "BaseException"},
	"StopIteration":       {"StopIteration", "Exception", "BaseException"},
	"MemoryError":         {"MemoryError", "Exception", "BaseException"},
}

// Exception is a Python exception raised by the solution side. Type is a builtin exception name or the name of an
// exception class the adapter registered with ExceptionClass.
type Exception struct {
	Type    string
	Message string
	ref     int64 // an exception of the tests (raised in a callback): crosses back as itself
}

func (e *Exception) Error() string {
	if e.Message == "" {
		return e.Type
	}
	return e.Type + ": " + e.Message
}

// Raise is the exception `typ` (a builtin such as "ValueError", or a registered exception class) with a message.
func Raise(typ, message string) error { return &Exception{Type: typ, Message: message} }

// As turns a Go error into the exception `typ`, keeping its message; nil stays nil. An error from a test callback
// (an exception raised by test code) crosses back as that very exception, however the solution wrapped it.
func As(typ string, err error) error {
	if err == nil {
		return nil
	}
	var exc *Exception
	if errors.As(err, &exc) && exc.ref != 0 {
		return exc
	}
	if exc, ok := err.(*Exception); ok {
		return exc // already an exception (raised by the adapter)
	}
	return &Exception{Type: typ, Message: err.Error()}
}

// Rule maps errors matching a target (errors.Is) to an exception type; see Map.
type Rule struct {
	Target error
	Type   string
}

// On is a Rule: errors that are (or wrap) target become the exception typ.
func On(target error, typ string) Rule { return Rule{target, typ} }

// Map turns err into the exception of the first rule it matches, else into `fallback`; nil stays nil; an
// exception of the tests crosses back as itself.
func Map(err error, fallback string, rules ...Rule) error {
	if err == nil {
		return nil
	}
	for _, r := range rules {
		if errors.Is(err, r.Target) {
			return &Exception{Type: r.Type, Message: err.Error()}
		}
	}
	return As(fallback, err)
}

// panicException: a panic in the solution crosses as GoPanic (an Exception no test expects), naming the
// candidate's line where it happened.
func panicException(value any, stack []uintptr) *Exception {
	switch v := value.(type) {
	case *Exception:
		return v // raised on purpose by an adapter helper (a conversion), or a test exception in a callback
	}
	message := fmt.Sprint(value)
	if err, ok := value.(error); ok {
		message = err.Error()
	}
	if where := solutionLine(stack); where != "" {
		message += " (" + where + ")"
	}
	return &Exception{Type: "GoPanic", Message: "panic: " + message}
}

// solutionLine: the innermost frame of the candidate's file in a panic's stack, as "solution.go:LINE".
func solutionLine(stack []uintptr) string {
	frames := runtime.CallersFrames(stack)
	for {
		f, more := frames.Next()
		if strings.HasSuffix(f.File, "/solution/solution.go") || strings.HasSuffix(f.File, "/solution.go") {
			return "solution.go:" + strconv.Itoa(f.Line)
		}
		if !more {
			return ""
		}
	}
}

func cut(s string) string {
	if len(s) <= messageCap {
		return s
	}
	return s[:messageCap] + fmt.Sprintf("... [%d more characters]", len(s)-messageCap)
}
