# raise with a class vs an instance, re-raise, raising non-exceptions, exception args/str/repr.
for thing in (ValueError, ValueError("msg"), KeyError, IndexError("i", 2)):
    try:
        raise thing
    except Exception as e:
        print(type(e).__name__, repr(e), str(e), e.args)
try:
    raise 42
except TypeError as e:
    print("TypeError:", e)
try:
    raise object
except TypeError as e:
    print("TypeError:", e)
class NotAnError:
    pass
try:
    raise NotAnError()
except TypeError as e:
    print("TypeError:", e)
e = RuntimeError("a", "b", 3)
print(e.args, str(e), repr(e))
print(repr(Exception()), str(Exception()), repr(Exception("")), repr(Exception(None)), str(Exception(None)))
print(str(KeyError("k")), repr(KeyError("k")), str(KeyError("a", "b")), str(KeyError()))
print(str(ValueError(5)), repr(ValueError([1])), str(Exception(1, 2)))
err = ValueError("orig")
err.args = ("changed",)
print(err, repr(err))
def reraise():
    try:
        int("x")
    except ValueError:
        print("  logging and re-raising")
        raise
try:
    reraise()
except ValueError as e:
    print("re-raised:", e)
def raise_stored():
    saved = None
    try:
        [][0]
    except IndexError as exc:
        saved = exc
    raise saved
try:
    raise_stored()
except IndexError as e:
    print("stored:", e)
try:
    raise
except RuntimeError as e:
    print("RuntimeError:", e)
print(isinstance(ValueError(), Exception), issubclass(KeyError, LookupError), issubclass(ZeroDivisionError, ArithmeticError))
print(issubclass(Exception, BaseException), issubclass(KeyboardInterrupt, Exception), issubclass(SystemExit, BaseException))
