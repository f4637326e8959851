# Writes to the wire protocol's socket behind the driver's back: an answer to a question never asked, a line that
# is not JSON, and 40 MB without a newline. Each call still returns the right sum afterwards.
import os


def _sockets():
    for fd in os.listdir("/proc/self/fd"):
        try:
            if os.readlink(f"/proc/self/fd/{fd}").startswith("socket:"):
                yield int(fd)
        except OSError:
            continue


def _write(data):
    for fd in _sockets():
        try:
            os.write(fd, data)
        except OSError:
            pass


def add(a, b):
    if a == 2:
        _write(b'{"re": 424242, "ok": 5}\n')
    elif a == -2:
        _write(b"x" * (40 * 1024 * 1024))
    else:
        _write(b"this is not json\n")
    return a + b
