# PEP 585 / 604: list[int] is a types.GenericAlias, int | None a types.UnionType.
def show(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__, e)

print(list[int], dict[str, int], tuple[int, ...], type(list[int]))
g = list[int]
print(g.__origin__, g.__args__, g.__parameters__)
print(list[int] == list[int], list[int] == list[str], list[int] != list, hash(list[int]) == hash(list[int]))
show(lambda: isinstance([], list[int]))
show(lambda: issubclass(list, list[int]))
print(list[int]([1,2]))
print(dict[str, list[int]])
print(tuple[()] if False else tuple[int])
def f(x: list[int]) -> dict[str, int]: pass
print(f.__annotations__)
print(int | None, type(int | None), (int | str).__args__)
print(isinstance(3, int | str), isinstance(3.0, int | str), issubclass(bool, int | str))
print(int | str == str | int, int | str | int, (int | None) == (None | int))
show(lambda: int | 3)
show(lambda: 3 | int)
print(list[int] | None)
print(type[int], list['X'])
class types: GenericAlias = type(list[int]); UnionType = type(int | str)
print(types.GenericAlias, types.UnionType)
print(types.GenericAlias(list, (int,)))
print(list[int].__class__, repr(list[int, str]))
show(lambda: list[int][str])
print(repr(tuple[int, str]))
class MyList(list): pass
print(MyList[int])
class G:
    def __class_getitem__(cls, item):
        return f"G[{item}]"
print(G[int])
show(lambda: int[str])
show(lambda: object[int])
print(dict[str, int].__origin__ is dict)
x = list[int]
print(x.__mro_entries__((x,)) if hasattr(x, '__mro_entries__') else 'no')
class L(list): pass
print(L.__bases__)
print(list[int].append)
show(lambda: list[int].foo)
print(type[int] == type[int])
print((int|str).__parameters__)
print(repr(int | list[int]))
show(lambda: isinstance(1, int | list[int]))
print(hash(int|str) == hash(str|int))
