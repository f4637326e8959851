"""drillkit's `check` of an exercise's reference in Go, Java and C++, next to a plain compile-and-run of the same
reference with a minimal driver, in the same runner image under the same limits.

The baseline (bench/minimal/<id>/) calls the reference directly with the grader's timed workloads: no tests, no
harness, no wire protocol. Its toolchain is used plainly: `go build` with a build cache that an untimed run warmed
(the standard library is compiled already, as in drillkit's image; the reference gets a new comment before every
run, so its package is compiled each time, as a candidate's is), `javac` then `java`, and `g++` with the flags
drillkit compiles with. The ratio is drillkit's overhead per language: its test process, driver, adapter and
per-test sessions. Run:

    python bench/check_languages.py [ID] [-n N] [--lang go --lang java --lang cpp]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from hardened import hardened_run, paired_medians  # bench/hardened.py: this script's folder is on sys.path

from drillkit.bank import load_bank
from drillkit.graders import limits_for
from sandbox.docker_backend import BUILD_TMPFS_MB
from sandbox.image import runner_tag
from sandbox.languages import LANGUAGES

MINIMAL = Path(__file__).resolve().parent / "minimal"
GO_ENV = {"GOCACHE": "/gocache", "GOPATH": "/build/gopath", "HOME": "/build", "GOTOOLCHAIN": "local",
          "GOPROXY": "off", "GOFLAGS": "-mod=mod -buildvcs=false", "CGO_ENABLED": "0", "GOTELEMETRY": "off",
          "GOENV": "off"}
# Each language's plain compile-and-run, in the container, of /work/reference.* with /work/main.*.
SCRIPTS = {
    "go": "mkdir -p /build/src/solution && cp /work/reference.go /build/src/solution/solution.go"
          " && cp /work/main.go /build/src/ && printf 'module bench\\ngo 1.22\\n' > /build/src/go.mod"
          " && cd /build/src && go build -o /build/prog . && /build/prog",
    "java": "cp /work/reference.java /build/Solution.java && cp /work/Main.java /build/"
            " && javac -d /build /build/Solution.java /build/Main.java && java -cp /build Main",
    "cpp": "cp /work/reference.hpp /build/solution.hpp && cp /work/main.cpp /build/"
           " && g++-12 $(cat /opt/drillkit/driver/cpp/flags) -I/build /build/main.cpp -o /build/prog && /build/prog",
}
MAINS = {"go": "main.go", "java": "Main.java", "cpp": "main.cpp"}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("question", nargs="?", default="lru-cache")
    parser.add_argument("-n", "--runs", type=int, default=5)
    parser.add_argument("--lang", action="append", choices=sorted(SCRIPTS), help="default: all three")
    args = parser.parse_args()
    bank = load_bank()
    question = bank.get(args.question)
    minimal = MINIMAL / question.id
    if not minimal.is_dir():
        sys.exit(f"no minimal driver for {question.id} in {minimal}: write one per language (see lru-cache's)")
    drillkit = shutil.which("drillkit") or sys.exit("drillkit is not on PATH")
    limits = limits_for(question)
    print(f"question {question.id}, {args.runs} runs each, median wall time")
    for language in args.lang or list(SCRIPTS):
        reference = next(bank.grader_dir(question, language).glob("reference.*"))
        ours = [drillkit, "check", question.id, str(reference), "--json"]
        with tempfile.TemporaryDirectory() as tmp, tempfile.TemporaryDirectory() as cache:
            work = Path(tmp)
            shutil.copy(reference, work / reference.name)
            shutil.copy(minimal / MAINS[language], work / MAINS[language])
            work.chmod(0o755)
            mounts = {work: "/work"}
            extra: tuple[str, ...] = ("--entrypoint", "sh")
            if language == "go":
                # The build cache lives outside the container so the untimed first run can warm it.
                Path(cache).chmod(0o777)
                extra += ("-v", f"{cache}:/gocache")
            baseline = [*hardened_run(runner_tag(language), limits, mounts, env=GO_ENV if language == "go" else None,
                                      build_tmpfs_mb=BUILD_TMPFS_MB, user="10002:10002", extra=extra),
                        "-c", SCRIPTS[language]]
            for command in (ours, baseline):  # untimed: images in the page cache, Go's build cache warm
                subprocess.run(command, capture_output=True, check=True)

            def new_reference(run: int, path: Path = work / reference.name) -> None:
                with path.open("a") as source:  # a new file each time: no build cache has it
                    source.write(f"\n// run {run}\n")

            ours_median, base_median = paired_medians(ours, baseline, args.runs, new_reference)
        print(f"  {LANGUAGES[language].title:<5} drillkit check {ours_median:5.2f}s   compile-and-run "
              f"{base_median:5.2f}s   ratio {ours_median / base_median:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
