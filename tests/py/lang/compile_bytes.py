# compile() takes str or UTF-8 bytes; null bytes and other types are rejected.
code = compile(b"x = 'caf\xc3\xa9'\n", "<bytes>", "exec")
ns = {}
exec(code, ns)
print(ns["x"], type(code).__name__)
print(eval(compile(bytearray(b"1 + 2"), "<ba>", "eval")))
for bad in ["a\0b", b"a\0b", 3, None]:
    try:
        compile(bad, "<s>", "exec")
    except (SyntaxError, TypeError) as e:
        print(type(e).__name__, e)
