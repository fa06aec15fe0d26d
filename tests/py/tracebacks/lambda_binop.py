f = lambda x: x.upper() + 1
f("a")
