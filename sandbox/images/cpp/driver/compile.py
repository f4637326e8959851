"""Compiles a C++ submission once per grading: the candidate's solution.hpp, the exercise's adapter and the
driver runtime (lib/libdrillkit.a, with the precompiled prelude) into $DRILLKIT_BUILD_DIR/solution, then runs it.

Runs as the solution user, on the untrusted side: it only turns the compiler's output into a CompileError hello
(paths shown as the submission's file names, warnings dropped, notes trimmed) and never reads the grader.
"""

import json
import os
import re
import signal
import socket
import subprocess
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SUBMISSION = "/tmp/submission"
CANDIDATE = "solution.hpp"
COMPILER = "g++-12"
MESSAGE_CAP = 2000
NOTES_KEPT = 3


def hello_error(message):
    fd = int(os.environ["DRILLKIT_CHANNEL_FD"])
    channel = socket.socket(fileno=fd)
    hello = {"op": "hello", "protocol": 1, "driver": "cpp", "pid": os.getpid(), "loaded": False,
             "error": {"type": "CompileError", "message": message}}
    channel.sendall(json.dumps(hello).encode() + b"\n")


def cut(text, cap=MESSAGE_CAP):
    return text if len(text) <= cap else text[:cap] + f"... [{len(text) - cap} more characters]"


def _clean(raw):
    line = raw.replace(HERE + "/include/", "").replace(SUBMISSION + "/", "").replace("./", "")
    line = re.sub(r"/usr/bin/ld: /\S+?\.o: ", "", line)  # the linker's temporary objects
    return re.sub(r"/usr/(?:lib/gcc/[^/\s]+/12/include/|include/(?:[^/\s]+/)?)c\+\+/12/", "<std>/", line)


def _select(lines, drop_driver):
    kept = []
    notes = 0
    skipping = False
    for line in lines:
        if line.startswith(("In file included from ", "                 from ")):
            continue  # the candidate's file is always included from the adapter
        if drop_driver and line.startswith("drillkit/"):
            skipping = True  # follow-on errors inside the driver's templates: the adapter's line says it all
            continue
        if ": warning:" in line:
            skipping = True
            continue
        if re.match(r"<std>/\S+:\s+(?:recursively )?required (?:from|by)", line) or (kept and kept[-1] == line):
            continue  # template instantiation chains through the standard library, repeats
        if ": note:" in line:
            notes += 1
            skipping = notes > NOTES_KEPT
            if skipping:
                continue
        elif ": error:" in line or ": fatal error:" in line or "undefined reference" in line:
            skipping = False
        elif skipping and (line.startswith(" ") or ": " not in line):
            continue
        if line.strip():
            kept.append(line)
    return kept


def readable(output):
    """The compiler's messages as the candidate should read them: paths as file names (solution.hpp:12:5),
    no warnings, no follow-on errors inside the driver's headers, at most a few notes."""
    lines = [_clean(raw) for raw in output.splitlines()]
    kept = _select(lines, drop_driver=True)
    if not any(": error:" in line or "undefined reference" in line for line in kept):
        kept = _select(lines, drop_driver=False)
    first = next((line for line in kept if ": error:" in line), "")
    if first.startswith("adapter.cpp"):
        kept.insert(0, "solution.hpp does not match the exercise's C++ API (see: drillkit show <question> --lang cpp):")
    return cut("\n".join(kept).strip() or "the compiler failed without a message")


def compile_submission(build, binary, failed, seconds):
    if not os.path.isfile(os.path.join(SUBMISSION, CANDIDATE)):
        return f"no {CANDIDATE} in the submission"
    sources = sorted(name for name in os.listdir(SUBMISSION) if name.endswith((".cpp", ".cc")))
    with open(os.path.join(HERE, "flags")) as source:
        flags = source.read().split()
    partial = os.path.join(build, f".solution-{os.getpid()}")
    command = [COMPILER, *flags, "-w", "-fdiagnostics-plain-output", "-fmax-errors=8", "-I.",
               "-I", os.path.join(HERE, "include"), "-include", os.path.join(HERE, "include", "drillkit", "prelude.hpp"),
               *sources, os.path.join(HERE, "lib", "libdrillkit.a"), "-o", partial]
    env = {"PATH": "/usr/local/bin:/usr/bin:/bin", "LC_ALL": "C", "TMPDIR": build, "HOME": "/tmp"}  # plain quotes
    started = time.monotonic()
    process = subprocess.Popen(command, cwd=SUBMISSION, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, start_new_session=True)
    try:
        output, _ = process.communicate(timeout=seconds)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        return f"compiling did not finish within {seconds:g} s"
    if process.returncode != 0:
        if process.returncode < 0 and not output.strip():
            return f"the compiler was killed (signal {-process.returncode}; out of memory?)"
        return readable(output.decode("utf-8", "replace"))
    os.rename(partial, binary)
    with open(os.path.join(build, "compile-seconds"), "w") as sink:  # for benchmarks; nothing reads it here
        sink.write(f"{time.monotonic() - started:.3f}\n")
    return None


def main():
    build = os.environ.get("DRILLKIT_BUILD_DIR", "/build")
    binary = os.path.join(build, "solution")
    failed = os.path.join(build, "compile-error.txt")
    try:
        seconds = float(os.environ.get("DRILLKIT_COMPILE_SECONDS", "30"))
    except ValueError:
        seconds = 30.0
    if os.path.isfile(failed):  # the same file does not compile the second time either
        with open(failed, encoding="utf-8", errors="replace") as source:
            hello_error(source.read())
        return
    if not os.access(binary, os.X_OK):
        # A margin inside the load budget, so that a compile that runs out of time is still reported as such.
        error = compile_submission(build, binary, failed, max(1.0, seconds * 0.9 - 0.5))
        if error is not None:
            with open(failed + ".part", "w", encoding="utf-8") as sink:
                sink.write(error)
            os.rename(failed + ".part", failed)
            hello_error(error)
            return
    os.execv(binary, [binary])


if __name__ == "__main__":
    main()
