# f-strings: conversions, format specs, nested fields, debugging =.
name, value, width = "pi", 3.14159, 10
print(f"{name}={value:.3f}|{name!r}|{name:>{width}}|{value:{width}.2f}|")
print(f"{{literal}} {1 + 2} {'nested'} {[1, 2][1]} {dict(a=1)['a']}")
x = 42
print(f"{x=} {x = } {x=:#06x} {name=!s}")
print(f"{x:b} {x:o} {x:x} {x:X} {x:e} {x:,} {1234567.891:,.2f} {0.25:%}")
print(f"{'left':<8}|{'mid':^8}|{'right':>8}|{'fill':*^10}")
print(f"{-5:+d} {5:+d} {5: d} {3.0:g} {1e20:g} {1.5e-7}")
print(f"""multi
line {x}""")
print(f"{'a' 'b'}" f"{x}" "plain")
print(f"{3 if x > 1 else 4}", f"{(lambda: 'lam')()}")
print("%s %d %05.1f %-4s| %x %r %%" % ("s", 42, 3.14159, "ab", 255, "r"))
print("{} {:>5} {name}".format("a", "b", name="n"), "{0}{1}{0}".format("x", "y"))
