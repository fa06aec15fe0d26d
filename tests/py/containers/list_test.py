# list: every method, slicing, operators, sort, repr recursion, errors.
def attempt(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

l = [3, 1, 2]
l.append(4); print(l)
l.extend([5, 6]); print(l)
l.extend(range(2)); print(l)
l.extend("ab"); print(l)
l.insert(0, "x"); l.insert(-1, "y"); l.insert(100, "z"); l.insert(-100, "w"); print(l)
print(l.pop(), l.pop(0), l.pop(-2), l)
l.remove("x"); print(l)
print(l.index(1), l.count(1), l.index("b"))
l.reverse(); print(l)
c = l.copy(); c.clear(); print(c, l)
attempt(lambda: [].pop())
attempt(lambda: [1].pop(5))
attempt(lambda: [1].remove(3))
attempt(lambda: [1, 2].index(5))
attempt(lambda: [1][5])
k = "a"
attempt(lambda: [1][k])
attempt(lambda: [1].pop(10**30))
attempt(lambda: [1].index(1, 10**30))
attempt(lambda: [1] + (1,))
attempt(lambda: [1] * 1.5)
attempt(lambda: hash([]))
attempt(lambda: list(1, 2))
attempt(lambda: list(x=1))
attempt(lambda: [1].append())

def delete(seq, key):
    del seq[key]
    return seq

attempt(lambda: delete([1], 5))
attempt(lambda: delete([1, 2, 3, 4, 5], slice(None, None, 2)))
attempt(lambda: delete([1, 2, 3, 4, 5], slice(None, None, -2)))
attempt(lambda: delete([1, 2, 3, 4, 5], slice(1, 3)))

def assign(seq, key, value):
    seq[key] = value
    return seq

attempt(lambda: assign([1, 2, 3], slice(None, None, 2), [7, 8, 9]))
attempt(lambda: assign([1, 2, 3], slice(None, None, 2), [7, 8]))
attempt(lambda: assign([1, 2, 3], slice(1, 2), "abc"))
attempt(lambda: assign([1, 2, 3], slice(0, 3), []))
attempt(lambda: assign([1, 2, 3], slice(None, None, 0), []))
attempt(lambda: assign([1, 2, 3], 5, 0))
attempt(lambda: assign([1, 2, 3], slice(1, 1), 5))
x = [1, 2, 3]
x[1:1] = x
print(x)
x[::-1] = x
print(x)
m = [1, 2, 3, 4, 5, 6, 7, 8, 9]
print(m[::2], m[1::3], m[::-1], m[-3:], m[:-3], m[8:2:-2], m[100:], m[-100:2])
print([1, 2] + [3], [1, 2] * 2, 3 * [0], [1] * -1, [[]] * 2)
y = [1]; y += (2, 3); y += "ab"; print(y)
y *= 2; print(y)
y *= 0; print(y)
print([1, 2] == [1, 2], [1, 2] < [1, 3], [1, 2] < [1, 2, 0], [2] > [1, 9], [] == [], [1] != [1.0])
print(1 in [1, 2], 3 in [1, 2], [1] in [[1]])
r = [1, 2]
r.append(r)
print(r, [r, r])
d = {"k": r}
print(d)
r.pop()

s = [5, 2, 8, 1, 9, 3]
s.sort(); print(s)
s.sort(reverse=True); print(s)
words = ["banana", "Apple", "cherry", "apple", "Banana"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len, reverse=True))
pairs = [(1, "b"), (0, "a"), (1, "a"), (0, "b")]
print(sorted(pairs, key=lambda p: p[0]), sorted(pairs, key=lambda p: p[0], reverse=True))
attempt(lambda: [1, "a"].sort())
attempt(lambda: sorted([3, 1, 2], reverse=None))
attempt(lambda: [].sort(1))
print(sorted([3.5, 1, 2.25, -1]), sorted(["b", "a", "é", "z"]), sorted([10**20, -10**20, 0]))

def modify_during_sort():
    data = [3, 2, 1]
    def key(v):
        data.append(v)
        return v
    data.sort(key=key)
    return data

attempt(modify_during_sort)
big = list(range(1000, 0, -1)); big.sort(); print(big[:5], big[-3:])

class L(list):
    def __len__(self):
        return 42

ll = L([1, 2])
print(ll, len(ll), type(ll).__name__, ll + [3], isinstance(ll, list))
print(list(reversed([1, 2, 3])), list(iter([4, 5])))
it = iter([1, 2, 3]); next(it); print(list(it), list(it))
print(list(), list((1, 2)), list({1: 2}), list("hi"))
