# Wrong types give CPython's TypeError messages.
cases = ["1 + 'a'", "'a' * 'b'", "[] < ()", "n = None; n()", "len(5)", "{[]: 1}", "abs('x')", "iter(None)",
         "sorted([1, 'a'])", "sum(['a', 'b'])", "int([])", "'%d' % 'x'", "(1).foo", "del (1).real",
         "min()", "max(1)", "divmod('a', 1)", "hash([])", "chr('a')", "ord('ab')", "range(1.5)",
         "l = [1]; k = None; l[k]", "s = 'abc'; s['x']", "{}.get()", "object().x = 1"]
for c in cases:
    try:
        exec(c)
        print(c, "-> ok")
    except Exception as e:
        print(c, "->", type(e).__name__ + ":", e)
