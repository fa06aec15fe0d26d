def deep(n):
    return deep(n + 1) if n < 5000 else 0
def other():
    return deep(0)
other()
