"""Get information about live objects: a small part of CPython's inspect.

The predicates look at an object's type or at its code flags (co_flags),
which is how CPython tells a generator function from a plain one: the
compiler marks the code object, and calling it returns a generator.
(`signature` and the source-reading helpers are not here yet.)
"""
import types

# co_flags bits, as in CPython's Include/cpython/code.h.
CO_OPTIMIZED = 0x0001
CO_NEWLOCALS = 0x0002
CO_VARARGS = 0x0004
CO_VARKEYWORDS = 0x0008
CO_NESTED = 0x0010
CO_GENERATOR = 0x0020
CO_NOFREE = 0x0040
CO_COROUTINE = 0x0080
CO_ITERABLE_COROUTINE = 0x0100
CO_ASYNC_GENERATOR = 0x0200

GEN_CREATED = 'GEN_CREATED'
GEN_RUNNING = 'GEN_RUNNING'
GEN_SUSPENDED = 'GEN_SUSPENDED'
GEN_CLOSED = 'GEN_CLOSED'

CORO_CREATED = 'CORO_CREATED'
CORO_RUNNING = 'CORO_RUNNING'
CORO_SUSPENDED = 'CORO_SUSPENDED'
CORO_CLOSED = 'CORO_CLOSED'


def ismodule(object):
    return isinstance(object, types.ModuleType)


def isclass(object):
    return isinstance(object, type)


def ismethod(object):
    return isinstance(object, types.MethodType)


def isfunction(object):
    return isinstance(object, types.FunctionType)


def isbuiltin(object):
    return isinstance(object, types.BuiltinFunctionType)


def iscode(object):
    return isinstance(object, types.CodeType)


def isframe(object):
    return type(object).__name__ == 'frame'


def istraceback(object):
    return isinstance(object, types.TracebackType)


def isroutine(object):
    return isbuiltin(object) or isfunction(object) or ismethod(object)


def _unwrap_partial(func):
    while type(func).__name__ == 'partial' and hasattr(func, 'func'):
        func = func.func
    return func


def _has_code_flag(f, flag):
    """Whether f (a function, or a method or partial wrapping one) has
    `flag` set in its code's co_flags."""
    while ismethod(f):
        f = f.__func__
    f = _unwrap_partial(f)
    if not (isfunction(f) or _signature_is_functionlike(f)):
        return False
    return bool(f.__code__.co_flags & flag)


def _signature_is_functionlike(obj):
    return callable(obj) and isinstance(getattr(obj, '__code__', None), types.CodeType)


def isgeneratorfunction(obj):
    return _has_code_flag(obj, CO_GENERATOR)


def iscoroutinefunction(obj):
    return _has_code_flag(obj, CO_COROUTINE)


def isasyncgenfunction(obj):
    return _has_code_flag(obj, CO_ASYNC_GENERATOR)


def isgenerator(object):
    return isinstance(object, types.GeneratorType)


def iscoroutine(object):
    return isinstance(object, types.CoroutineType)


def isasyncgen(object):
    return isinstance(object, types.AsyncGeneratorType)


def isawaitable(object):
    """Whether `await object` would work."""
    return (isinstance(object, types.CoroutineType) or
            isinstance(object, types.GeneratorType) and
            bool(object.gi_code.co_flags & CO_ITERABLE_COROUTINE) or
            hasattr(type(object), '__await__'))


def getgeneratorstate(generator):
    """The state of a generator: GEN_CREATED, GEN_RUNNING, GEN_SUSPENDED or GEN_CLOSED."""
    if generator.gi_running:
        return GEN_RUNNING
    if generator.gi_suspended:
        return GEN_SUSPENDED
    if generator.gi_frame is None:
        return GEN_CLOSED
    return GEN_CREATED


def getgeneratorlocals(generator):
    """The local variables of a generator's frame, as a dict."""
    if not isgenerator(generator):
        raise TypeError("{!r} is not a Python generator".format(generator))
    frame = getattr(generator, "gi_frame", None)
    if frame is not None:
        return generator.gi_frame.f_locals
    return {}


def getcoroutinestate(coroutine):
    """The state of a coroutine: CORO_CREATED, CORO_RUNNING, CORO_SUSPENDED or CORO_CLOSED."""
    if coroutine.cr_running:
        return CORO_RUNNING
    if coroutine.cr_suspended:
        return CORO_SUSPENDED
    if coroutine.cr_frame is None:
        return CORO_CLOSED
    return CORO_CREATED


def getcoroutinelocals(coroutine):
    frame = getattr(coroutine, "cr_frame", None)
    if frame is not None:
        return frame.f_locals
    return {}


def unwrap(func, *, stop=None):
    """Follow the __wrapped__ chain of a decorated function."""
    f = func
    seen = {id(f)}
    while hasattr(f, '__wrapped__') and not (stop is not None and stop(f)):
        f = f.__wrapped__
        if id(f) in seen:
            raise ValueError('wrapper loop when unwrapping {!r}'.format(func))
        seen.add(id(f))
    return f


def getmro(cls):
    return cls.__mro__


def getattr_static(obj, attr, default=None):
    for klass in (obj,) + type(obj).__mro__ if not isinstance(obj, type) else obj.__mro__:
        d = klass.__dict__ if hasattr(klass, '__dict__') else {}
        if attr in d:
            return d[attr]
    if default is not None:
        return default
    raise AttributeError(attr)


def getmembers(object, predicate=None):
    results = []
    for key in dir(object):
        try:
            value = getattr(object, key)
        except AttributeError:
            continue
        if not predicate or predicate(value):
            results.append((key, value))
    results.sort(key=lambda pair: pair[0])
    return results


# ---- signatures --------------------------------------------------------------
#
# signature(f) describes f's parameters as CPython's inspect does, reading
# them from the code object: co_argcount positional parameters (the first
# co_posonlyargcount of them positional-only), then co_kwonlyargcount
# keyword-only ones, then *args and **kwargs when the code flags say so;
# defaults come from __defaults__ (aligned to the end of the positional
# parameters) and __kwdefaults__, annotations from __annotations__.

class _empty:
    """Marker object for Signature.empty and Parameter.empty."""


class _ParameterKind(int):
    _names = ("POSITIONAL_ONLY", "POSITIONAL_OR_KEYWORD", "VAR_POSITIONAL",
              "KEYWORD_ONLY", "VAR_KEYWORD")
    _descriptions = ("positional-only", "positional or keyword", "variadic positional",
                     "keyword-only", "variadic keyword")

    @property
    def name(self):
        return self._names[self]

    @property
    def description(self):
        return self._descriptions[self]

    def __repr__(self):
        return "<_ParameterKind.%s: %d>" % (self.name, int(self))

    def __str__(self):
        return self.name


_POSITIONAL_ONLY = _ParameterKind(0)
_POSITIONAL_OR_KEYWORD = _ParameterKind(1)
_VAR_POSITIONAL = _ParameterKind(2)
_KEYWORD_ONLY = _ParameterKind(3)
_VAR_KEYWORD = _ParameterKind(4)


def formatannotation(annotation, base_module=None):
    if getattr(annotation, "__module__", None) == "typing":
        return repr(annotation).replace("typing.", "")
    if isinstance(annotation, type) and not type(annotation).__name__ == "GenericAlias":
        if annotation.__module__ in ("builtins", base_module):
            return annotation.__qualname__
        return annotation.__module__ + "." + annotation.__qualname__
    return repr(annotation)


class Parameter:
    """One parameter of a Signature: name, kind, default, annotation."""

    POSITIONAL_ONLY = _POSITIONAL_ONLY
    POSITIONAL_OR_KEYWORD = _POSITIONAL_OR_KEYWORD
    VAR_POSITIONAL = _VAR_POSITIONAL
    KEYWORD_ONLY = _KEYWORD_ONLY
    VAR_KEYWORD = _VAR_KEYWORD
    empty = _empty

    __slots__ = ("_name", "_kind", "_default", "_annotation")

    def __init__(self, name, kind, *, default=_empty, annotation=_empty):
        if kind not in range(5):
            raise ValueError("value %r is not a valid Parameter.kind" % (kind,))
        if default is not _empty and kind in (_VAR_POSITIONAL, _VAR_KEYWORD):
            raise ValueError("%s parameters cannot have default values" % _ParameterKind(kind).description)
        if not isinstance(name, str):
            raise TypeError("name must be a str, not a %s" % type(name).__name__)
        if not name.isidentifier():
            raise ValueError("%r is not a valid parameter name" % name)
        self._name = name
        self._kind = _ParameterKind(kind)
        self._default = default
        self._annotation = annotation

    name = property(lambda self: self._name)
    kind = property(lambda self: self._kind)
    default = property(lambda self: self._default)
    annotation = property(lambda self: self._annotation)

    def replace(self, *, name=None, kind=None, default=None, annotation=None):
        return type(self)(self._name if name is None else name,
                          self._kind if kind is None else kind,
                          default=self._default if default is None else default,
                          annotation=self._annotation if annotation is None else annotation)

    def __str__(self):
        text = self._name
        if self._annotation is not _empty:
            text = "%s: %s" % (text, formatannotation(self._annotation))
        if self._default is not _empty:
            if self._annotation is not _empty:
                text = "%s = %r" % (text, self._default)
            else:
                text = "%s=%r" % (text, self._default)
        if self._kind == _VAR_POSITIONAL:
            text = "*" + text
        elif self._kind == _VAR_KEYWORD:
            text = "**" + text
        return text

    def __repr__(self):
        return '<%s "%s">' % (type(self).__name__, self)

    def __eq__(self, other):
        if not isinstance(other, Parameter):
            return NotImplemented
        return (self._name == other._name and self._kind == other._kind and
                self._default == other._default and self._annotation == other._annotation)

    def __hash__(self):
        return hash((self._name, self._kind, self._annotation, self._default))


class BoundArguments:
    """The result of Signature.bind(): parameter name -> value."""

    def __init__(self, signature, arguments):
        self.arguments = arguments
        self._signature = signature

    signature = property(lambda self: self._signature)

    @property
    def args(self):
        out = []
        for name, param in self._signature.parameters.items():
            if param.kind in (_VAR_KEYWORD, _KEYWORD_ONLY) or name not in self.arguments:
                break
            if param.kind == _VAR_POSITIONAL:
                out.extend(self.arguments[name])
            else:
                out.append(self.arguments[name])
        return tuple(out)

    @property
    def kwargs(self):
        out = {}
        for name, param in self._signature.parameters.items():
            if name not in self.arguments:
                continue
            if param.kind == _VAR_KEYWORD:
                out.update(self.arguments[name])
            elif param.kind == _KEYWORD_ONLY:
                out[name] = self.arguments[name]
        return out

    def apply_defaults(self):
        new = {}
        for name, param in self._signature.parameters.items():
            if name in self.arguments:
                new[name] = self.arguments[name]
            elif param.default is not _empty:
                new[name] = param.default
            elif param.kind == _VAR_POSITIONAL:
                new[name] = ()
            elif param.kind == _VAR_KEYWORD:
                new[name] = {}
        self.arguments = new

    def __repr__(self):
        items = ", ".join("%s=%r" % kv for kv in self.arguments.items())
        return "<BoundArguments (%s)>" % items


class Signature:
    """The parameters and return annotation of a callable."""

    empty = _empty
    __slots__ = ("_parameters", "_return_annotation")

    def __init__(self, parameters=None, *, return_annotation=_empty):
        params = {}
        for p in parameters or ():
            if p.name in params:
                raise ValueError("duplicate parameter name: %r" % p.name)
            params[p.name] = p
        self._parameters = params
        self._return_annotation = return_annotation

    parameters = property(lambda self: dict(self._parameters))
    return_annotation = property(lambda self: self._return_annotation)

    def replace(self, *, parameters=None, return_annotation=_empty):
        return type(self)(list(self._parameters.values()) if parameters is None else parameters,
                          return_annotation=return_annotation)

    def __str__(self):
        parts = []
        slash_pending = False
        star_done = False
        for p in self._parameters.values():
            if slash_pending and p.kind != _POSITIONAL_ONLY:
                parts.append("/")
                slash_pending = False
            if p.kind == _POSITIONAL_ONLY:
                slash_pending = True
            if p.kind == _VAR_POSITIONAL:
                star_done = True
            elif p.kind == _KEYWORD_ONLY and not star_done:
                parts.append("*")
                star_done = True
            parts.append(str(p))
        if slash_pending:
            parts.append("/")
        text = "(%s)" % ", ".join(parts)
        if self._return_annotation is not _empty:
            text += " -> %s" % formatannotation(self._return_annotation)
        return text

    def __repr__(self):
        return "<%s %s>" % (type(self).__name__, self)

    def __eq__(self, other):
        if not isinstance(other, Signature):
            return NotImplemented
        return (self._return_annotation == other._return_annotation and
                list(self._parameters.values()) == list(other._parameters.values()))

    def bind(self, *args, **kwargs):
        """Map args and kwargs to the parameters, raising TypeError as a call would."""
        arguments = {}
        params = list(self._parameters.values())
        i = 0
        args = list(args)
        for p in params:
            if p.kind in (_POSITIONAL_ONLY, _POSITIONAL_OR_KEYWORD):
                if args:
                    arguments[p.name] = args.pop(0)
                    continue
                if p.kind == _POSITIONAL_OR_KEYWORD and p.name in kwargs:
                    arguments[p.name] = kwargs.pop(p.name)
                elif p.default is _empty:
                    raise TypeError("missing a required argument: %r" % p.name)
            elif p.kind == _VAR_POSITIONAL:
                if args:
                    arguments[p.name] = tuple(args)
                    args = []
            elif p.kind == _KEYWORD_ONLY:
                if p.name in kwargs:
                    arguments[p.name] = kwargs.pop(p.name)
                elif p.default is _empty:
                    raise TypeError("missing a required argument: %r" % p.name)
            elif p.kind == _VAR_KEYWORD:
                if kwargs:
                    arguments[p.name] = kwargs
                    kwargs = {}
        if args:
            raise TypeError("too many positional arguments")
        if kwargs:
            raise TypeError("got an unexpected keyword argument %r" % next(iter(kwargs)))
        return BoundArguments(self, arguments)

    @classmethod
    def from_callable(cls, obj, *, follow_wrapped=True):
        return signature(obj, follow_wrapped=follow_wrapped)


def _signature_from_function(func):
    code = func.__code__
    pos_count = code.co_argcount
    posonly = code.co_posonlyargcount
    kwonly = code.co_kwonlyargcount
    names = code.co_varnames
    defaults = func.__defaults__ or ()
    kwdefaults = func.__kwdefaults__ or {}
    annotations = func.__annotations__
    params = []
    first_default = pos_count - len(defaults)
    for i in range(pos_count):
        name = names[i]
        kind = _POSITIONAL_ONLY if i < posonly else _POSITIONAL_OR_KEYWORD
        default = defaults[i - first_default] if i >= first_default else _empty
        params.append(Parameter(name, kind, default=default, annotation=annotations.get(name, _empty)))
    index = pos_count
    if code.co_flags & CO_VARARGS:
        name = names[pos_count + kwonly]
        params.append(Parameter(name, _VAR_POSITIONAL, annotation=annotations.get(name, _empty)))
    for i in range(kwonly):
        name = names[index + i]
        params.append(Parameter(name, _KEYWORD_ONLY, default=kwdefaults.get(name, _empty),
                                annotation=annotations.get(name, _empty)))
    if code.co_flags & CO_VARKEYWORDS:
        name = names[pos_count + kwonly + (1 if code.co_flags & CO_VARARGS else 0)]
        params.append(Parameter(name, _VAR_KEYWORD, annotation=annotations.get(name, _empty)))
    return Signature(params, return_annotation=annotations.get("return", _empty))


def unwrap(func, *, stop=None):
    """Follows the __wrapped__ chain that functools.wraps leaves."""
    seen = {id(func)}
    while hasattr(func, "__wrapped__") and not (stop is not None and stop(func)):
        func = func.__wrapped__
        if id(func) in seen:
            raise ValueError("wrapper loop when unwrapping %r" % (func,))
        seen.add(id(func))
    return func


def signature(obj, *, follow_wrapped=True, globals=None, locals=None, eval_str=False):
    """The Signature of a callable, as CPython's inspect.signature."""
    if not callable(obj):
        raise TypeError("%r is not a callable object" % (obj,))
    if ismethod(obj):
        sig = signature(obj.__func__, follow_wrapped=follow_wrapped)
        params = list(sig.parameters.values())
        if not params or params[0].kind in (_VAR_KEYWORD, _KEYWORD_ONLY):
            raise ValueError("invalid method signature")
        if params[0].kind == _VAR_POSITIONAL:
            return sig
        return sig.replace(parameters=params[1:], return_annotation=sig.return_annotation)
    if follow_wrapped:
        obj = unwrap(obj, stop=lambda f: hasattr(f, "__signature__"))
    sig = getattr(obj, "__signature__", None)
    if sig is not None:
        return sig
    if isfunction(obj):
        return _signature_from_function(obj)
    partial = _unwrap_partial(obj)
    if partial is not obj:
        raise ValueError("signature of functools.partial objects is not supported")
    if isclass(obj):
        init = getattr(obj, "__init__", None)
        if init is not None and isfunction(init):
            sig = _signature_from_function(init)
            return sig.replace(parameters=list(sig.parameters.values())[1:], return_annotation=_empty)
        new = getattr(obj, "__new__", None)
        if new is not None and isfunction(new):
            sig = _signature_from_function(new)
            return sig.replace(parameters=list(sig.parameters.values())[1:], return_annotation=_empty)
        raise ValueError("no signature found for builtin type %r" % (obj,))
    if isbuiltin(obj):
        raise ValueError("no signature found for builtin %r" % (obj,))
    call = getattr(type(obj), "__call__", None)
    if call is not None and isfunction(call):
        sig = _signature_from_function(call)
        return sig.replace(parameters=list(sig.parameters.values())[1:], return_annotation=sig.return_annotation)
    raise ValueError("callable %r is not supported by signature" % (obj,))
