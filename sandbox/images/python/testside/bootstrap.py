"""The test process: writes the grader where only it can read it, then runs pytest with the proxy ``solution``.

Started by the harness as the test user; the job (grader files and policy) arrives on stdin, so the grader never
exists anywhere the solution user can read.
"""

import base64
import json
import os
import sys

GRADER_DIR = "/grading/grader"


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


def main():
    from harness import not_dumpable  # /opt/drillkit is on this process's path; importing it runs nothing

    not_dumpable()
    os.chdir("/grading")
    job = json.loads(sys.stdin.buffer.read())
    write_grader(job["grader"])
    os.makedirs("/grading/tmp", mode=0o700, exist_ok=True)
    import drillkit_session

    connection = drillkit_session.install(int(os.environ["DRILLKIT_CONTROL_FD"]), job["policy"],
                                          stub=job["mode"] == "collect")
    connection.hidden = bool(job.get("hidden"))
    import pytest

    args = [GRADER_DIR, "-c", "/opt/drillkit/testside/pytest.ini", "--rootdir", GRADER_DIR,
            "--confcutdir", GRADER_DIR, "-p", "drillkit_plugin", "-q", "--no-header", "-p", "no:cacheprovider"]
    if job["mode"] == "collect":
        args.append("--collect-only")
    code = pytest.main(args)
    sys.stdout.flush()
    os._exit(int(code))


if __name__ == "__main__":
    main()
