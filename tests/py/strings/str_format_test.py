# str.format, format_map, format(), f-strings and the % operator.

class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"Point({self.x}, {self.y})"
    def __format__(self, spec):
        return f"<{self.x},{self.y}:{spec}>"

def attempt(label, fn):
    try:
        result = fn()
    except Exception as e:
        print(label, "->", type(e).__name__, e)
    else:
        print(label, "=", repr(result))

p = Point(1, 2)
attempt("auto", lambda: "{} and {}".format("a", "b"))
attempt("manual", lambda: "{1}{0}{1}".format("a", "b"))
attempt("keyword", lambda: "{name} is {age}".format(name="Bob", age=30))
attempt("attr", lambda: "{0.x}/{0.y}".format(p))
attempt("index", lambda: "{0[1]} {0[0]}".format(["a", "b"]))
attempt("key", lambda: "{d[k]} {d[1]}".format(d={"k": "v", 1: "one"}))
attempt("chain", lambda: "{a.x}{b[0][1]}".format(a=p, b=[["p", "q"]]))
attempt("conv r", lambda: "{!r}".format("x"))
attempt("conv s", lambda: "{0!s}".format(p))
attempt("conv a", lambda: "{!a}".format("é"))
attempt("spec", lambda: "{:>8}|{:<6}|{:^7}".format("r", "l", "c"))
attempt("fill", lambda: "{:*^9}".format("mid"))
attempt("precision", lambda: "{:.2}".format("abcdef"))
attempt("nested", lambda: "{:{w}.{p}}".format("abcdef", w=6, p=3))
attempt("nested auto", lambda: "{:>{}}".format("x", 4))
attempt("custom __format__", lambda: "{:fancy}".format(p))
attempt("conv then spec", lambda: "{!r:>10}".format("x"))
attempt("escapes", lambda: "{{}} {{{0}}}".format(1))
attempt("empty", lambda: "".format())
attempt("zero pad", lambda: "{:05}".format("a"))
attempt("format_map", lambda: "{a}-{b}".format_map({"a": 1, "b": 2}))
class Default(dict):
    def __missing__(self, key):
        return "?" + key
attempt("format_map missing", lambda: "{x} {y}".format_map(Default(x=1)))
attempt("unicode", lambda: "{:é^7}".format("ü"))
attempt("leading zeros", lambda: "{00}".format("z"))

# errors
attempt("single {", lambda: "{".format())
attempt("single }", lambda: "}".format())
attempt("unclosed", lambda: "{0".format(1))
attempt("conv eos", lambda: "{0!".format(1))
attempt("conv unmatched", lambda: "{0!r".format(1))
attempt("conv colon", lambda: "{0!rx}".format(1))
attempt("conv unknown", lambda: "{!x}".format(1))
attempt("range", lambda: "{}".format())
attempt("range 2", lambda: "{2}".format(1, 2))
attempt("switch auto", lambda: "{0}{}".format(1, 2))
attempt("switch manual", lambda: "{}{0}".format(1))
attempt("missing key", lambda: "{a}".format())
attempt("missing attr", lambda: "{0.nope}".format(1))
attempt("bad index", lambda: "{0[5]}".format([1]))
attempt("empty attr", lambda: "{0.}".format(1))
attempt("missing ]", lambda: "{0[}".format(1))
attempt("after ]", lambda: "{0[0]x}".format([1]))
attempt("recursion", lambda: "{:{:{}}}".format(1, 2, 3))
attempt("map positional", lambda: "{}".format_map({}))
attempt("map noidx", lambda: "{x}".format_map(1))
attempt("str code d", lambda: format("a", "d"))
attempt("str sign", lambda: format("a", "+"))
attempt("str align =", lambda: format("a", "=5"))
attempt("str comma", lambda: format("a", ","))
attempt("str alt", lambda: format("a", "#"))
attempt("str invalid", lambda: format("a", "xx"))
attempt("str missing prec", lambda: format("a", "."))
attempt("big index", lambda: "{1000000000000000000000}".format(1))

# f-strings
name, value, items = "pi", 3.14159, [1, 2, 3]
print(f"{name}={value:.2f} {items!r} {len(items):>3} {'nested ' + name}")
print(f"{name!r:>6}|{name:<6}|{value:10.3f}|{7:03d}|{255:#x}")
width = 8
print(f"[{name:^{width}}]")
print(f"{{literal}} {p} {p:spec}")

# % formatting
attempt("%s", lambda: "%s" % "x")
attempt("%s tuple", lambda: "%s and %s" % ("a", "b"))
attempt("%r %a", lambda: "%r %a" % ("é", "é"))
attempt("%d", lambda: "%d %i %u" % (1, -2, 3))
attempt("%d float", lambda: "%d" % 3.99)
attempt("%d bool", lambda: "%d" % True)
attempt("%x", lambda: "%x %X %o" % (255, 255, 8))
attempt("%#x", lambda: "%#x %#X %#o" % (255, 255, 8))
attempt("%x neg", lambda: "%x" % -255)
attempt("width", lambda: "[%5d][%-5d][%05d][%+d][% d]" % (42, 42, 42, 42, 42))
attempt("precision int", lambda: "%.3d|%#.3x" % (5, 5))
attempt("%f", lambda: "%f %.2f %10.3f %-10.1f|" % (1.5, 2.345, -3.14159, 2.0))
attempt("%e", lambda: "%e %.2E" % (12345.678, 0.000123))
attempt("%g", lambda: "%g %G %g %#g" % (1e-5, 1e20, 100.0, 1.0))
attempt("%c", lambda: "%c%c%c" % (72, "i", 0x20ac))
attempt("%5c", lambda: "[%5c][%-3c]" % ("x", "y"))
attempt("%%", lambda: "100%% %s" % "done")
attempt("star", lambda: "[%*d] [%-*s] [%.*f]" % (5, 1, 4, "ab", 2, 3.14159))
attempt("star neg", lambda: "[%*d]" % (-5, 1))
attempt("mapping", lambda: "%(name)s is %(age)d" % {"name": "Al", "age": 3})
attempt("mapping nested parens", lambda: "%(a(b))s" % {"a(b)": 1})
attempt("dict single", lambda: "%s" % {"a": 1})
attempt("list single", lambda: "%s" % [1, 2])
attempt("precision str", lambda: "%.3s|%5.1s|" % ("abcdef", "xyz"))
attempt("length mod", lambda: "%ld %hd" % (1, 2))
attempt("no args", lambda: "plain" % ())
attempt("empty dict", lambda: "plain" % {})

attempt("not enough", lambda: "%s %s" % ("a",))
attempt("not enough empty", lambda: "%s" % ())
attempt("too many", lambda: "%s" % ("a", "b"))
attempt("single extra", lambda: "x" % 5)
attempt("unsupported", lambda: "%z" % 1)
attempt("unsupported idx", lambda: "ab%y" % 1)
attempt("incomplete", lambda: "%" % ())
attempt("incomplete 2", lambda: "abc %5" % 1)
attempt("incomplete key", lambda: "%(a" % {"a": 1})
attempt("needs mapping", lambda: "%(a)s" % 1)
attempt("tuple not mapping", lambda: "%(a)s" % ({"a": 1},))
attempt("mapping then pos", lambda: "%(a)s %s" % {"a": 1})
attempt("pos then mapping", lambda: "%s %(a)s" % {"a": 1})
attempt("%d str", lambda: "%d" % "x")
attempt("%d list", lambda: "%d" % [1])
attempt("%x float", lambda: "%x" % 1.5)
attempt("%f str", lambda: "%f" % "x")
attempt("%e none", lambda: "%e" % None)
attempt("%c str", lambda: "%c" % "ab")
attempt("%c float", lambda: "%c" % 1.5)
attempt("%c range", lambda: "%c" % -1)
attempt("star type", lambda: "%*d" % ("a", 1))
attempt("%d inf", lambda: "%d" % float("inf"))
attempt("rmod", lambda: "a".__rmod__(1))
