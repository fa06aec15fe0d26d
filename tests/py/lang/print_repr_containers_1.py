# repr of nested containers, floats, None/True, strings with quotes inside containers, empty containers and recursion.
print([1, [2, [3, []]], (4, (5,)), {"a": {"b": None}}])
print(repr([]), repr(()), repr({}), repr(set()), repr(frozenset()), repr((1,)), repr([()]))
print(["it's", 'say "hi"', "both ' \"", "\n", "\\", ""])
print({"key": [1.0, 2.5, -0.0, 1e100, 1e-10, float("inf")], 3: (True, False, None)})
print([0.1, 0.2 + 0.1, 1 / 3, 2 / 3, 100.0, 1e16, 123456789.123456789, 1.5e-5])
print((1, "a", [2, "b", (3, "c", {4: "d"})]))
print({1: "one", "two": 2, (3,): [3], None: None, True: "t", 2.5: 2.5})
print([None, True, False], repr(None), str(None), repr(True), str(False))
print(str([1, "a"]), repr([1, "a"]), str(("s",)), str({"s": "t"}))
print(list(range(3)), range(3), list("ab"), dict(a=[1]), tuple([[]]))
print([[1, 2], [3, 4]], [[]] * 3, [{}] * 2)
a = [1, 2]
a.append(a)
print(a)
b = {"self": None}
b["self"] = b
print(b)
c = [{"l": []}]
c[0]["l"].append(c)
print(c)
print([b"bytes", bytearray(b"ba")], [1, 2][:0], (1, 2)[1:])
print({"nested": {"deeper": {"deepest": [1, {2: (3,)}]}}})
print([-1, -0.5, +1, 0x10, 0o10, 1_000], [2 ** 64, -2 ** 64])
print(sorted({"b", "a"}), sorted({3, 1, 2}), {5}, {(1, 2)})
print(str("plain"), [str("in list")], ["a\tb"], ["é", "日"])
