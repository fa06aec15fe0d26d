# Every string escape sequence, checked through len/ord/repr so the output stays printable.
s = "\\ \' \" \a \b \f \n \r \t \v \0 \x41 \101 \u00e9 \U0001F600 \N{BULLET}"
print(repr(s))
print([ord(c) for c in "\a\b\f\n\r\t\v"])
print(ord("\0"), ord("\7"), ord("\77"), ord("\777"[0]), len("\777"), ord("\1234"[0]), len("\1234"))
print("\x41\x42\x43", "\101\102\103", "\u0041\u0042", "\U00000041")
print(len("\N{GREEK SMALL LETTER ALPHA}"), "\N{GREEK SMALL LETTER ALPHA}" == "\u03b1")
print("a\
b")
print('single "double" inside', "double 'single' inside", 'it\'s', "say \"hi\"")
print(repr("it's"), repr('say "hi"'), repr("both ' and \""), repr('\''))
print(repr("tab\there"), repr("nl\n"), repr("\x7f"), repr("\x00"), repr("\u200b"), repr("é"))
print(repr("\\"), len("\\"), repr("\\n"), len("\\n"))
print(repr("\r\n"), "\t".expandtabs(4) == "    ")
print(ord("\N{LATIN SMALL LETTER E WITH ACUTE}"), chr(233), chr(0x1F600) == "\U0001F600")
print(len("\U0001F600"), "\U0001F600".encode("utf-8"))
print(repr("\x1b[0m"), repr("\xff"), repr("\ud800"))
