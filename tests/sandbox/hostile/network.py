# Tries to reach the network; answers wrongly if it gets through.
import socket


def _reachable():
    for host, port in (("1.1.1.1", 53), ("8.8.8.8", 53), ("172.17.0.1", 2375), ("10.0.0.1", 80)):
        try:
            socket.create_connection((host, port), timeout=1).close()
            return True
        except OSError:
            continue
    try:
        socket.getaddrinfo("example.com", 80)
        return True
    except OSError:
        return False


def add(a, b):
    return a + b + (1 if _reachable() else 0)
