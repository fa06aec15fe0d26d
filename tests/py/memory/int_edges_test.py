# Ints around the edges of the machine word: coil keeps values in
# (-2**63, 2**63) in one word and stores -2**63 (the word's tag value) and
# everything beyond in the big form.  Every result must be the same value
# whichever form it has.
MIN = -2**63
MAX = 2**63 - 1

edges = [MIN - 1, MIN, MIN + 1, -1, 0, 1, MAX - 1, MAX, MAX + 1]
for v in edges:
    print(v, hex(v), v.bit_length(), v == int(str(v)), hash(v) == hash(int(str(v))))

# Arithmetic that crosses the boundary in both directions.
print(MAX + 1, MAX + 1 - 1 == MAX, (MAX + 1) - 1)
print(MIN - 1, MIN - 1 + 1 == MIN, (MIN - 1) + 1)
print(MIN + 1 - 1, MIN + 1 - 2, -(MIN + 1), -MIN, -(-MIN))
print(MAX * 2, MAX * -1, MIN * -1, MIN * 1, MIN // -1, MIN % -1)
print(abs(MIN), abs(MIN + 1), ~MAX, ~MIN, ~(MAX + 1))
print(MIN >> 1, MIN << 1, (MIN >> 63), 1 << 63, -(1 << 63))
print(-2**62 - 2**62, (-2**62 - 2**62) == MIN, (-2**62) * 2, 2**62 * -2)
print(MIN & -1, MIN | 0, MIN ^ 0, MAX & MIN, MAX | MIN, MAX ^ MIN)
print(divmod(MIN, 7), divmod(MIN, -7), MIN / 2, float(MIN), int(float(MIN)))
print(MIN ** 1, MIN ** 2, pow(MIN, 1, 10**30), round(MIN, -3))

# Comparisons mix both forms and must agree with the values.
xs = [MAX + 1, MIN, 0, MIN - 1, MAX, MIN + 1, -1]
print(sorted(xs))
print([a < b for a, b in zip(xs, xs[1:])])
print(MIN == MIN + 0, MIN == -(2**63), MIN != MIN + 1, MIN in {MIN + 0}, {MIN: 1}[-(2**63)])

# Round trips through conversions that take a machine word.
print(int.from_bytes(MIN.to_bytes(8, "little", signed=True), "little", signed=True))
print(list(range(MIN, MIN + 3)), range(MIN, MAX)[0], len(range(MIN + 1, MIN + 4)))
print(str(MIN), repr(MIN), f"{MIN:,}", f"{MIN:x}", format(MIN, "b")[:8])
print(int("-9223372036854775808"), int("-9223372036854775808") is not None)
print(bool(MIN), bool(MIN + 2**63), MIN.__index__(), (MIN).__abs__())

# int subclasses keep their value in either form, with a __dict__.
class I(int):
    pass
a = I(MIN)
b = I(MAX + 1)
a.tag = "a"
print(a, b, a + 0, b - 1, a.tag, type(a).__name__, a == MIN, hash(b) == hash(MAX + 1))
c = I(5)
c.tag = "c"
print(c, c * 2, c.tag, vars(c))
