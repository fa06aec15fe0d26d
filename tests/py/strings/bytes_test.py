# bytes and bytearray.

def attempt(label, fn):
    try:
        result = fn()
    except Exception as e:
        print(label, "->", type(e).__name__, e)
    else:
        print(label, "=", repr(result))

b = b"hello world"
print(b, repr(b), len(b), b[0], b[-1], b[1:5], b[::-1], b[::3])
print(b"it's", b'say "hi"', b"both ' \"", b"\x00\x7f\x80\xff\t\n\r\\")
print(b + b"!", b * 2, 2 * b"ab", b"ab" * 0, b"ab" * -1)
print(b"ab" == b"ab", b"ab" < b"b", b"ab" != b"ab", b"a" == "a", b"abc" > b"ab")
print(104 in b, b"wor" in b, b"" in b, 0 in b)
print(list(b"abc"), list(reversed(b"abc")), sorted(b"cab"))
print(hash(b"abc") == hash(b"abc"), {b"k": 1}[b"k"])
print(bytes(), bytes(3), bytes([65, 66, 67]), bytes(range(3)), bytes(b"copy"), bytes(bytearray(b"ba")))
print(bytes("café", "utf-8"), bytes("café", "latin-1"), bytes("abc", encoding="ascii"))
print(bytes.fromhex("de ad be ef"), b"\xde\xad".hex(), b"abcdef".hex(":"), b"abcde".hex("-", 2), b"abcde".hex(":", -2))

print(b"a,b,,c".split(b","), b" a  b ".split(), b"a b c".split(None, 1), b"a,b,c".rsplit(b",", 1))
print(b"-".join([b"a", b"b", bytearray(b"c")]), b"  x  ".strip(), b"xxhixx".strip(b"x"), b"ab".lstrip(b"a"))
print(b"aaa".replace(b"a", b"bb", 2), b"abc".replace(b"", b"."), b"abc".find(b"c"), b"abc".find(99), b"abc".rfind(b"z"))
print(b"abcabc".index(b"c"), b"abcabc".rindex(b"b"), b"abcabc".count(b"b"), b"abc".count(b""), b"aaa".count(97))
print(b"abc".startswith(b"ab"), b"abc".endswith((b"x", b"bc")), b"abc".startswith(b"b", 1))
print(b"Hello".upper(), b"Hello".lower(), b"hello world".title(), b"hELLO".capitalize(), b"HeLLo".swapcase())
print(b"123".isdigit(), b"abc".isalpha(), b"ab1".isalnum(), b" \t".isspace(), b"ABC".isupper(), b"abc".islower(),
      b"Hello World".istitle(), b"\x80".isascii(), b"".isalpha())
print(b"k=v".partition(b"="), b"a=b=c".rpartition(b"="), b"x".partition(b"="))
print(b"ab".center(6, b"*"), b"ab".ljust(4), b"ab".rjust(4, b"0"), b"-5".zfill(4))
print(b"a\nb\r\nc".splitlines(), b"a\nb".splitlines(True), b"pre_x".removeprefix(b"pre_"), b"x.py".removesuffix(b".py"))
print(b"caf\xc3\xa9".decode(), b"caf\xe9".decode("latin-1"), b"abc".decode("ascii"))
print(b"a\xffb".decode("utf-8", "replace"), b"a\xffb".decode("utf-8", "ignore"),
      b"a\xffb".decode("utf-8", "backslashreplace"), b"a\xffb".decode(errors="replace"))

ba = bytearray(b"abc")
print(ba, repr(ba), len(ba), ba[0], ba[1:])
ba.append(100)
ba.extend(b"ef")
ba.extend([103, 104])
ba[0] = 65
ba[1:3] = b"XYZ"
print(ba)
del ba[0]
del ba[-2:]
print(ba, ba.pop(), ba.pop(0), ba)
ba.insert(0, 33)
ba.remove(ord("Z"))
print(ba)
ba += b"++"
print(ba, ba * 2, ba + b"!", b"!" + ba)
ba.reverse()
print(ba, ba.copy(), ba.upper(), ba.split(b"+"))
ba.clear()
print(ba, bytearray(3), bytearray([1, 2]), bytearray("hé", "utf-8"), bytearray(b"x") == b"x")
ba2 = bytearray(b"0123456789")
ba2[::2] = b"abcde"
print(ba2)
del ba2[::3]
print(ba2)
print([x for x in bytearray(b"hi")], b"hi" in bytearray(b"ohio"))

attempt("index oob", lambda: b"a"[5])
attempt("ba index oob", lambda: bytearray(b"a")[5])
attempt("concat str", lambda: b"a" + "x")
attempt("concat rev", lambda: "x" + b"a")
attempt("mul str", lambda: b"a" * "x")
attempt("lt str", lambda: b"a" < "a")
attempt("in str", lambda: "a" in b"a")
attempt("in range", lambda: 300 in b"a")
attempt("find str", lambda: b"a".find("a"))
attempt("find range", lambda: b"a".find(300))
attempt("split str", lambda: b"a".split("x"))
attempt("split empty", lambda: b"a".split(b""))
attempt("join str", lambda: b"".join(["x"]))
attempt("strip str", lambda: b"a".strip("x"))
attempt("startswith str", lambda: b"a".startswith("x"))
attempt("replace str", lambda: b"a".replace("a", "b"))
attempt("index miss", lambda: b"abc".index(b"z"))
attempt("negative", lambda: bytes(-1))
attempt("str no enc", lambda: bytes("a"))
attempt("enc no str", lambda: bytes(b"x", "utf-8"))
attempt("range", lambda: bytes([300]))
attempt("item type", lambda: bytes(["a"]))
attempt("float", lambda: bytes(1.5))
attempt("encode fail", lambda: bytes("é", "ascii"))
attempt("fromhex bad", lambda: bytes.fromhex("zz"))
attempt("fromhex odd", lambda: bytes.fromhex("a"))
attempt("fromhex type", lambda: bytes.fromhex(1))
attempt("hash bytearray", lambda: hash(bytearray()))
attempt("append range", lambda: bytearray().append(256))
attempt("append str", lambda: bytearray().append("a"))
attempt("pop empty", lambda: bytearray().pop())
attempt("remove miss", lambda: bytearray(b"a").remove(98))
attempt("setitem range", lambda: bytearray(b"a").__setitem__(0, 999))
attempt("center fill", lambda: b"a".center(5, b"xy"))
attempt("decode bad", lambda: b"\xff".decode())
attempt("decode enc type", lambda: b"x".decode(1))
attempt("decode unknown", lambda: b"x".decode("nope"))
attempt("kw", lambda: bytes(x=1))
attempt("extended slice", lambda: bytearray(b"abcd").__setitem__(slice(None, None, 2), b"x"))
