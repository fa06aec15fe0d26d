# try/except/else/finally ordering, chaining, custom exceptions, args.
def check(v):
    try:
        print("try", v)
        if v == 1:
            raise ValueError("one")
        if v == 2:
            raise KeyError("two")
        if v == 3:
            return "returned"
    except ValueError as e:
        print("caught", repr(e), e.args)
    except (KeyError, IndexError) as e:
        print("caught tuple", type(e).__name__, e)
    else:
        print("else")
    finally:
        print("finally")
    return "end"

for v in range(4):
    print(check(v))

class AppError(Exception):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code

try:
    raise AppError(42, "custom")
except Exception as e:
    print(type(e).__name__, e.code, e, e.args, isinstance(e, AppError))

try:
    try:
        {}["missing"]
    except KeyError:
        raise RuntimeError("during")
except RuntimeError as e:
    print(repr(e.__context__), e.__cause__, e.__suppress_context__)

try:
    try:
        1 / 0
    except ZeroDivisionError as z:
        raise ValueError("from") from z
except ValueError as e:
    print(repr(e.__cause__), e.__suppress_context__)

try:
    raise TypeError("x") from None
except TypeError as e:
    print(e.__cause__, e.__suppress_context__)

def reraise():
    try:
        raise IndexError("inner")
    except IndexError:
        raise

try:
    reraise()
except IndexError as e:
    print("reraised", e)

try:
    raise StopIteration
except Exception as e:
    print(type(e).__name__, repr(e))

e = None
try:
    raise ValueError
except ValueError as e:
    pass
try:
    print(e)
except NameError as err:
    print("NameError:", err)

print(issubclass(KeyError, LookupError), issubclass(bool, int), KeyError.__mro__)
try:
    int("abc")
except ValueError as e:
    print(e)
try:
    [].pop()
except IndexError as e:
    print(e)
try:
    undefined_name
except NameError as e:
    print(e)
try:
    None.attr
except AttributeError as e:
    print(e)
try:
    "a" + 1
except TypeError as e:
    print(e)
