"""The runner's PID 1: runs the grader's tests against the submission in a child process and reports.

Trust boundary: this process starts before any submission code and never imports it. It hides itself from the
child (not dumpable, so /proc/1/fd and /proc/1/environ are closed to it; signals from inside the container do not
reach PID 1), reads the child's events from a private pipe, discards the child's own stdout/stderr beyond a small
cap, and alone writes to the container's stdout: one line framed with a nonce the child never sees.
"""

import ctypes
import hashlib
import hmac
import json
import os
import secrets
import subprocess
import sys
import threading

PR_SET_DUMPABLE = 4
EVENT_BYTES_CAP = 8 * 1024 * 1024
CHILD_OUTPUT_KEEP = 4096


def _not_dumpable():
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)
    except (OSError, AttributeError):
        pass


def _drain(stream, keep, sink):
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


def _unseal(raw, key, expected_seq):
    mac, _, payload = raw.rstrip(b"\n").partition(b" ")
    good = hmac.new(key, payload, hashlib.sha256).hexdigest().encode()
    if not hmac.compare_digest(mac, good):
        return None
    try:
        event = json.loads(payload)
    except ValueError:
        return None
    if not isinstance(event, dict) or event.get("seq") != expected_seq:
        return None
    return event


def run_pytest(solution_dir, *, collect_only, output_cap):
    read_fd, write_fd = os.pipe()
    key_read, key_write = os.pipe()
    key = secrets.token_bytes(32)
    env = {
        "PATH": "/usr/local/bin:/usr/bin:/bin",
        "HOME": "/tmp",
        "LANG": "C.UTF-8",
        "PYTHONPATH": f"{solution_dir}:/opt/drillkit",
        "PYTHONDONTWRITEBYTECODE": "1",
        "PYTHONHASHSEED": "random",
        "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1",
        "DRILLKIT_REPORT_FD": str(write_fd),
        "DRILLKIT_KEY_FD": str(key_read),
        "DRILLKIT_OUTPUT_CAP": str(output_cap),
    }
    args = [
        sys.executable, "-P", "-m", "pytest", "/grader",
        "-c", "/opt/drillkit/pytest.ini", "--rootdir", "/grader", "--confcutdir", "/grader",
        "-p", "pytest_timeout", "-p", "drillkit_plugin", "-q", "--no-header", "-p", "no:cacheprovider",
    ]
    if collect_only:
        args.append("--collect-only")
    child = subprocess.Popen(args, env=env, pass_fds=(write_fd, key_read), stdin=subprocess.DEVNULL,
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT, cwd="/tmp")
    os.close(write_fd)
    os.close(key_read)
    # The plugin reads the key while pytest configures itself, before the submission is imported.
    os.write(key_write, key)
    os.close(key_write)
    drained = []
    drainer = threading.Thread(target=_drain, args=(child.stdout, CHILD_OUTPUT_KEEP, drained), daemon=True)
    drainer.start()
    events = []
    received = 0
    overflow = False
    tampered = False
    with os.fdopen(read_fd, "rb") as pipe:
        for raw in pipe:
            received += len(raw)
            if received > EVENT_BYTES_CAP:
                overflow = True
                continue
            event = _unseal(raw, key, len(events))
            if event is None:
                tampered = True  # a line not written by the plugin: someone else holds the pipe
                continue
            events.append(event)
    returncode = child.wait()
    drainer.join()
    kept, total = drained[0] if drained else (b"", 0)
    return {
        "events": events,
        "returncode": returncode,
        "overflow": overflow,
        "tampered": tampered,
        "output": kept.decode("utf-8", "replace"),
        "output_bytes": total,
    }


def main():
    _not_dumpable()
    nonce = os.environ.pop("DRILLKIT_NONCE", "")
    mode = os.environ.pop("DRILLKIT_MODE", "run")
    output_cap = int(os.environ.get("DRILLKIT_OUTPUT_CAP", "1024"))
    report = {"version": 1, "mode": mode}
    if mode == "collect":
        # Counting the grader's tests runs no submission code: a stub stands in for the module.
        report["run"] = run_pytest("/opt/drillkit/stub", collect_only=True, output_cap=output_cap)
    else:
        report["run"] = run_pytest("/submission", collect_only=False, output_cap=output_cap)
    sys.stdout.write(f"DRILLKIT-REPORT {nonce} {json.dumps(report)}\n")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
