"""functools — tools for working with functions and callables.

Most of this module is plain Python, because the logic *is* the lesson:

* ``update_wrapper``/``wraps`` copy a function's identity (__name__,
  __doc__, ...) onto the function that wraps it, and record the original as
  ``__wrapped__`` so tools can find it again.
* ``partial`` freezes some arguments of a call.  A partial of a partial is
  flattened into one object, so nesting costs nothing at call time.
* ``reduce`` folds an iterable with a two-argument function.
* ``total_ordering`` derives the missing comparison methods from ``__eq__``
  and one of ``__lt__``/``__le__``/``__gt__``/``__ge__``.
* ``singledispatch`` picks an implementation by the class of the first
  argument, walking that class's MRO.

``lru_cache`` is the exception: its wrapper sits on every call of a
memoized function, so its core, ``_lru_cache_wrapper``, is native
(stdlib/native/_functools.cpp).  A pure-Python twin below,
``_py_lru_cache_wrapper``, shows the same algorithm and is used when the
native module is missing.
"""

from abc import get_cache_token
from collections import namedtuple
from reprlib import recursive_repr

__all__ = ['update_wrapper', 'wraps', 'WRAPPER_ASSIGNMENTS', 'WRAPPER_UPDATES',
           'total_ordering', 'cache', 'cmp_to_key', 'lru_cache', 'reduce',
           'partial', 'partialmethod', 'singledispatch', 'singledispatchmethod',
           'cached_property']

# ---- update_wrapper / wraps ---------------------------------------------------

WRAPPER_ASSIGNMENTS = ('__module__', '__name__', '__qualname__', '__doc__',
                       '__annotations__')
WRAPPER_UPDATES = ('__dict__',)


def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS,
                   updated=WRAPPER_UPDATES):
    """Make `wrapper` look like `wrapped`: copy the attributes named in
    `assigned`, merge the dicts named in `updated`, set __wrapped__."""
    for attr in assigned:
        try:
            value = getattr(wrapped, attr)
        except AttributeError:
            pass            # e.g. a partial has no __name__: skip it
        else:
            setattr(wrapper, attr, value)
    for attr in updated:
        getattr(wrapper, attr).update(getattr(wrapped, attr, {}))
    # Set last, so that a __wrapped__ copied from `wrapped`'s __dict__ above
    # does not win: the chain must point one level down.
    wrapper.__wrapped__ = wrapped
    return wrapper


def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    """Decorator form of update_wrapper: @wraps(f) def wrapper(...): ..."""
    return partial(update_wrapper, wrapped=wrapped,
                   assigned=assigned, updated=updated)


# ---- total_ordering -----------------------------------------------------------
# Each derived method is written in terms of the root method and __eq__,
# returning NotImplemented whenever the root does, so that Python can still
# try the reflected operation on the other operand.

def _gt_from_lt(self, other):
    op_result = type(self).__lt__(self, other)
    if op_result is NotImplemented:
        return op_result
    return not op_result and self != other

def _le_from_lt(self, other):
    op_result = type(self).__lt__(self, other)
    if op_result is NotImplemented:
        return op_result
    return op_result or self == other

def _ge_from_lt(self, other):
    op_result = type(self).__lt__(self, other)
    if op_result is NotImplemented:
        return op_result
    return not op_result

def _ge_from_le(self, other):
    op_result = type(self).__le__(self, other)
    if op_result is NotImplemented:
        return op_result
    return not op_result or self == other

def _lt_from_le(self, other):
    op_result = type(self).__le__(self, other)
    if op_result is NotImplemented:
        return op_result
    return op_result and self != other

def _gt_from_le(self, other):
    op_result = type(self).__le__(self, other)
    if op_result is NotImplemented:
        return op_result
    return not op_result

def _lt_from_gt(self, other):
    op_result = type(self).__gt__(self, other)
    if op_result is NotImplemented:
        return op_result
    return not op_result and self != other

def _ge_from_gt(self, other):
    op_result = type(self).__gt__(self, other)
    if op_result is NotImplemented:
        return op_result
    return op_result or self == other

def _le_from_gt(self, other):
    op_result = type(self).__gt__(self, other)
    if op_result is NotImplemented:
        return op_result
    return not op_result

def _le_from_ge(self, other):
    op_result = type(self).__ge__(self, other)
    if op_result is NotImplemented:
        return op_result
    return not op_result or self == other

def _gt_from_ge(self, other):
    op_result = type(self).__ge__(self, other)
    if op_result is NotImplemented:
        return op_result
    return op_result and self != other

def _lt_from_ge(self, other):
    op_result = type(self).__ge__(self, other)
    if op_result is NotImplemented:
        return op_result
    return not op_result

_convert = {
    '__lt__': [('__gt__', _gt_from_lt), ('__le__', _le_from_lt), ('__ge__', _ge_from_lt)],
    '__le__': [('__ge__', _ge_from_le), ('__lt__', _lt_from_le), ('__gt__', _gt_from_le)],
    '__gt__': [('__lt__', _lt_from_gt), ('__ge__', _ge_from_gt), ('__le__', _le_from_gt)],
    '__ge__': [('__le__', _le_from_ge), ('__gt__', _gt_from_ge), ('__lt__', _lt_from_ge)],
}


def total_ordering(cls):
    """Class decorator that fills in missing ordering methods."""
    # A method counts as defined only if the class (or a base other than
    # object) overrides object's default.
    roots = {op for op in _convert
             if getattr(cls, op, None) is not getattr(object, op, None)}
    if not roots:
        raise ValueError('must define at least one ordering operation: < > <= >=')
    root = max(roots)       # prefer __lt__ to __le__ to __gt__ to __ge__
    for opname, opfunc in _convert[root]:
        if opname not in roots:
            opfunc.__name__ = opname
            setattr(cls, opname, opfunc)
    return cls


# ---- cmp_to_key -----------------------------------------------------------------

def cmp_to_key(mycmp):
    """Convert an old-style cmp(a, b) -> int function into a key= function."""
    class K(object):
        __slots__ = ['obj']

        def __init__(self, obj):
            self.obj = obj

        def __lt__(self, other):
            return mycmp(self.obj, other.obj) < 0

        def __gt__(self, other):
            return mycmp(self.obj, other.obj) > 0

        def __eq__(self, other):
            return mycmp(self.obj, other.obj) == 0

        def __le__(self, other):
            return mycmp(self.obj, other.obj) <= 0

        def __ge__(self, other):
            return mycmp(self.obj, other.obj) >= 0

        __hash__ = None
    K.__name__ = K.__qualname__ = 'KeyWrapper'
    K.__module__ = 'functools'
    return K


# ---- reduce ---------------------------------------------------------------------

_initial_missing = object()


def reduce(function, sequence, initial=_initial_missing):
    """reduce(function, iterable[, initial]) -> value

    Apply a function of two arguments cumulatively to the items of a
    sequence or iterable, from left to right, so as to reduce the iterable
    to a single value."""
    it = iter(sequence)
    if initial is _initial_missing:
        try:
            value = next(it)
        except StopIteration:
            raise TypeError(
                "reduce() of empty iterable with no initial value") from None
    else:
        value = initial
    for element in it:
        value = function(value, element)
    return value


# ---- partial --------------------------------------------------------------------

class partial:
    """New function with partial application of the given arguments
    and keywords."""

    __slots__ = "func", "args", "keywords", "__dict__", "__weakref__"

    def __new__(cls, func=_initial_missing, /, *args, **keywords):
        if func is _initial_missing:
            raise TypeError("type 'partial' takes at least one argument")
        if not callable(func):
            raise TypeError("the first argument must be callable")
        # Flatten partial(partial(f, 1), 2) into partial(f, 1, 2): the
        # result calls f directly.
        if hasattr(func, "func") and isinstance(func, partial):
            args = func.args + args
            keywords = {**func.keywords, **keywords}
            func = func.func
        self = super(partial, cls).__new__(cls)
        self.func = func
        self.args = args
        self.keywords = keywords
        return self

    def __call__(self, /, *args, **keywords):
        keywords = {**self.keywords, **keywords}
        return self.func(*self.args, *args, **keywords)

    @recursive_repr()
    def __repr__(self):
        qualname = type(self).__qualname__
        module = type(self).__module__
        args = [repr(self.func)]
        args.extend(repr(x) for x in self.args)
        args.extend(f"{k}={v!r}" for (k, v) in self.keywords.items())
        if module == "functools":
            return f"functools.{qualname}({', '.join(args)})"
        return f"{qualname}({', '.join(args)})"

    def __reduce__(self):
        return type(self), (self.func,), (self.func, self.args,
               self.keywords or None, self.__dict__ or None)


class partialmethod:
    """A partial for methods: binds like a function, then applies the
    frozen arguments after `self`."""

    def __init__(self, func, /, *args, **keywords):
        if not callable(func) and not hasattr(func, "__get__"):
            raise TypeError(f"{func!r} is not callable or a descriptor")
        if isinstance(func, partialmethod):
            self.func = func.func
            self.args = func.args + args
            self.keywords = {**func.keywords, **keywords}
        else:
            self.func = func
            self.args = args
            self.keywords = keywords

    def __repr__(self):
        args = ", ".join([repr(self.func)] + [repr(a) for a in self.args]
                         + [f"{k}={v!r}" for k, v in self.keywords.items()])
        return f"{type(self).__module__}.{type(self).__qualname__}({args})"

    def __get__(self, obj, cls=None):
        get = getattr(self.func, "__get__", None)
        if get is not None and not isinstance(self.func, partial):
            bound = get(obj, cls)
            if bound is not self.func:
                return partial(bound, *self.args, **self.keywords)
        def _method(cls_or_self, /, *args, **keywords):
            keywords = {**self.keywords, **keywords}
            return self.func(cls_or_self, *self.args, *args, **keywords)
        _method.__partialmethod__ = self
        return _method.__get__(obj, cls)


# ---- lru_cache --------------------------------------------------------------------

_CacheInfo = namedtuple("CacheInfo", ["hits", "misses", "maxsize", "currsize"])


def _make_key(args, kwds, typed, kwd_mark=(object(),)):
    """The cache key of one call: the positional arguments, then a marker
    and the keyword items, then (typed) the argument types.  A lone int or
    str argument is its own key (cheap to hash, cannot collide)."""
    key = args
    if kwds:
        key += kwd_mark
        for item in kwds.items():
            key += item
    if typed:
        key += tuple(type(v) for v in args)
        if kwds:
            key += tuple(type(v) for v in kwds.values())
    elif len(key) == 1 and type(key[0]) in {int, str}:
        return key[0]
    return key


def _py_lru_cache_wrapper(user_function, maxsize, typed, _CacheInfo):
    """The algorithm of the native wrapper, in Python.

    The cache is a dict from key to result.  Dicts remember insertion
    order, so "least recently used" is simply "first in the dict": a hit
    moves its entry to the end (pop and re-insert) and a miss that
    overflows evicts the first entry."""
    cache = {}
    hits = misses = 0
    sentinel = object()

    def wrapper(*args, **kwds):
        nonlocal hits, misses
        key = _make_key(args, kwds, typed)
        result = cache.get(key, sentinel)
        if result is not sentinel:
            hits += 1
            if maxsize is not None:
                del cache[key]
                cache[key] = result
            return result
        misses += 1
        result = user_function(*args, **kwds)
        if maxsize is not None and maxsize <= 0:
            return result                     # maxsize=0: never store
        if key not in cache:
            if maxsize is not None and len(cache) >= maxsize:
                del cache[next(iter(cache))]  # evict the least recent
            cache[key] = result
        return result

    def cache_info():
        return _CacheInfo(hits, misses, maxsize, len(cache))

    def cache_clear():
        nonlocal hits, misses
        cache.clear()
        hits = misses = 0

    wrapper.cache_info = cache_info
    wrapper.cache_clear = cache_clear
    return wrapper


try:
    from _functools import _lru_cache_wrapper
except ImportError:
    _lru_cache_wrapper = _py_lru_cache_wrapper


def lru_cache(maxsize=128, typed=False):
    """Least-recently-used cache decorator.

    @lru_cache, @lru_cache() and @lru_cache(maxsize=N, typed=False) all
    work; maxsize=None makes the cache unbounded."""
    if isinstance(maxsize, int):
        if maxsize < 0:
            maxsize = 0     # a negative size means "store nothing"
    elif callable(maxsize) and isinstance(typed, bool):
        # Used as @lru_cache without parentheses: maxsize is the function.
        user_function, maxsize = maxsize, 128
        wrapper = _lru_cache_wrapper(user_function, maxsize, typed, _CacheInfo)
        wrapper.cache_parameters = lambda: {'maxsize': maxsize, 'typed': typed}
        return update_wrapper(wrapper, user_function)
    elif maxsize is not None:
        raise TypeError(
            'Expected first argument to be an integer, a callable, or None')

    def decorating_function(user_function):
        wrapper = _lru_cache_wrapper(user_function, maxsize, typed, _CacheInfo)
        wrapper.cache_parameters = lambda: {'maxsize': maxsize, 'typed': typed}
        return update_wrapper(wrapper, user_function)

    return decorating_function


def cache(user_function, /):
    'Simple lightweight unbounded cache.  Sometimes called "memoize".'
    return lru_cache(maxsize=None)(user_function)


# ---- singledispatch -----------------------------------------------------------------

def _find_impl(cls, registry):
    """The implementation registered for the nearest class in cls's MRO.
    Classes registered that are not in the MRO (ABCs such as
    collections.abc.Sequence) match through issubclass, after every real
    base."""
    for base in cls.__mro__:
        if base in registry:
            return registry[base]
    for typ, func in registry.items():
        if typ is not object and isinstance(typ, type) and issubclass(cls, typ):
            return func
    return registry.get(object)


def _is_valid_dispatch_type(cls):
    return isinstance(cls, type)


def singledispatch(func):
    """Single-dispatch generic function decorator.

    The decorated function becomes the default implementation; more are
    added with @f.register (by the annotation of the first parameter) or
    @f.register(cls)."""
    registry = {}
    dispatch_cache = {}
    cache_token = None

    def dispatch(cls):
        nonlocal cache_token
        if cache_token is not None:
            current_token = get_cache_token()
            if cache_token != current_token:
                dispatch_cache.clear()
                cache_token = current_token
        try:
            impl = dispatch_cache[cls]
        except KeyError:
            impl = _find_impl(cls, registry)
            dispatch_cache[cls] = impl
        return impl

    def register(cls, func=None):
        nonlocal cache_token
        if _is_valid_dispatch_type(cls):
            if func is None:
                return lambda f: register(cls, f)
        else:
            if func is not None:
                raise TypeError(
                    f"Invalid first argument to `register()`. "
                    f"{cls!r} is not a class or union type.")
            ann = getattr(cls, '__annotations__', {})
            if not ann:
                raise TypeError(
                    f"Invalid first argument to `register()`: {cls!r}. "
                    f"Use either `@register(some_class)` or plain `@register` "
                    f"on an annotated function."
                )
            func = cls
            argname, cls = next(iter(ann.items()))
            if not _is_valid_dispatch_type(cls):
                raise TypeError(
                    f"Invalid annotation for {argname!r}. "
                    f"{cls!r} is not a class."
                )
        registry[cls] = func
        if cache_token is None and hasattr(cls, '__abstractmethods__'):
            cache_token = get_cache_token()
        dispatch_cache.clear()
        return func

    def wrapper(*args, **kw):
        if not args:
            raise TypeError(f'{funcname} requires at least '
                            '1 positional argument')
        return dispatch(args[0].__class__)(*args, **kw)

    funcname = getattr(func, '__name__', 'singledispatch function')
    registry[object] = func
    wrapper.register = register
    wrapper.dispatch = dispatch
    wrapper.registry = registry     # CPython exposes a read-only proxy
    wrapper._clear_cache = dispatch_cache.clear
    update_wrapper(wrapper, func)
    return wrapper


class singledispatchmethod:
    """Single-dispatch generic method descriptor: dispatches on the first
    argument after self."""

    def __init__(self, func):
        if not callable(func) and not hasattr(func, "__get__"):
            raise TypeError(f"{func!r} is not callable or a descriptor")
        self.dispatcher = singledispatch(func)
        self.func = func

    def register(self, cls, method=None):
        return self.dispatcher.register(cls, func=method)

    def __get__(self, obj, cls=None):
        def _method(*args, **kwargs):
            method = self.dispatcher.dispatch(args[0].__class__)
            return method.__get__(obj, cls)(*args, **kwargs)
        _method.__isabstractmethod__ = self.__isabstractmethod__
        _method.register = self.register
        update_wrapper(_method, self.func)
        return _method

    @property
    def __isabstractmethod__(self):
        return getattr(self.func, '__isabstractmethod__', False)


# ---- cached_property ------------------------------------------------------------------

_NOT_FOUND = object()


class cached_property:
    """A property computed once per instance, then stored in the instance
    __dict__ under the same name — which, the descriptor being a non-data
    one, then shadows it: later reads never reach __get__."""

    def __init__(self, func):
        self.func = func
        self.attrname = None
        self.__doc__ = func.__doc__

    def __set_name__(self, owner, name):
        if self.attrname is None:
            self.attrname = name
        elif name != self.attrname:
            raise TypeError(
                "Cannot assign the same cached_property to two different names "
                f"({self.attrname!r} and {name!r})."
            )

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        if self.attrname is None:
            raise TypeError(
                "Cannot use cached_property instance without calling __set_name__ on it.")
        try:
            cache = instance.__dict__
        except AttributeError:
            msg = (
                f"No '__dict__' attribute on {type(instance).__name__!r} "
                f"instance to cache {self.attrname!r} property."
            )
            raise TypeError(msg) from None
        val = cache.get(self.attrname, _NOT_FOUND)
        if val is _NOT_FOUND:
            val = self.func(instance)
            cache[self.attrname] = val
        return val

    def __class_getitem__(cls, item):
        return cls
