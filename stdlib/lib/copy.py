"""copy — shallow and deep copy operations.

``copy(x)`` makes a new container holding the *same* items; ``deepcopy(x)``
copies the items too, recursively.  How an object is copied is decided in
this order:

1. a per-type function in a dispatch table (atomic values such as ints,
   strs, functions and classes are returned as they are; list, dict, set
   and tuple have their own copiers);
2. the object's own ``__copy__()`` / ``__deepcopy__(memo)``;
3. the *reduce protocol* shared with pickle: ``x.__reduce_ex__(4)`` says
   "call this constructor with these arguments, then restore this state
   (and append these items / set these keys)"; ``_reconstruct`` below
   carries that out.  For a plain class the reduce tuple is built here by
   ``_reduce_plain`` from the instance's ``__dict__`` and ``__slots__``.

deepcopy threads a ``memo`` dict, ``id(original) -> copy``, through the
whole traversal: an object reached twice is copied once (so sharing inside
the structure is preserved) and a cycle ends at the copy already under
construction — which is why containers register their copy in the memo
*before* copying their items.
"""

import copyreg


class _types:
    """The few types this module needs, taken from live objects (so copy
    does not depend on the types module)."""
    def _f():
        pass

    class _C:
        def m(self):
            pass

    FunctionType = type(_f)
    BuiltinFunctionType = type(len)
    CodeType = type(_f.__code__)
    MethodType = type(_C().m)
    del _f, _C

__all__ = ["Error", "copy", "deepcopy"]


class Error(Exception):
    pass


error = Error   # backward compatibility


# ---- shallow copy ----------------------------------------------------------------

def copy(x):
    """Shallow copy operation on arbitrary Python objects."""
    cls = type(x)

    copier = _copy_dispatch.get(cls)
    if copier:
        return copier(x)

    if issubclass(cls, type):
        # treat it as a regular class:
        return _copy_immutable(x)

    copier = getattr(cls, "__copy__", None)
    if copier is not None:
        return copier(x)

    rv = _reduce(x, cls)
    if isinstance(rv, str):
        return x
    return _reconstruct(x, None, *rv)


_copy_dispatch = d = {}


def _copy_immutable(x):
    return x


import builtins as _builtins
# Immutable values are their own copies.  (complex is looked up softly:
# not every coil build has it.)
_ATOMIC = tuple(t for t in (type(None), type(Ellipsis), type(NotImplemented),
                            int, float, bool, getattr(_builtins, 'complex', None),
                            str, bytes, type, range, property,
                            _types.BuiltinFunctionType, _types.FunctionType,
                            _types.CodeType)
                if t is not None)

for t in _ATOMIC + (tuple, frozenset, slice):
    d[t] = _copy_immutable

d[list] = list.copy
d[dict] = dict.copy
d[set] = set.copy
d[bytearray] = bytearray.copy

del d, t


# ---- deep copy ---------------------------------------------------------------------

def deepcopy(x, memo=None, _nil=[]):
    """Deep copy operation on arbitrary Python objects.

    See the module's __doc__ string for more info.
    """
    if memo is None:
        memo = {}

    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y

    cls = type(x)

    copier = _deepcopy_dispatch.get(cls)
    if copier is not None:
        y = copier(x, memo)
    else:
        if issubclass(cls, type):
            y = _deepcopy_atomic(x, memo)
        else:
            copier = getattr(x, "__deepcopy__", None)
            if copier is not None:
                y = copier(memo)
            else:
                rv = _reduce(x, cls)
                if isinstance(rv, str):
                    y = x
                else:
                    y = _reconstruct(x, memo, *rv)

    # If is its own copy, don't memoize.
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)  # Make sure x lives at least as long as d
    return y


_deepcopy_dispatch = d = {}


def _deepcopy_atomic(x, memo):
    return x


for t in _ATOMIC:
    d[t] = _deepcopy_atomic


def _deepcopy_list(x, memo, deepcopy=deepcopy):
    y = []
    memo[id(x)] = y           # registered first: a cycle finds it
    append = y.append
    for a in x:
        append(deepcopy(a, memo))
    return y


d[list] = _deepcopy_list


def _deepcopy_tuple(x, memo, deepcopy=deepcopy):
    y = [deepcopy(a, memo) for a in x]
    # We're not going to put the tuple in the memo, but it's still important we
    # check for it, in case the tuple contains recursive mutable structures.
    try:
        return memo[id(x)]
    except KeyError:
        pass
    for k, j in zip(x, y):
        if k is not j:
            y = tuple(y)
            break
    else:
        y = x                 # all items immutable: the tuple itself will do
    return y


d[tuple] = _deepcopy_tuple


def _deepcopy_dict(x, memo, deepcopy=deepcopy):
    y = {}
    memo[id(x)] = y
    for key, value in x.items():
        y[deepcopy(key, memo)] = deepcopy(value, memo)
    return y


d[dict] = _deepcopy_dict


def _deepcopy_method(x, memo):  # Copy instance methods
    return type(x)(x.__func__, deepcopy(x.__self__, memo))


d[_types.MethodType] = _deepcopy_method

del d


def _keep_alive(x, memo):
    """Keeps a reference to the object x in the memo.

    Because we remember objects by their id, we have
    to assure that possibly temporary objects are kept
    alive by referencing them.
    """
    try:
        memo[id(memo)].append(x)
    except KeyError:
        # aha, this is the first one :-)
        memo[id(memo)] = [x]


# ---- the reduce protocol -------------------------------------------------------------

def _reduce(x, cls):
    """The reduce tuple (or a str: "a global, copy as is") of x."""
    reductor = copyreg.dispatch_table.get(cls)
    if reductor is not None:
        return reductor(x)
    if _has_own_reduce(cls):
        reductor = getattr(x, "__reduce_ex__", None)
        if reductor is not None:
            return reductor(4)
        reductor = getattr(x, "__reduce__", None)
        if reductor:
            return reductor()
        raise Error("un(deep)copyable object of type %s" % cls)
    return _reduce_plain(x, cls)


def _has_own_reduce(cls):
    """True when cls (or a base other than object) defines __reduce_ex__ or
    __reduce__ itself — then its answer is authoritative."""
    for base in cls.__mro__:
        if base is object:
            return False
        if '__reduce_ex__' in base.__dict__ or '__reduce__' in base.__dict__:
            return True
    return False


def _reduce_plain(x, cls):
    """object.__reduce_ex__(4) for a class that does not customise it:
    rebuild with cls.__new__(cls, *x.__getnewargs__()), then restore the
    instance __dict__ and __slots__ values; list and dict subclasses also
    get their items back."""
    if cls.__new__ is object.__new__ and not hasattr(x, '__dict__') \
            and not copyreg._slotnames(cls):
        # Nothing to carry over: an instance of a native type that did not
        # opt into copying (an iterator, a lock ...).
        raise TypeError(f"cannot pickle '{cls.__name__}' object")
    getnewargs = getattr(x, '__getnewargs__', None)
    if getnewargs is not None:
        args = getnewargs()
    else:
        args = _builtin_base_args(x, cls)
    state = _object_state(x, cls)
    listitems = iter(x) if isinstance(x, list) else None
    dictitems = iter(x.items()) if isinstance(x, dict) else None
    return copyreg.__newobj__, (cls,) + tuple(args), state, listitems, dictitems


def _builtin_base_args(x, cls):
    """Constructor arguments for a subclass of an immutable built-in (an
    int or str subclass needs its value in __new__)."""
    for base in (bool, int, float, str, bytes, tuple, frozenset):
        if isinstance(x, base):
            return (base(x),)
    return ()


def _object_state(x, cls):
    getstate = None
    for base in cls.__mro__:
        if base is object:
            break
        if '__getstate__' in base.__dict__:
            getstate = x.__getstate__
            break
    if getstate is not None:
        return getstate()
    state = getattr(x, '__dict__', None) or None
    slotnames = copyreg._slotnames(cls)
    if slotnames:
        slots = {}
        for name in slotnames:
            try:
                slots[name] = getattr(x, name)
            except AttributeError:
                pass
        if slots:
            return (state, slots)
    return state


def _reconstruct(x, memo, func, args,
                 state=None, listiter=None, dictiter=None,
                 *, deepcopy=deepcopy):
    deep = memo is not None
    if deep and args:
        args = deepcopy(args, memo)
    y = func(*args)
    if deep:
        memo[id(x)] = y

    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        if hasattr(y, '__setstate__'):
            y.__setstate__(state)
        else:
            if isinstance(state, tuple) and len(state) == 2:
                state, slotstate = state
            else:
                slotstate = None
            if state is not None:
                y.__dict__.update(state)
            if slotstate is not None:
                for key, value in slotstate.items():
                    setattr(y, key, value)

    if listiter is not None:
        if deep:
            for item in listiter:
                item = deepcopy(item, memo)
                y.append(item)
        else:
            for item in listiter:
                y.append(item)
    if dictiter is not None:
        if deep:
            for key, value in dictiter:
                key = deepcopy(key, memo)
                value = deepcopy(value, memo)
                y[key] = value
        else:
            for key, value in dictiter:
                y[key] = value
    return y

