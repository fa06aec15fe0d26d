# bool: the int subclass with two instances.
def show(label, f):
    try:
        r = f()
        print(label, type(r).__name__, repr(r))
    except Exception as e:
        print(label, type(e).__name__, e)

print(True, False, repr(True), str(False), int(True), float(False))
print(True + True, True * 10, -True, ~True, ~False, True / 2, True // 1, True ** 2, abs(False))
print(True & True, True & False, True | False, False | False, True ^ True, True ^ False)
print(type(True & True).__name__, type(True & 1).__name__, type(True | 2).__name__, 1 & True, 3 ^ True)
print(True == 1, False == 0, True is True, True == 1.0, True < 2, False < True)
print(hash(True), hash(False), {True: "t", 1: "one"}, {0: "z", False: "f"})
print(bool(), bool(0), bool(1), bool(-1), bool(0.0), bool(0.1), bool(""), bool("a"), bool([]), bool([0]),
      bool(None), bool(2 ** 100), bool(float("nan")))

class Falsy:
    def __bool__(self):
        return False

class Sized:
    def __len__(self):
        return 0

class BadBool:
    def __bool__(self):
        return 1

print(bool(Falsy()), bool(Sized()), not Falsy())
show("bool(BadBool())", lambda: bool(BadBool()))
show("bool(1, 2)", lambda: bool(1, 2))
show("bool(x=1)", lambda: bool(x=1))
show("subclass", lambda: type("B", (bool,), {}))
print(isinstance(True, int), isinstance(True, bool), isinstance(1, bool), type(True).__mro__)
print(f"{True}", f"{True:d}", f"{True:>6}", "%d" % True, "%s" % False, format(False, ""), format(True, "5"))
print(sum([True, True, False]), max(True, 2), True.real, True.imag, True.numerator, True.bit_length())
print(True.as_integer_ratio(), (True).to_bytes(1, "big"), round(True), divmod(True, 2))
