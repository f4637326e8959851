def addd(a, b):
    return a + b
