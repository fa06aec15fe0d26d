# except matching: tuples, base classes, order of clauses, the bound name is deleted after the handler.
def classify(exc):
    try:
        raise exc
    except (KeyError, IndexError) as e:
        return "lookup-ish " + type(e).__name__
    except ArithmeticError as e:
        return "arith " + type(e).__name__
    except Exception:
        return "generic"
for exc in (KeyError("k"), IndexError(), ZeroDivisionError(), OverflowError(), ValueError(), LookupError()):
    print(classify(exc))
e = "before"
try:
    raise ValueError("v")
except ValueError as e:
    print("inside:", e)
try:
    print(e)
except NameError as err:
    print("NameError:", err)
def f():
    e = 1
    try:
        1 / 0
    except ZeroDivisionError as e:
        pass
    return "e" in locals()
print("e still local:", f())
saved = None
try:
    raise KeyError("kept")
except KeyError as exc:
    saved = exc
print("saved outlives handler:", repr(saved))
errors = (TypeError, ValueError)
try:
    int([])
except errors as x:
    print("dynamic tuple:", type(x).__name__)
try:
    try:
        raise ValueError("first")
    except ValueError:
        raise TypeError("second")
    except TypeError:
        print("never: sibling clause does not catch")
except TypeError as t:
    print("outer got", t)
try:
    raise StopIteration
except Exception:
    print("StopIteration is an Exception")
try:
    try:
        raise KeyError("x")
    except IndexError:
        print("no")
except LookupError as le:
    print("propagated to base handler:", repr(le))
try:
    [].pop()
except:
    print("bare except caught")
