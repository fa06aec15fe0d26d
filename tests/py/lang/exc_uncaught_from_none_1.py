# Uncaught exception raised "from None" shows a single traceback; a bare class raise has no message.
def check(x):
    try:
        return {"ok": 1}[x]
    except KeyError:
        raise LookupError("unknown key " + repr(x)) from None
print(check("ok"))
try:
    check("bad")
except LookupError as e:
    print("handled once:", e)
def fail():
    raise NotImplementedError
try:
    fail()
except NotImplementedError as e:
    print("empty message:", repr(str(e)))
check("bad")
