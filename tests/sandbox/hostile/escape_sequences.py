# Prints and raises terminal control sequences: clear screen, a window title, a clipboard write, a hyperlink,
# 8-bit CSI, carriage-return overwrites, and rich markup.
import sys


def add(a, b):
    sys.stdout.write("\x1b[2J\x1b[H\x1b]0;pwned\x07\x1b]52;c;cm0gLXJmIC8=\x07\x1b]8;;http://evil/\x1b\\link\x1b]8;;\x1b\\")
    sys.stdout.write("PASSED\rFAILED\x9b31m[bold red]markup[/]\x08\x08\n")
    raise ValueError("\x1b[32mall tests passed\x1b[0m\r\x9b2J")
