# Writes to the scratch tmpfs until it is full, reports how much it managed, then answers correctly.
import os

written = 0
try:
    with open("/tmp/fill.bin", "wb") as sink:
        block = b"\0" * (1024 * 1024)
        for _ in range(4096):
            sink.write(block)
            sink.flush()
            written += len(block)
except OSError:
    pass
os.remove("/tmp/fill.bin")
for target in ("/fill.bin", "/opt/fill.bin", "/submission/fill.bin", "/grader/fill.bin", "/grading/fill.bin",
               "/tmp/submission/fill.bin", "/tmp/submission/solution.py"):
    try:
        with open(target, "wb") as sink:
            sink.write(b"x")
        written += 10**12  # a write outside the tmpfs succeeded: make the breach visible
    except OSError:
        pass


def add(a, b):
    print(f"WRITTEN={written}")
    return a + b
