# Nested function definitions: defined on each call, recursion of inner functions, functions defined in loops and conditionals.
def outer(n):
    def inner():
        return n * 2
    return inner
a, b = outer(1), outer(1)
print(a is b, a() == b(), a.__qualname__)
def walker(tree):
    found = []
    def visit(node, depth):
        found.append((node["name"], depth))
        for child in node.get("children", []):
            visit(child, depth + 1)
    visit(tree, 0)
    return found
tree = {"name": "root", "children": [{"name": "a", "children": [{"name": "a1"}]}, {"name": "b"}]}
print(walker(tree))
def choose(flag):
    if flag:
        def f():
            return "version A"
    else:
        def f():
            return "version B"
    return f()
print(choose(True), choose(False))
makers = {}
for name in ("double", "triple"):
    factor = {"double": 2, "triple": 3}[name]
    def make(factor=factor):
        return lambda x: x * factor
    makers[name] = make()
print(makers["double"](5), makers["triple"](5))
def counter_pair():
    count = 0
    def incr():
        nonlocal count
        count += 1
        return count
    def decr():
        nonlocal count
        count -= 1
        return count
    return incr, decr
inc, dec = counter_pair()
print(inc(), inc(), dec(), inc())
def deep():
    level = 0
    def l1():
        def l2():
            def l3():
                return level + 3
            return l3()
        return l2()
    return l1()
print(deep())
def redefine():
    def f():
        return 1
    first = f
    def f():
        return 2
    return first(), f()
print(redefine())
def uses_outer_later():
    def get():
        return value
    value = "assigned after def"
    return get()
print(uses_outer_later())
