# Non-ASCII text: len counts code points, indexing, upper/lower, encode/decode utf-8, ord/chr, sorting by code point.
s = "naïve café 日本"
print(s, len(s), s[2], s[-2:], s.upper(), s.title())
b = s.encode("utf-8")
print(len(b), b[:6], b.decode("utf-8") == s)
print([ord(c) for c in "é日😀"], chr(26085), chr(128512) == "😀", len("😀"), len("😀".encode()))
print(sorted(["é", "e", "z", "É", "a"]), "é" > "z", "Z" < "a")
print("ÀÉÎ".lower(), "straße".upper(), "ÉCOLE".capitalize(), "élan".title())
print("café".find("é"), "café".replace("é", "e"), "日本語".split("本"), "αβγ"[::-1])
print(repr("日本"), ascii("日本"), repr("\u00a0"), "\u00a0".isspace(), "é".isalnum())
print("é".encode("latin-1"), "abc".encode("ascii"), b"caf\xc3\xa9".decode())
try:
    "日本".encode("ascii")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError:", e)
try:
    b"\xff".decode("utf-8")
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e)
print(b"\xff".decode("utf-8", errors="replace"), "日本".encode("ascii", errors="replace"), "é".encode("ascii", "ignore"))
print(f"{'日本':>6}|{'é':^5}|", "%-4s|" % "ü", "{:*<4}".format("ñ"))
print(str(b"\xc3\xa9", "utf-8"), bytes("é", "utf-8"), "\N{SNOWMAN}", "\u2603" == "☃")
print(max("hello wörld"), min("Ωmega"), "ü".isalpha(), "中".isalpha(), "é".islower())
