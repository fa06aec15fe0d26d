# Keyword-only and positional-only parameters in depth: bare *, defaults ordering, name reuse via **kwargs.
def kw(a, *, b, c=3, d):
    return a, b, c, d
print(kw(1, b=2, d=4), kw(a=1, d=4, b=2, c=0))
def po(a, b=2, /):
    return a, b
print(po(1), po(1, 5))
def po_kw(a, /, **kw):
    return a, kw
print(po_kw(1, a=2, b=3))
def all_kinds(p1, p2=20, /, s=30, *, k1, k2=50):
    return p1, p2, s, k1, k2
print(all_kinds(1, k1=40), all_kinds(1, 2, 3, k1=4), all_kinds(1, s=9, k1=0, k2=1))
def star_then_kw(*args, last):
    return args, last
print(star_then_kw(1, 2, last=3), star_then_kw(last="only"))
import math
print(divmod(7, 2), pow(2, 5, mod=7), sorted([3, 1], reverse=True), int("ff", base=16))
for bad in (lambda: po(a=1), lambda: kw(1, 2, d=4), lambda: all_kinds(1, 2, 3, 4, k1=5), lambda: star_then_kw(1),
            lambda: divmod(x=7, y=2), lambda: sorted([1], None), lambda: math.sqrt(x=4)):
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
print(kw.__kwdefaults__, po.__defaults__, all_kinds.__defaults__, all_kinds.__kwdefaults__)
def defaults_after(a, b=1, *, c, d=2, e):
    return a + b + c + d + e
print(defaults_after(0, c=10, e=100))
def pos_kw_same_name(name, /, **fields):
    return name, fields.get("name")
print(pos_kw_same_name("positional", name="keyword"))
