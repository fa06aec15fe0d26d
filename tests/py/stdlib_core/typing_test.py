# typing: everything importable and harmless at run time.
from typing import (Any, Optional, Union, List, Dict, Set, Tuple, Callable, Iterable, Iterator,
                    Generator, TypeVar, Generic, Protocol, runtime_checkable, TypedDict,
                    NamedTuple, Final, Literal, ClassVar, cast, overload, TYPE_CHECKING,
                    get_type_hints, get_origin, get_args, NewType, Sequence, Mapping)

print(Any, Optional[int], Union[int, str], Union[int, None], Union[int], List, List[int],
      Dict[str, int], Tuple[int, ...], Callable[[int], str], Callable[..., int], Literal["r", "w"])
print(Optional[int] == Union[int, None], Optional[int] == (int | None), Union[int, str] == Union[str, int])
print(Union[int, Union[str, int]], Optional[Optional[int]], ClassVar[int], Final[int])
print(cast(int, "x"), TYPE_CHECKING)

T = TypeVar("T")
K = TypeVar("K", bound=int)
U = TypeVar("U", covariant=True)
print(T, U, T.__name__, K.__bound__)


def first(items: Sequence[T]) -> T:
    return items[0]


print(first([3]), first("ab"))


class Point(NamedTuple):
    x: int
    y: int = 0

    def norm(self):
        return abs(self.x) + abs(self.y)


p = Point(3)
print(p, p.norm(), Point._fields, Point._field_defaults, isinstance(p, tuple))
Pair = NamedTuple("Pair", [("a", int), ("b", str)])
print(Pair(1, "x"))


class Movie(TypedDict, total=False):
    title: str
    year: int


m = Movie(title="x")
print(m, type(m), Movie.__total__, sorted(Movie.__optional_keys__))
Alt = TypedDict("Alt", {"k": int})
print(Alt(k=1), sorted(Alt.__required_keys__))


@runtime_checkable
class Closer(Protocol):
    def close(self) -> None: ...


class F:
    def close(self):
        pass


print(isinstance(F(), Closer), isinstance(1, Closer), issubclass(F, Closer))
try:
    Closer()
except TypeError as e:
    print(type(e).__name__, e)


class NotChecked(Protocol):
    def x(self): ...


try:
    isinstance(1, NotChecked)
except TypeError as e:
    print(type(e).__name__, e)


def hinted(a: int, b: "str" = "x") -> Optional[int]:
    return None


print(get_type_hints(hinted))
print(get_origin(List[int]), get_args(Dict[str, int]), get_origin(Union[int, str]) is Union,
      get_args(Callable[[int], str]), get_origin(int))

UserId = NewType("UserId", int)
print(UserId(5), UserId.__supertype__)


@overload
def ov(x: int) -> int: ...


def ov(x):
    return x


print(ov(4))
try:
    List()
except TypeError as e:
    print(type(e).__name__, e)
try:
    isinstance(1, Any)
except TypeError as e:
    print(type(e).__name__, e)
print(isinstance([], List), isinstance({}, Mapping), issubclass(list, Iterable))
