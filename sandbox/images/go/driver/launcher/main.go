// The Go launcher, /opt/drillkit/driver/go/start: run by the harness as the solution user for every solution
// process of a grading. The first run compiles the submission into $DRILLKIT_BUILD_DIR (a module of the driver
// runtime, the exercise's adapter and the candidate's package) within $DRILLKIT_COMPILE_SECONDS; every run then
// execs the program, which greets the tests and serves them. A compile error is the greeting's error, with the
// compiler's messages naming the candidate's file.
//
// `start cacheprog RO RW` is the build cache the go command uses (GOCACHEPROG): entries are read from RO, the
// cache prebuilt into the image (the standard library and the driver runtime), then from RW, where new entries
// (the candidate's packages) are written. Nothing is copied per grading and the image stays read-only.
package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"go/parser"
	"go/token"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"time"
)

const (
	candidateFile = "solution.go"
	messageCap    = 2000
	modulePath    = "drillkit/grading"
	runtimeModule = "drillkit/dk"
)

func main() {
	if len(os.Args) == 4 && os.Args[1] == "cacheprog" {
		if err := cacheProg(os.Args[2], os.Args[3]); err != nil {
			fmt.Fprintln(os.Stderr, "cacheprog:", err)
			os.Exit(1)
		}
		return
	}
	if len(os.Args) == 4 && os.Args[1] == "assemble" { // image build: lay out a module to warm the cache with
		if err := assemble(os.Args[2], os.Args[3], driverDir()); err != nil {
			fmt.Fprintln(os.Stderr, "assemble:", err)
			os.Exit(1)
		}
		return
	}
	launch()
}

func driverDir() string {
	exe, err := os.Executable()
	if err != nil {
		return "/opt/drillkit/driver/go"
	}
	return filepath.Dir(exe)
}

func getenv(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}

func launch() {
	build := getenv("DRILLKIT_BUILD_DIR", "/build")
	prog := filepath.Join(build, "prog")
	failed := filepath.Join(build, "compile-error")
	if _, err := os.Stat(prog); err != nil {
		if message, err := os.ReadFile(failed); err == nil {
			hello(string(message), false)
		}
		seconds, err := strconv.ParseFloat(getenv("DRILLKIT_COMPILE_SECONDS", "30"), 64)
		if err != nil || seconds <= 0 {
			seconds = 30
		}
		message, memory := compile(build, prog, time.Duration(seconds*float64(time.Second)))
		if message != "" {
			_ = os.WriteFile(failed, []byte(message), 0o600)
			hello(message, memory)
		}
	}
	env := os.Environ()
	err := syscall.Exec(prog, []string{prog}, env)
	hello(fmt.Sprintf("the compiled program could not start: %v", err), false)
}

// hello tells the tests the submission did not load, then ends this process.
func hello(message string, memory bool) {
	fd, err := strconv.Atoi(os.Getenv("DRILLKIT_CHANNEL_FD"))
	if err != nil {
		fmt.Fprintln(os.Stderr, message)
		os.Exit(1)
	}
	data, _ := json.Marshal(map[string]any{"op": "hello", "protocol": 1, "driver": "go", "pid": os.Getpid(),
		"loaded": false, "memory": memory, "error": map[string]any{"type": "CompileError", "message": message}})
	f := os.NewFile(uintptr(fd), "channel")
	_, _ = f.Write(append(data, '\n'))
	os.Exit(0)
}

// assemble lays out the module: go.mod, the candidate's package and the adapter's main package.
func assemble(src, submission, driver string) error {
	if err := os.RemoveAll(src); err != nil {
		return err
	}
	for _, dir := range []string{"solution", "adapter"} {
		if err := os.MkdirAll(filepath.Join(src, dir), 0o755); err != nil {
			return err
		}
	}
	// The candidate may use everything the toolchain's language version offers.
	version := strings.Join(strings.SplitN(strings.TrimPrefix(runtime.Version(), "go"), ".", 3)[:2], ".")
	gomod := fmt.Sprintf("module %s\n\ngo %s\n\nrequire %s v0.0.0\n\nreplace %s => %s\n", modulePath, version,
		runtimeModule, runtimeModule, filepath.Join(driver, "dk"))
	if err := os.WriteFile(filepath.Join(src, "go.mod"), []byte(gomod), 0o644); err != nil {
		return err
	}
	entries, err := os.ReadDir(submission)
	if err != nil {
		return err
	}
	found := false
	for _, e := range entries {
		name := e.Name()
		if !strings.HasSuffix(name, ".go") || !e.Type().IsRegular() {
			continue
		}
		data, err := os.ReadFile(filepath.Join(submission, name))
		if err != nil {
			return err
		}
		target := filepath.Join(src, "adapter", name)
		if name == candidateFile {
			target, found = filepath.Join(src, "solution", name), true
		}
		if err := os.WriteFile(target, data, 0o644); err != nil {
			return err
		}
	}
	if !found {
		return errors.New("the submission has no " + candidateFile)
	}
	return nil
}

// compile builds the program; it returns the message for the tests on failure ("" on success) and whether the
// compiler ran out of memory.
func compile(build, prog string, limit time.Duration) (string, bool) {
	driver := driverDir()
	src := filepath.Join(build, "src")
	if err := assemble(src, getenv("DRILLKIT_SUBMISSION_DIR", "/tmp/submission"), driver); err != nil {
		return "cannot prepare the build: " + err.Error(), false
	}
	if message := packageClause(filepath.Join(src, "solution", candidateFile)); message != "" {
		return message, false
	}
	for _, dir := range []string{"cache", "tmp", "gopath"} {
		_ = os.MkdirAll(filepath.Join(build, dir), 0o700)
	}
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	defer cancel()
	temp := prog + ".tmp"
	cmd := exec.CommandContext(ctx, filepath.Join(goroot(), "bin", "go"), "build", "-o", temp,
		"-ldflags=-s -w", "./adapter")
	cmd.Dir = src
	cmd.Env = buildEnv(build, driver)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	var output bytes.Buffer
	cmd.Stdout, cmd.Stderr = &output, &output
	err := cmd.Run()
	if ctx.Err() != nil {
		return fmt.Sprintf("compiling did not finish within %g s", limit.Seconds()), false
	}
	if err != nil {
		var exit *exec.ExitError
		memory := errors.As(err, &exit) && exit.Sys().(syscall.WaitStatus).Signal() == syscall.SIGKILL
		return compilerMessage(output.String(), err), memory
	}
	if err := os.Rename(temp, prog); err != nil {
		return "cannot keep the compiled program: " + err.Error(), false
	}
	return "", false
}

// packageClause: the candidate's file must be `package solution`; any other name would show only as the
// adapter's errors.
func packageClause(path string) string {
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, path, nil, parser.PackageClauseOnly)
	if err != nil || file.Name.Name == "solution" {
		return "" // a syntax error is the compiler's to report, with its line
	}
	return fmt.Sprintf("%s:%d: the file must be `package solution`, not `package %s`", candidateFile,
		fset.Position(file.Package).Line, file.Name.Name)
}

func goroot() string { return getenv("DRILLKIT_GOROOT", "/usr/local/go") }

// buildEnv: the go command offline, with the layered cache, everything it writes under the build folder.
func buildEnv(build, driver string) []string {
	root := goroot()
	env := []string{
		"PATH=" + filepath.Join(root, "bin") + ":/usr/local/bin:/usr/bin:/bin",
		"GOROOT=" + root,
		"HOME=" + filepath.Join(build, "tmp"),
		"GOENV=off",
		"GOTOOLCHAIN=local",
		"GOPROXY=off",
		"GOSUMDB=off",
		"GOFLAGS=-mod=mod -buildvcs=false",
		"GOTELEMETRY=off",
		"XDG_CONFIG_HOME=" + filepath.Join(driver, "config"),
		"CGO_ENABLED=0",
		"GOPATH=" + filepath.Join(build, "gopath"),
		"GOTMPDIR=" + filepath.Join(build, "tmp"),
		"GOCACHE=" + filepath.Join(build, "cache"),
		"LANG=C.UTF-8",
	}
	env = append(env, "GOCACHEPROG="+filepath.Join(driver, "start")+" cacheprog "+
		filepath.Join(driver, "gocache")+" "+filepath.Join(build, "cache"))
	if v := os.Getenv("GOMAXPROCS"); v != "" {
		env = append(env, "GOMAXPROCS="+v)
	}
	return env
}

var (
	packageHeader = regexp.MustCompile(`^# \S+$`)
	buildPaths    = regexp.MustCompile(`(?:\S*/)?(?:src/)?(solution|adapter)/([A-Za-z0-9_.-]+\.go)`)
)

// compilerMessage: the compiler's messages with paths shown as the submission's file names, package headers
// dropped, at most messageCap characters.
func compilerMessage(output string, err error) string {
	var lines []string
	mentionsCandidate, mentionsAdapter := false, false
	for _, line := range strings.Split(strings.TrimSpace(output), "\n") {
		if packageHeader.MatchString(line) || strings.TrimSpace(line) == "" {
			continue
		}
		line = buildPaths.ReplaceAllStringFunc(line, func(path string) string {
			m := buildPaths.FindStringSubmatch(path)
			if m[1] == "solution" {
				mentionsCandidate = true
			} else {
				mentionsAdapter = true
			}
			return m[2]
		})
		lines = append(lines, line)
	}
	message := strings.Join(lines, "\n")
	if message == "" {
		message = "compiling failed: " + err.Error()
	}
	if mentionsAdapter && !mentionsCandidate {
		message = "the solution does not provide the exercise's Go API (the names and signatures in the " +
			"question's API block); the grader's adapter does not compile against it:\n" + message
	}
	if len(message) > messageCap {
		message = message[:messageCap] + fmt.Sprintf("... [%d more characters]", len(message)-messageCap)
	}
	return message
}

// --- the layered build cache (GOCACHEPROG) -------------------------------------------------------------------

type cacheRequest struct {
	ID       int64
	Command  string
	ActionID []byte `json:",omitempty"`
	OutputID []byte `json:",omitempty"`
	BodySize int64  `json:",omitempty"`
}

type cacheResponse struct {
	ID            int64
	Err           string     `json:",omitempty"`
	KnownCommands []string   `json:",omitempty"`
	Miss          bool       `json:",omitempty"`
	OutputID      []byte     `json:",omitempty"`
	Size          int64      `json:",omitempty"`
	Time          *time.Time `json:",omitempty"`
	DiskPath      string     `json:",omitempty"`
}

// An entry: <dir>/a/<action id> holds "<output id> <size> <unix nanoseconds>"; <dir>/o/<output id> the output.
func cacheProg(ro, rw string) error {
	for _, sub := range []string{"a", "o"} {
		if err := os.MkdirAll(filepath.Join(rw, sub), 0o755); err != nil {
			return err
		}
	}
	in := bufio.NewReaderSize(os.Stdin, 1<<20)
	out := bufio.NewWriter(os.Stdout)
	enc := json.NewEncoder(out)
	respond := func(r *cacheResponse) error {
		if err := enc.Encode(r); err != nil {
			return err
		}
		return out.Flush()
	}
	if err := respond(&cacheResponse{KnownCommands: []string{"get", "put", "close"}}); err != nil {
		return err
	}
	dec := json.NewDecoder(in)
	for {
		var req cacheRequest
		if err := dec.Decode(&req); err != nil {
			if errors.Is(err, io.EOF) {
				return nil
			}
			return err
		}
		resp := &cacheResponse{ID: req.ID}
		switch req.Command {
		case "get":
			getEntry(resp, hex.EncodeToString(req.ActionID), ro, rw)
		case "put":
			var body []byte
			if req.BodySize > 0 {
				if err := dec.Decode(&body); err != nil {
					return err
				}
			}
			if err := putEntry(resp, req, body, rw); err != nil {
				resp.Err = err.Error()
			}
		case "close":
			return respond(resp)
		default:
			resp.Err = "unknown command " + req.Command
		}
		if err := respond(resp); err != nil {
			return err
		}
	}
}

func getEntry(resp *cacheResponse, action, ro, rw string) {
	for _, dir := range []string{rw, ro} {
		data, err := os.ReadFile(filepath.Join(dir, "a", action))
		if err != nil {
			continue
		}
		fields := strings.Fields(string(data))
		if len(fields) != 3 {
			continue
		}
		output, err1 := hex.DecodeString(fields[0])
		size, err2 := strconv.ParseInt(fields[1], 10, 64)
		nanos, err3 := strconv.ParseInt(fields[2], 10, 64)
		path := filepath.Join(dir, "o", fields[0])
		if err1 != nil || err2 != nil || err3 != nil {
			continue
		}
		if info, err := os.Stat(path); err != nil || info.Size() != size {
			continue
		}
		when := time.Unix(0, nanos)
		resp.OutputID, resp.Size, resp.Time, resp.DiskPath = output, size, &when, path
		return
	}
	resp.Miss = true
}

func putEntry(resp *cacheResponse, req cacheRequest, body []byte, rw string) error {
	if int64(len(body)) != req.BodySize {
		return errors.New("the body's size differs from BodySize")
	}
	output := hex.EncodeToString(req.OutputID)
	path := filepath.Join(rw, "o", output)
	if info, err := os.Stat(path); err != nil || info.Size() != req.BodySize {
		if err := writeAtomic(path, body); err != nil {
			return err
		}
	}
	entry := fmt.Sprintf("%s %d %d\n", output, req.BodySize, time.Now().UnixNano())
	if err := writeAtomic(filepath.Join(rw, "a", hex.EncodeToString(req.ActionID)), []byte(entry)); err != nil {
		return err
	}
	resp.DiskPath = path
	return nil
}

func writeAtomic(path string, data []byte) error {
	temp := fmt.Sprintf("%s.%d.tmp", path, os.Getpid())
	if err := os.WriteFile(temp, data, 0o644); err != nil {
		return err
	}
	return os.Rename(temp, path)
}
