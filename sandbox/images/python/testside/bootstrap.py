"""The test process: writes the grader where only it can read it, then runs pytest with the proxy ``solution``.

Started by the harness as the test user; the job (grader files and policy) arrives on stdin, so the grader never
exists anywhere the solution user can read.
"""

import base64
import json
import os
import socket
import sys

GRADER_DIR = "/grading/grader"
# pytest's built-in plugins that a grading never uses (command-line features, other report formats): not loading
# them is a good part of pytest's start-up in every grading.
UNUSED_PLUGINS = [item for name in ("cacheprovider", "doctest", "junitxml", "pastebin", "stepwise", "setuponly",
                                    "setupplan", "nose") for item in ("-p", f"no:{name}")]


def write_grader(files):
    os.umask(0o077)
    os.makedirs(GRADER_DIR, mode=0o700, exist_ok=True)
    for relative, content in files.items():
        parts = relative.split("/")
        if relative.startswith("/") or any(part in ("", ".", "..") for part in parts):
            raise SystemExit(f"refusing grader path {relative!r}")
        path = os.path.join(GRADER_DIR, *parts)
        os.makedirs(os.path.dirname(path), mode=0o700, exist_ok=True)
        with open(path, "wb") as sink:
            sink.write(base64.b64decode(content))


def run_tests(job, control_fd):
    import drillkit_session
    import pytest

    connection = drillkit_session.install(control_fd, job["policy"], stub=job["mode"] == "collect")
    connection.hidden = bool(job.get("hidden"))
    args = [GRADER_DIR, "-c", "/opt/drillkit/testside/pytest.ini", "--rootdir", GRADER_DIR,
            "--confcutdir", GRADER_DIR, "-p", "drillkit_plugin", "-q", "--no-header", *UNUSED_PLUGINS]
    if job["mode"] == "collect":
        args.append("--collect-only")
    code = pytest.main(args)
    sys.stdout.flush()
    return int(code)


def serve_runs(job, zygote):
    """A warm session: for each run the harness sends a fresh control socket, and a forked copy of this process
    (pytest already imported) runs the tests on it, so no run inherits another's state."""
    import drillkit_plugin  # noqa: F401  (imported once here, so each run's fork starts warm)
    import pytest  # noqa: F401

    while True:
        try:
            message, fds, _, _ = socket.recv_fds(zygote, 256, 1)
        except OSError:
            return
        if not message or not fds:
            return
        try:
            baseline = json.loads(message).get("oom_baseline")
        except (ValueError, AttributeError):
            baseline = None
        pid = os.fork()
        if pid == 0:
            zygote.close()
            os._exit(run_tests({**job, "policy": {**job["policy"], "oom_baseline": baseline}}, fds[0]))
        os.close(fds[0])
        _, status = os.waitpid(pid, 0)
        zygote.sendall(json.dumps({"returncode": os.waitstatus_to_exitcode(status)}).encode() + b"\n")


def main():
    from harness import not_dumpable  # /opt/drillkit is on this process's path; importing it runs nothing

    not_dumpable()
    os.chdir("/grading")
    job = json.loads(sys.stdin.buffer.read())
    write_grader(job["grader"])
    os.makedirs("/grading/tmp", mode=0o700, exist_ok=True)
    if job["mode"] == "serve":
        serve_runs({**job, "mode": "run"}, socket.socket(fileno=int(os.environ["DRILLKIT_ZYGOTE_FD"])))
        os._exit(0)
    os._exit(run_tests(job, int(os.environ["DRILLKIT_CONTROL_FD"])))


if __name__ == "__main__":
    main()
