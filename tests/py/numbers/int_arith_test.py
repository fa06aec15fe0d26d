# int arithmetic: small/big boundaries, floor semantics, powers, shifts, bitwise ops.
def show(label, f):
    try:
        r = f()
        print(label, type(r).__name__, repr(r))
    except Exception as e:
        print(label, type(e).__name__, e)

B = 2 ** 63
vals = [0, 1, -1, 7, -7, 2 ** 62, B - 1, B, -B, -B - 1, 2 ** 64 + 3, -(3 ** 45)]
for a in vals:
    for b in [1, -1, 3, -3, 7, B, -B - 1, 2 ** 70 + 1]:
        print(a, b, a + b, a - b, a * b, a // b, a % b, divmod(a, b))

show("1/0", lambda: 1 / 0)
show("1//0", lambda: 1 // 0)
show("1%0", lambda: 1 % 0)
show("divmod(1,0)", lambda: divmod(1, 0))
show("big/0", lambda: (2 ** 100) / 0)
show("big//0", lambda: (2 ** 100) // 0)
show("7/2", lambda: 7 / 2)
show("-7/2", lambda: -7 / 2)
show("1/3", lambda: 1 / 3)
show("big/big", lambda: (10 ** 400) / (10 ** 399))
show("1/huge", lambda: 1 / 10 ** 400)
show("huge/1", lambda: 10 ** 400 / 1)
show("rounding", lambda: (2 ** 80 + 2 ** 27) / 1)
show("rounding2", lambda: (2 ** 80 + 2 ** 27 + 1) / 1)
show("subnormal", lambda: 1 / 2 ** 1074)
show("underflow", lambda: 1 / 2 ** 1080)
show("ratio", lambda: (3 ** 200) / (3 ** 199))
show("2**-1", lambda: 2 ** -1)
show("0**-1", lambda: 0 ** -1)
show("0**0", lambda: 0 ** 0)
show("(-2)**63", lambda: (-2) ** 63)
show("(-2)**64", lambda: (-2) ** 64)
show("3**100", lambda: 3 ** 100)
show("(-1)**(10**20+1)", lambda: (-1) ** (10 ** 20 + 1))
show("pow(3,200,7)", lambda: pow(3, 200, 7))
show("pow(3,-1,7)", lambda: pow(3, -1, 7))
show("pow(2,-1,4)", lambda: pow(2, -1, 4))
show("pow(2,3,0)", lambda: pow(2, 3, 0))
show("pow(2,3,-5)", lambda: pow(2, 3, -5))
show("pow(-2,3,5)", lambda: pow(-2, 3, 5))
show("pow(5,0,1)", lambda: pow(5, 0, 1))
show("pow(2.0,3,5)", lambda: pow(2.0, 3, 5))
show("pow(2,3,5.0)", lambda: pow(2, 3, 5.0))
show("pow(10**30, 10**20, 97)", lambda: pow(10 ** 30, 10 ** 20, 97))
show("1<<100", lambda: 1 << 100)
show("-1<<100", lambda: -1 << 100)
show("5<<0", lambda: 5 << 0)
show("1<<-1", lambda: 1 << -1)
show("1>>-1", lambda: 1 >> -1)
show("0<<10**30", lambda: 0 << 10 ** 30)
show("-5>>1", lambda: -5 >> 1)
show("-5>>100", lambda: -5 >> 100)
show("big>>70", lambda: (2 ** 100 + 5) >> 70)
show("-big>>70", lambda: -(2 ** 100 + 5) >> 70)
show("x>>10**30", lambda: 12345 >> 10 ** 30)
show("-x>>10**30", lambda: -12345 >> 10 ** 30)
for a in [0, 5, -5, 2 ** 70, -(2 ** 70), 2 ** 64 - 1]:
    for b in [3, -3, 2 ** 65 + 1, -(2 ** 66)]:
        print(a, b, a & b, a | b, a ^ b)
    print(~a, -a, +a, abs(a))
print(-(-B), abs(-B), ~(B - 1))

x = 10
x += 5
x *= 3
x //= 4
x **= 3
x %= 1000
x <<= 2
x >>= 1
x |= 1
x &= 0xff
x ^= 0x0f
print(x)

# comparisons, including int versus float beyond 2**53
print(2 ** 53 + 1 > 2.0 ** 53, 2 ** 53 + 1 == 2.0 ** 53, 2 ** 53 == 2.0 ** 53)
print(10 ** 400 > float("inf"), -(10 ** 400) < float("-inf"), 10 ** 400 < float("inf"))
print(1 == 1.0, 1 < 1.5, B == 2.0 ** 63, B - 1 < 2.0 ** 63, float("nan") == 1, 1 != float("nan"))
print(sorted([3, 2 ** 70, -1, 2.5, -(2 ** 65), 0]))
print(max(2 ** 64, 2 ** 64 + 1), min(-3, -3.5))

# hashing
for v in [0, 1, -1, -2, 2 ** 61 - 1, 2 ** 61, 2 ** 100, -(2 ** 100), B, -B]:
    print(v, hash(v))
print(hash(1) == hash(1.0) == hash(True), hash(2 ** 70) == hash(2.0 ** 70))
d = {1: "a", 1.0: "b", True: "c", 2 ** 100: "d"}
print(d)

# identity of the small-int cache
a = 256
b = 255 + 1
print(a is b)
c = 257
e = 256 + int("1")
print(c is e, c == e)
m5 = -5
m6 = -6
print(int("-5") is m5, int("-6") is m6)
