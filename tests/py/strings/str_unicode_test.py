# Non-ASCII text, case mappings, repr escapes and string identity.

words = ["café", "naïve", "Straße", "ΟΔΟΣ", "Привет", "日本語", "😀 smile", "ǆemal", "İstanbul", "ﬁne"]
for w in words:
    print(repr(w), len(w), w.upper(), w.lower(), w.title(), w.capitalize(), w.swapcase(), w.casefold())

print("σας ΣΑΣ Σ".lower(), "ΑΣ.".lower(), "ΑΣ'Α".lower())
print("é" < "ê", "z" < "é", "日" > "本", sorted(["β", "α", "b", "a", "ä"]))
print("naïve café"[2], "naïve café"[-1], "naïve café"[1:4], "naïve café"[::-1], "naïve café"[::2])
print("日本語テキスト".find("テキ"), "日本語テキスト".index("語"), "日本語日本語".rfind("本"), "日本語日本語".count("日本"))
print("a–b–c".split("–"), "x\u3000y\u2003z".split(), "\u2028line\u2029next".splitlines())
print("ünïcödé".replace("ï", "i"), "  ünï  ".strip(), "ééxéé".strip("é"), "é".center(5, "·"))
print("café".encode("utf-8"), "café".encode("utf-16-le".replace("-16-le", "-8")), "é".zfill(3))
print(repr("tab\there"), repr("nl\n"), repr("bell\x07"), repr("del\x7f"), repr("nbsp\xa0"),
      repr("soft\xad"), repr("sep\u2028"), repr("priv\ue000"), repr("tag\U000e0001"), repr("emoji😀"))
print(repr("'"), repr('"'), repr("'\""), repr("\\"), repr(""))
print(ascii("café😀"), ascii("plain"), ascii("\n"))
print(str("x" * 3), "ab" "cd", "é" * 3, len("é" * 1000))
print(ord("é"), chr(233), chr(0x1F600), ord("😀"), [ord(c) for c in "aé€😀"])
print("١٢٣".isdigit(), "١٢٣".isdecimal(), int("١٢٣"), "Ⅻ".isnumeric(), "Ⅻ".isalpha(), "ⅻ".upper())
print("ǅ".istitle(), "ǅ".isupper(), "ǅ".islower(), "Ǆ".lower(), "ǆ".title())
print("x\u0301".isalpha(), "\u0301".isalpha(), "ß".upper().lower(), "ﬃ".upper())
print("Ǉubljana".swapcase(), "ΣΑΣ".swapcase(), "İ".lower(), len("İ".lower()))
print("αβγ".isidentifier(), "1a".isidentifier(), "a-b".isidentifier(), "_".isidentifier(), "℘x".isidentifier())

# identity: interned constants vs built strings, singletons
a = "hello"
b = "hello"
print(a is b)
c = "".join(["hel", "lo"])
print(c == a, c is a)
d = "abc"[0]
a_lit = "a"
empty = ""
abc = "abc"
print(d is a_lit)  # "abc"[0] is folded to the constant 'a' by the compiler
print(empty is "".join([]), "x"[0:0] is empty)
e = "some text"
print(e[:] is e, e[0:len(e)] is e, str(e) is e)
import sys
print(sys.intern(c) is a)
