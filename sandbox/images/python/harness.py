"""The runner's PID 1: starts the test process and the solution processes as different users, and reports.

Three users inside the container: this harness (root, holding only CAP_SETUID and CAP_SETGID, not dumpable),
the test process (TEST_UID: runs the grader's pytest tests, owns the only copy of the grader in a tmpfs that
nobody else can read) and the solution processes (SOLUTION_UID: run the submission under a language driver).
The solution user can neither read the grader, nor signal, trace or read the memory of the other two. The two
sides talk only through a socket pair in the wire protocol (sandbox/protocol.md); this harness hands out the
socket ends, replaces a solution process when the test process asks (after a hang or a crash), and alone writes
the report to the container's stdout, framed with a nonce that only the host and this process know.
"""

import base64
import ctypes
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time

PR_SET_DUMPABLE = 4
TEST_UID = 10001
SOLUTION_UID = 10002
SUBMISSION_DIR = "/tmp/submission"
EVENT_BYTES_CAP = 8 * 1024 * 1024
TEST_OUTPUT_KEEP = 4096
JOB_BYTES_CAP = 16 * 1024 * 1024
BASE_ENV = {"PATH": "/usr/local/bin:/usr/bin:/bin", "LANG": "C.UTF-8", "PYTHONDONTWRITEBYTECODE": "1"}
# Each language's driver: how to start it in the solution process. A new language adds a line here and a driver.
DRIVERS = {
    # -S: a submission has the standard library only, and skipping site-packages makes each restart quicker.
    "python": ["python3", "-P", "-S", "/opt/drillkit/driver/python_driver.py"],
    # Compiled languages: a launcher that builds the submission once per grading into BUILD_DIR (the first spawn
    # compiles, later ones reuse the build), then runs the driver program; their images add it.
    "go": ["/opt/drillkit/driver/go/start"],
    "java": ["/opt/drillkit/driver/java/start"],
    "cpp": ["/opt/drillkit/driver/cpp/start"],
}
# The solution user's exec-able scratch area for compiled languages (the other tmpfs mounts are noexec).
BUILD_DIR = "/build"
# Written by the solution user itself before the driver starts: the out-of-memory killer picks the solution
# first, and only root with CAP_SYS_RESOURCE (nobody here) could lower it again.
OOM_FIRST = 'echo 1000 > /proc/self/oom_score_adj; exec "$@"'


def oom_kills():
    """The container's count of out-of-memory kills (cgroup v2 or v1), or None where it cannot be read."""
    for path, key in (("/sys/fs/cgroup/memory.events", "oom_kill"),
                      ("/sys/fs/cgroup/memory/memory.oom_control", "oom_kill")):
        try:
            with open(path) as source:
                for line in source:
                    name, _, value = line.partition(" ")
                    if name == key:
                        return int(value)
        except (OSError, ValueError):
            continue
    return None


def not_dumpable():
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)
    except (OSError, AttributeError):
        pass


def read_frame():
    """One length-prefixed JSON job from stdin, or None once the host has closed it."""
    stream = sys.stdin.buffer
    header = stream.readline(32)
    if not header:
        return None
    size = int(header.strip() or 0)
    if not 0 < size <= JOB_BYTES_CAP:
        raise SystemExit("harness: malformed job on stdin")
    return json.loads(stream.read(size))


def read_job():
    job = read_frame()
    if job is None:
        raise SystemExit("harness: no job on stdin")
    return job


def write_submission(files):
    os.makedirs(SUBMISSION_DIR, mode=0o755, exist_ok=True)
    for old in os.listdir(SUBMISSION_DIR):
        os.unlink(os.path.join(SUBMISSION_DIR, old))
    for name, content in files.items():
        if "/" in name or name in ("", ".", ".."):
            raise SystemExit(f"harness: refusing submission file name {name!r}")
        path = os.path.join(SUBMISSION_DIR, name)
        with open(path, "wb") as sink:
            sink.write(base64.b64decode(content))
        os.chmod(path, 0o644)


REAPED = {}
TIMINGS = {}


def reap():
    """Collect every exited child, including orphans the solution left behind (this is PID 1)."""
    while True:
        try:
            pid, status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return
        REAPED[pid] = status


def processes_of(uid):
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/status") as status:
                fields = dict(line.split(":", 1) for line in status if ":" in line)
        except OSError:
            continue
        if fields.get("State", "").strip().startswith("Z"):
            continue
        if int(fields.get("Uid", "-1").split()[0]) == uid:
            found.append(int(entry))
    return found


def kill_solutions():
    """Kill every process of the solution user, however many it forked and whatever it reparented.

    With the real and effective user switched to the solution user (the saved one stays root, to switch back),
    kill(-1) reaches exactly that user's processes: never PID 1, never the test user's. No fork is needed, so a
    fork bomb that filled the pid limit is still killed.
    """
    for _ in range(100):
        os.setresuid(SOLUTION_UID, SOLUTION_UID, 0)
        try:
            os.kill(-1, signal.SIGKILL)
        except ProcessLookupError:
            pass
        finally:
            os.setresuid(0, 0, 0)
        reap()
        if not processes_of(SOLUTION_UID):
            return
        time.sleep(0.005)


def _removable(function, path, _exc):
    """rmtree's retry for a folder the solution made unwritable to itself: give it back, then remove."""
    try:
        os.chmod(os.path.dirname(path), 0o700)
        function(path)
    except OSError:
        pass


def clean_scratch():
    """Remove everything the solution user left in the shared scratch areas, so the next run starts clean.

    Done as the solution user (real and effective uid, saved uid kept to switch back): root here holds no
    CAP_DAC_OVERRIDE, and acting as that user can never remove anything it could not have removed itself.
    """
    os.setresuid(SOLUTION_UID, SOLUTION_UID, 0)
    try:
        for top in ("/tmp", "/dev/shm", BUILD_DIR):
            try:
                entries = list(os.scandir(top))
            except OSError:
                continue
            for entry in entries:
                try:
                    if entry.stat(follow_symlinks=False).st_uid != SOLUTION_UID:
                        continue
                    if entry.is_dir(follow_symlinks=False):
                        shutil.rmtree(entry.path, onerror=_removable)
                    else:
                        os.unlink(entry.path)
                except OSError:
                    pass
    finally:
        os.setresuid(0, 0, 0)


class Solutions:
    def __init__(self, language, policy=None):
        self.command = ["/bin/sh", "-c", OOM_FIRST, "driver", *DRIVERS[language]]
        self.compile_seconds = str((policy or {}).get("compile_seconds", 30))
        self.ready = None

    def start(self, hash_seed=None):
        """A new solution process; returns (pid, test-side socket fd, output read fd)."""
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        out_read, out_write = os.pipe()
        env = {**BASE_ENV, "HOME": "/tmp", "DRILLKIT_CHANNEL_FD": str(theirs.fileno()),
               "PYTHONHASHSEED": "random" if hash_seed is None else str(hash_seed),
               "DRILLKIT_BUILD_DIR": BUILD_DIR, "DRILLKIT_COMPILE_SECONDS": self.compile_seconds}
        try:
            child = subprocess.Popen(self.command, env=env, cwd="/tmp", stdin=subprocess.DEVNULL,
                                     stdout=out_write, stderr=out_write, pass_fds=(theirs.fileno(),),
                                     user=SOLUTION_UID, group=SOLUTION_UID, extra_groups=[], close_fds=True)
        finally:
            theirs.close()
            os.close(out_write)
        return child.pid, ours, out_read

    def prestart(self):
        self.ready = self.start()

    def spawn(self, hash_seed):
        if self.ready is not None and hash_seed is None:
            ready, self.ready = self.ready, None
            return ready
        self.discard_ready()
        kill_solutions()
        return self.start(hash_seed)

    def discard_ready(self):
        if self.ready is not None:
            _, sock, out_read = self.ready
            sock.close()
            os.close(out_read)
            self.ready = None


def drain(stream, keep, sink):
    kept = bytearray()
    total = 0
    while True:
        chunk = stream.read(65536)
        if not chunk:
            break
        total += len(chunk)
        if len(kept) < keep:
            kept += chunk[: keep - len(kept)]
    sink.append((bytes(kept), total))


def serve(control, solutions):
    """Answer the test process until it closes its end: spawn requests, and events for the report."""
    events = []
    received = 0
    overflow = False
    buffer = b""
    while True:
        chunk = control.recv(1 << 16)
        if not chunk:
            break
        received += len(chunk)
        if received > EVENT_BYTES_CAP:
            overflow = True
            break
        buffer += chunk
        *lines, buffer = buffer.split(b"\n")
        for line in lines:
            try:
                message = json.loads(line)
            except ValueError:
                continue  # the test process is trusted: a line it cannot have meant is simply dropped
            if message.get("op") == "spawn":
                seed = message.get("hash_seed")
                try:
                    pid, sock, out_read = solutions.spawn(seed if isinstance(seed, int) else None)
                except OSError as exc:
                    control.sendall(json.dumps({"error": str(exc)}).encode())
                    continue
                socket.send_fds(control, [json.dumps({"pid": pid}).encode()], [sock.fileno(), out_read])
                sock.close()
                os.close(out_read)
            elif message.get("op") == "event":
                message.pop("op")
                TIMINGS.setdefault(f"first_{message.get('event')}", time.monotonic())
                events.append(message)
        reap()
    return {"events": events, "overflow": overflow}


def start_test_process(job, fd_name):
    """The test process, as the test user, handed the grader on its stdin and one end of a socket pair."""
    ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
    # TMPDIR inside the private area: /tmp is the solution user's too, and it could plant paths there.
    env = {**BASE_ENV, "HOME": "/grading", "TMPDIR": "/grading/tmp", "PYTHONPATH": "/opt/drillkit/testside:/opt/drillkit",
           "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1", fd_name: str(theirs.fileno())}
    # cwd "/": the child changes directory before it changes user, and /grading is closed to root here.
    test = subprocess.Popen(["python3", "-P", "/opt/drillkit/testside/bootstrap.py"], env=env, cwd="/",
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            pass_fds=(theirs.fileno(),), user=TEST_UID, group=TEST_UID, extra_groups=[])
    theirs.close()
    drained = []
    drainer = threading.Thread(target=drain, args=(test.stdout, TEST_OUTPUT_KEEP, drained), daemon=True)
    drainer.start()
    test_job = {key: job.get(key) for key in ("grader", "policy", "mode", "hidden")}
    try:
        test.stdin.write(json.dumps(test_job).encode())
        test.stdin.close()
    except BrokenPipeError:
        pass
    return test, ours, drainer, drained


def run(job):
    mode = job.get("mode", "run")
    solutions = Solutions(job.get("language", "python"), job.get("policy"))
    job["policy"] = {**(job.get("policy") or {}), "oom_baseline": oom_kills()}
    if mode == "run":
        write_submission(job.get("submission", {}))
        solutions.prestart()  # loads the submission while pytest starts up
    test, ours, drainer, drained = start_test_process(job, "DRILLKIT_CONTROL_FD")
    TIMINGS["test_started"] = time.monotonic()
    result = serve(ours, solutions)
    TIMINGS["test_done"] = time.monotonic()
    returncode = os.waitstatus_to_exitcode(REAPED[test.pid]) if test.pid in REAPED else test.wait()
    solutions.discard_ready()
    kill_solutions()
    drainer.join(timeout=2)
    kept, _ = drained[0] if drained else (b"", 0)
    result["returncode"] = returncode
    result["output"] = kept.decode("utf-8", "replace")
    return result


def write_report(nonce, report):
    sys.stdout.write(f"DRILLKIT-REPORT {nonce} {json.dumps(report)}\n")
    sys.stdout.flush()


def serve_session(job, nonce):
    """A warm runner for one candidate and one question (``drillkit watch``): many runs, one container.

    The test process starts once, imports pytest and writes the grader, then forks a fresh test process for each
    run; each run gets a fresh solution process, an emptied scratch area and its own report, numbered by the
    host's sequence number. The host closing stdin ends the session.
    """
    solutions = Solutions(job.get("language", "python"), job.get("policy"))
    zygote, zygote_sock, _, _ = start_test_process(job, "DRILLKIT_ZYGOTE_FD")
    replies = zygote_sock.makefile("rb")
    while True:
        frame = read_frame()
        if frame is None:
            break
        started = time.monotonic()
        solutions.discard_ready()
        kill_solutions()
        clean_scratch()
        write_submission(frame.get("submission", {}))
        baseline = oom_kills()
        solutions.prestart()
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            socket.send_fds(zygote_sock, [json.dumps({"oom_baseline": baseline}).encode()], [theirs.fileno()])
        except OSError:
            break  # the test process is gone: the host sees the session end without this run's report
        finally:
            theirs.close()
        TIMINGS.clear()
        result = serve(ours, solutions)
        ours.close()
        reply = replies.readline(256)
        try:
            result["returncode"] = json.loads(reply)["returncode"] if reply else None
        except (ValueError, KeyError, TypeError):
            result["returncode"] = None
        result["output"] = ""
        solutions.discard_ready()
        kill_solutions()
        write_report(nonce, {"version": 2, "mode": "run", "seq": frame.get("seq"), "run": result,
                             "timings": {"run": round(time.monotonic() - started, 3),
                                         **{k: round(v - started, 3) for k, v in TIMINGS.items()}}})
        if not reply:
            break
    zygote_sock.close()
    try:
        zygote.wait(timeout=2)
    except subprocess.TimeoutExpired:
        zygote.kill()


STARTED = time.monotonic()


def main():
    if os.getpid() != 1:
        # kill_solutions relies on being the container's init; anywhere else it could reach other processes.
        raise SystemExit("harness: must run as PID 1 of a grading container")
    not_dumpable()
    job = read_job()
    job_read = time.monotonic() - STARTED
    nonce = str(job.get("nonce", ""))
    if job.get("mode") == "serve":
        serve_session(job, nonce)
        return
    report = {"version": 2, "mode": job.get("mode", "run"), "run": run(job)}
    # Where the time went inside the container, for bench/ (seconds since the harness started).
    report["timings"] = {"job_read": round(job_read, 3), "done": round(time.monotonic() - STARTED, 3),
                         **{k: round(v - STARTED, 3) for k, v in TIMINGS.items()}}
    write_report(nonce, report)


if __name__ == "__main__":
    main()
