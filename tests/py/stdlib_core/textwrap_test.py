import textwrap
s = "The quick brown fox jumps over the lazy dog. A well-known example of a pangram, used to test typewriters and computer keyboards."
for w in (10, 20, 33):
    print(textwrap.wrap(s, width=w))
print(textwrap.fill(s, width=40, initial_indent='* ', subsequent_indent='  '))
print(textwrap.shorten(s, width=40), textwrap.shorten("Hello  world!", width=11))
print(repr(textwrap.dedent("    a\n      b\n\n    c\n")))
print(repr(textwrap.indent("a\n\nb\n", "> ")))
print(textwrap.wrap("supercalifragilisticexpialidocious word", width=10))
print(textwrap.wrap("a  b   c", width=3), textwrap.wrap("", 5))
