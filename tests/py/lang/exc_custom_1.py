# Custom exception hierarchies with extra attributes, custom __str__, super().__init__ and args.
class AppError(Exception):
    """Base of the app errors."""
class NotFound(AppError):
    def __init__(self, name, code=404):
        super().__init__(f"{name} not found")
        self.name = name
        self.code = code
class Invalid(AppError):
    def __init__(self, field, value):
        self.field = field
        self.value = value
    def __str__(self):
        return f"invalid {self.field}={self.value!r}"
class Quiet(AppError):
    pass
for exc in (NotFound("page"), Invalid("age", -1), Quiet(), Quiet("a", 1)):
    try:
        raise exc
    except AppError as e:
        print(type(e).__name__, "|", str(e), "|", repr(e), "|", e.args)
try:
    raise NotFound("user", code=410)
except NotFound as e:
    print(e.name, e.code, isinstance(e, AppError), isinstance(e, Exception))
print(NotFound.__mro__[1:3], AppError.__doc__)
print([c.__name__ for c in NotFound.__mro__])
class WithData(ValueError):
    def __init__(self, *args, extra=None):
        super().__init__(*args)
        self.extra = extra
try:
    raise WithData("bad", 1, extra={"k": "v"})
except ValueError as e:
    print(e, e.args, e.extra)
class Reprless(Exception):
    def __repr__(self):
        return "<custom repr>"
print(repr(Reprless("x")), str(Reprless("x")))
def handler(exc):
    try:
        raise exc
    except NotFound:
        return "not-found handler"
    except AppError:
        return "app handler"
print(handler(NotFound("x")), handler(Invalid("a", 1)))
class Code(Exception):
    def __init__(self, code):
        self.code = code
e = Code(7)
print(e.args, str(e), repr(e))
