# Prints about 300 MB from inside a test, then answers correctly.
import sys

CHUNK = "x" * (1024 * 1024) + "\n"


def add(a, b):
    for _ in range(300):
        try:
            sys.stdout.write(CHUNK)
        except OSError:
            break
    return a + b
