# format(), f-strings and %-formatting of ints and floats.
def show(value, spec):
    try:
        print(repr(value), repr(spec), repr(format(value, spec)))
    except Exception as e:
        print(repr(value), repr(spec), type(e).__name__, e)

int_specs = ["", "d", "5", "<5", "^7", "=+8", "+", " ", "-", ",", "_", "010,", "09,", "08,", "07,", "b", "#b",
             "o", "#o", "x", "#x", "X", "#X", "#010x", "_b", "_x", "c", "n", "e", ".2e", "f", ".3f", "g", "%",
             ".1%", "*^12,", "x<+9", "s", "z", ".3", ",b", "+c", "_n", "\u00e9>6", "0=8", "#08b", "020_d",
             "abc", ".", ",_", "99999999999999999999"]
for v in [0, 7, -42, 255, 1234567, -1234567, 65, 10 ** 20, -(2 ** 70)]:
    for s in int_specs:
        show(v, s)

float_specs = ["", "e", "E", "f", "F", "g", "G", "n", "%", ".0", ".1", ".3", ".17", ".0e", ".3e", "#.0e", ".0f",
               "#.0f", ".2f", "#g", ".0g", "#.3g", "10", "<10", "^10", "=+10.2f", "010.2f", "015,.2f",
               "=015_.2f", "+", " ", "z", "z.1f", ",", "_f", ",.3f", "x^14.3e", ".3%", "d", "x", "#", ".20",
               ".30f", "020,"]
for v in [0.0, -0.0, 1.0, -1.5, 0.1, 2.5, 123456.789, -1234567.891, 1e16, 1e22, 1e-5, 12.0, 100.0, 1000.0,
          -0.001, 1e300, float("inf"), float("-inf"), float("nan"), 2 / 3, 5e-324]:
    for s in float_specs:
        show(v, s)

x, y, name = 3.14159, 42, "pi"
print(f"{name}={x:.2f} {y:05d} {y:#x} {x:10.3e} {y:,} {x!r} {y!s:>4} {x:{y}.{2}}|")
print(f"{1234567.891:_.2f} {-5:+} {5:+} {0.5:.0%} {True:d} {2**100:,}")
print("{:>8} {:<8}| {:^8} {:08.3f} {:+.1e}".format(1, 2.5, -3, 3.14159, 12345.678))
print("{0:{1}}|{0:{2}}".format(3.5, 8, ".3e"))

percent = ["%d", "%5d", "%-5d|", "%05d", "%+d", "% d", "%.3d", "%x", "%#x", "%X", "%o", "%#o", "%#010x", "%i",
           "%u", "%f", "%e", "%g", "%E", "%G", "%.2f", "%10.3f", "%-10.2e|", "%010.2f", "%+f", "%#.0f", "%#g",
           "%.3g", "%010e"]
for v in [0, 5, -255, 3.7, -3.75, 1e20, float("inf"), float("nan"), True, 2 ** 70]:
    out = []
    for p in percent:
        try:
            out.append(p % v)
        except Exception as e:
            out.append(type(e).__name__ + ": " + str(e))
    print(repr(v), out)
for bad in ["5", [1], None]:
    for p in ["%d", "%x", "%f"]:
        try:
            print(p % bad)
        except Exception as e:
            print(p, type(e).__name__, e)
print("%s %r %5.1f%%" % (1.5, 2.5, 99.44))
