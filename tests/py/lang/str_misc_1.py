# Strings are immutable sequences: iteration, indexing, comparison, concatenation in loops, ord/chr, str() vs repr().
s = "Python"
for i, ch in enumerate(s):
    print(i, ch, ord(ch), end="; ")
print()
print(s[0], s[-1], s[1:4], len(s), s.lower() == "python", s * 2, s + "!" * 3)
try:
    s[0] = "J"
except TypeError as e:
    print("TypeError:", e)
t = "J" + s[1:]
print(t, s)
acc = ""
for w in ["a", "b", "c"]:
    acc += w
print(acc, acc is not None)
print(list("abc"), tuple("ab"), set("aab") == {"a", "b"}, sorted("cab"), "".join(sorted("cab")), "".join(reversed("abc")))
print("apple" < "banana", "apple" < "Apple", "a" * 0 == "", min("bca"), max(["b", "ab"]))
print(str(1) + str(2), int("1") + int("2"), "3" * 3, "10" < "9", 10 < 9)
print(repr("a'b"), repr('a"b'), str("plain"), repr(1) == str(1), repr("1") == str("1"))
vowels = sum(1 for c in "programming language" if c in "aeiou")
print(vowels)
print("-".join(c * i for i, c in enumerate("abcd", 1)))
caesar = "".join(chr((ord(c) - 97 + 3) % 26 + 97) if c.isalpha() else c for c in "xyz abc")
print(caesar)
print("a" in "abc", "abc" in "abc", "abcd" in "abc", "" in "")
print(len(""), "" == str(), bool(""), bool(" "))
print(f"{s!r:>10}", s.center(10, "-"), s.count("y"), s.find("th"), s.index("on"))
words = "one two three two one".split()
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
print(freq)
print(hash("abc") == hash("ab" + "c"), "abc".__len__(), "x".__add__("y"), "ab".__contains__("a"))
palins = [w for w in ["level", "hello", "noon", "a", ""] if w == w[::-1]]
print(palins)
print("line1\nline2".split("\n"), "x\ty".replace("\t", " "), "CamelCaseWord".swapcase())
