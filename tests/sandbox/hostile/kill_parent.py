# Tries to kill the harness (PID 1 and its parent), then answers wrongly.
import os
import signal

for pid in {1, os.getppid()}:
    for sig in (signal.SIGKILL, signal.SIGTERM, signal.SIGSTOP):
        try:
            os.kill(pid, sig)
        except OSError:
            pass


def add(a, b):
    return a * b
