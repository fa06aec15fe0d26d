# printf-style % formatting: conversions, width/precision/flags, tuples vs single values, dict mapping, errors.
print("%s %s" % ("a", 1), "%d" % 42, "%5d|%-5d|%05d" % (42, 42, 42), "%+d %+d" % (5, -5))
print("%f %.2f %10.3f %-10.1f| %e %.3E %g %g" % (3.14159, 3.14159, 3.14159, 3.14159, 12345.678, 0.000123, 1e20, 0.5))
print("%x %X %#x %o %#o %c %c" % (255, 255, 255, 8, 8, 65, "z"))
print("%r %s %a" % ("q", "q", "é"), "%%", "100%% done" % ())
print("%(name)s is %(age)d" % {"name": "Ann", "age": 7}, "%(x)r" % {"x": [1]})
print("%s" % (1, 2,) if False else "%s" % ((1, 2),), "%s" % [1, 2], "%s" % None)
print("%*d|%-*d|%.*f" % (5, 1, 4, 2, 2, 3.14159))
print("%d %i %u" % (3.9, -2.5, 7), "%s" % 3.0, "%.0f %.0f" % (0.5, 1.5), "%5.1s|" % "abc")
print("%3s|%-3s|%.2s" % ("a", "b", "xyz"), "% d" % 5, "%.3d" % 7)
for fmt, args in [("%d", "x"), ("%s %s", ("a",)), ("%s", ("a", "b")), ("%z", 1), ("%(k)s", 5), ("%d", None)]:
    try:
        print(fmt % args)
    except (TypeError, ValueError, KeyError) as e:
        print(type(e).__name__ + ":", e)
print("%s" % True, "%d" % True, "%.1f%%" % 99.5, "%5s%%" % "50")
print("%-8s|%8s|" % ("left", "right"), "%08.3f" % -3.5, "%+.2e" % 1234.5)
