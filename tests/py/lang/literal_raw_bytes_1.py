# Raw strings and bytes literals: backslashes kept, bytes escapes, indexing bytes gives ints.
print(r"\n\t\\", len(r"\n"), r"C:\new\table", R"\x41")
print(r"\"", len(r"\""), r'\'', rb"\x00", Rb"\n", BR"\t", br"\\")
print(repr(r"a\b"), repr(r"\\"))
b = b"abc\x00\xff\n"
print(b, len(b), b[0], b[-1], b[1:3], list(b))
print(b"\101\102", b"\t", b'it\'s', B"UP")
print(type(b"").__name__, b"a" + b"b", b"ab" * 3, b"b" in b"abc", 98 in b"abc")
print(bytes([65, 66, 67]), bytes(3), bytes("hé", "utf-8"), "hé".encode(), b"h\xc3\xa9".decode())
print(b"hello".upper(), b"a,b,c".split(b","), b"-".join([b"x", b"y"]), b"  pad ".strip())
print(b"abc" == "abc", b"abc"[0] == 97, bytes(b"xy") == b"xy", b"x" < b"y")
print(repr(b"'"), repr(b'"'), repr(b"'\""), b"\x7f\x80")
print(b"%d-%s" % (5, b"x"), b"abc".hex(), bytes.fromhex("41 42"))
ba = bytearray(b"abc")
ba[0] = 65
ba.append(100)
print(ba, bytes(ba), len(ba))
try:
    b"abc"[0] = 1
except TypeError as e:
    print("TypeError:", e)
try:
    b"abc" + "d"
except TypeError as e:
    print("TypeError:", e)
