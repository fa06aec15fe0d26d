# bytes %-formatting (PEP 461), maketrans/translate, expandtabs, with CPython's errors.
print(b"%d-%s" % (5, b"x"), b"%5s|%-4b|%.2s" % (b"ab", b"c", b"xyz"), b"%r %a" % ("h\xe9", b"q"))
print(bytearray(b"%x") % 255, b"%c%c" % (65, b"B"), b"%(k)s" % {b"k": b"v"}, b"%%")
for bad in [lambda: b"%s" % 5, lambda: b"%c" % 300, lambda: b"%d %d" % (1,), lambda: b"%d" % (1, 2), lambda: b"%y" % 1]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
t = bytes.maketrans(b"abc", b"xyz")
print(len(t), b"aabbcc".translate(t), b"hello".translate(None, b"l"), bytearray(b"abc").translate(t, b"b"))
print(b"a\tbc\td".expandtabs(), b"x\ty".expandtabs(4), bytearray(b"\t").expandtabs(2))
try:
    bytes.maketrans(b"a", b"bc")
except ValueError as e:
    print(e)
