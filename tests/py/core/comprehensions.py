# All four comprehension kinds, nesting, conditions, scoping.
print([x * x for x in range(6) if x % 2 == 0])
print({x: x ** 2 for x in range(4)})
print({c for c in "mississippi"} == set("misp"))
print(sorted({c for c in "hello"}))
print([(i, j) for i in range(3) for j in range(i)])
print([[r * c for c in range(3)] for r in range(3)])
g = (x + 1 for x in range(3))
print(next(g), list(g), list(g))
print(sum(x for x in range(101)), max(len(w) for w in ["a", "abc", "ab"]))
x = "outer"
print([x for x in "ab"], x)
print([y for y in range(10) if y > 3 if y < 7])
print(dict(zip("abc", range(3))), list(enumerate("xy", start=1)))
print([n for n in range(20) if all(n % d for d in range(2, n)) and n > 1])
matrix = [[1, 2, 3], [4, 5, 6]]
print([list(row) for row in zip(*matrix)])
print([v for row in matrix for v in row if v % 2])
print({k: v for k, v in [("a", 1), ("b", 2)] if v > 1})
