"""abc — abstract base classes.

An abstract base class (ABC) answers ``isinstance(x, Cls)`` and
``issubclass(C, Cls)`` in three ways, tried in this order:

1. ``Cls.__subclasshook__(C)`` — a structural check the ABC defines
   itself ("has a __len__" makes a class a ``Sized``);
2. real inheritance — ``Cls`` is in ``C.__mro__``;
3. registration — ``Cls.register(C)`` declares C a *virtual* subclass
   without C inheriting anything (and without any method check).

The interpreter asks the metaclass: ``isinstance(x, Cls)`` calls
``type(Cls).__instancecheck__(Cls, x)``, which is ``ABCMeta.__instancecheck__``
below.  Answers are cached per ABC: a positive cache (never stale, since
a class cannot stop being a subclass) and a negative cache that is thrown
away whenever *any* ABC gains a registration (the global
``_abc_invalidation_counter`` moves on).

Abstract methods: ``ABCMeta.__new__`` collects the names whose values carry
``__isabstractmethod__ = True`` (set by ``@abstractmethod``), including
inherited ones not yet overridden, into ``cls.__abstractmethods__``.
``object.__new__`` (runtime/type.cpp) refuses to instantiate a class whose
``__abstractmethods__`` is not empty:
``TypeError: Can't instantiate abstract class Shape with abstract method area``.

CPython keeps the registry in weak sets and has the core in C (``_abc``);
coil has no weak references yet, so registered classes are held strongly —
a registered class lives as long as the ABC.
"""


def abstractmethod(funcobj):
    """Mark a method abstract: a class keeping it cannot be instantiated."""
    funcobj.__isabstractmethod__ = True
    return funcobj


class abstractclassmethod(classmethod):
    """Deprecated: use @classmethod stacked on @abstractmethod."""
    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)


class abstractstaticmethod(staticmethod):
    """Deprecated: use @staticmethod stacked on @abstractmethod."""
    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)


class abstractproperty(property):
    """Deprecated: use @property stacked on @abstractmethod."""
    __isabstractmethod__ = True


def _is_abstract(value):
    return getattr(value, "__isabstractmethod__", False)


def _compute_abstracts(cls, namespace):
    """The abstract names of a new class: its own abstract attributes, plus
    the abstract names of its bases that it still resolves to something
    abstract."""
    abstracts = {name for name, value in namespace.items() if _is_abstract(value)}
    for base in cls.__bases__:
        for name in getattr(base, "__abstractmethods__", set()):
            value = getattr(cls, name, None)
            if _is_abstract(value):
                abstracts.add(name)
    return frozenset(abstracts)


class ABCMeta(type):
    """Metaclass for defining Abstract Base Classes."""

    # Bumped by every register(): makes every negative cache stale.
    _abc_invalidation_counter = 0

    def __new__(mcls, name, bases, namespace, /, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        cls.__abstractmethods__ = _compute_abstracts(cls, namespace)
        cls._abc_registry = set()
        cls._abc_cache = set()
        cls._abc_negative_cache = set()
        cls._abc_negative_cache_version = ABCMeta._abc_invalidation_counter
        return cls

    def register(cls, subclass):
        """Register a virtual subclass of an ABC.  Returns the subclass, so
        it can be used as a class decorator."""
        if not isinstance(subclass, type):
            raise TypeError("Can only register classes")
        if issubclass(subclass, cls):
            return subclass          # already a subclass
        # Registering a base of cls would make cls its own subclass.
        if issubclass(cls, subclass):
            raise RuntimeError("Refusing to create an inheritance cycle")
        cls._abc_registry.add(subclass)
        ABCMeta._abc_invalidation_counter += 1
        return subclass

    def __instancecheck__(cls, instance):
        """isinstance(instance, cls)."""
        subclass = instance.__class__
        if subclass in cls._abc_cache:
            return True
        subtype = type(instance)
        if subtype is subclass:
            if (cls._abc_negative_cache_version == ABCMeta._abc_invalidation_counter
                    and subclass in cls._abc_negative_cache):
                return False
            return cls.__subclasscheck__(subclass)
        # instance.__class__ lies (a proxy): either answer will do.
        return any(cls.__subclasscheck__(c) for c in (subclass, subtype))

    def __subclasscheck__(cls, subclass):
        """issubclass(subclass, cls)."""
        if not isinstance(subclass, type):
            raise TypeError('issubclass() arg 1 must be a class')
        if subclass in cls._abc_cache:
            return True
        if cls._abc_negative_cache_version < ABCMeta._abc_invalidation_counter:
            cls._abc_negative_cache = set()
            cls._abc_negative_cache_version = ABCMeta._abc_invalidation_counter
        elif subclass in cls._abc_negative_cache:
            return False
        # 1. The ABC's own structural hook.
        ok = cls.__subclasshook__(subclass)
        if ok is not NotImplemented:
            assert isinstance(ok, bool)
            if ok:
                cls._abc_cache.add(subclass)
            else:
                cls._abc_negative_cache.add(subclass)
            return ok
        # 2. Real inheritance.
        if cls in getattr(subclass, '__mro__', ()):
            cls._abc_cache.add(subclass)
            return True
        # 3. Registered virtual subclasses (and their subclasses).
        for rcls in cls._abc_registry:
            if issubclass(subclass, rcls):
                cls._abc_cache.add(subclass)
                return True
        # 4. Subclasses of cls, which may have registrations of their own.
        for scls in type.__subclasses__(cls):
            if issubclass(subclass, scls):
                cls._abc_cache.add(subclass)
                return True
        cls._abc_negative_cache.add(subclass)
        return False

    def _dump_registry(cls, file=None):
        """Debug helper: print the ABC's registry and caches."""
        print(f"Class: {cls.__module__}.{cls.__qualname__}", file=file)
        print(f"Inv. counter: {get_cache_token()}", file=file)
        for name in ("_abc_registry", "_abc_cache", "_abc_negative_cache",
                     "_abc_negative_cache_version"):
            print(f"{name}: {getattr(cls, name)!r}", file=file)

    def _abc_registry_clear(cls):
        cls._abc_registry.clear()

    def _abc_caches_clear(cls):
        cls._abc_cache.clear()
        cls._abc_negative_cache.clear()


def get_cache_token():
    """A token that changes whenever any ABC's registry changes (used by
    functools.singledispatch to invalidate its dispatch cache)."""
    return ABCMeta._abc_invalidation_counter


def update_abstractmethods(cls):
    """Recompute cls.__abstractmethods__ after methods were added to or
    replaced on an existing class (dataclasses and total_ordering use it)."""
    if not hasattr(cls, '__abstractmethods__'):
        return cls
    abstracts = set()
    for scls in cls.__bases__:
        for name in getattr(scls, '__abstractmethods__', ()):
            value = getattr(cls, name, None)
            if _is_abstract(value):
                abstracts.add(name)
    for name, value in cls.__dict__.items():
        if _is_abstract(value):
            abstracts.add(name)
    cls.__abstractmethods__ = frozenset(abstracts)
    return cls


class ABC(metaclass=ABCMeta):
    """Helper class: `class C(ABC)` instead of `class C(metaclass=ABCMeta)`."""
    __slots__ = ()
