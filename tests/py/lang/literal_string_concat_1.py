# Adjacent literal concatenation, triple-quoted strings, line continuation and implicit joining.
s = "abc" 'def' """ghi"""
print(s)
t = ("first "
     "second "
     'third')
print(t)
print("x" "y" == "xy", f"{1}" "a" f"{2}")
doc = """line one
  line two
line three\
 continued"""
print(doc)
print(repr('''a
b'''))
print(len("""
"""), '''it's "quoted"''')
total = 1 + \
    2 + \
    3
print(total)
items = [
    1,
    2,
    3,   # trailing comma allowed
]
print(items, len(items))
d = {
    "a": 1,
    "b": 2
}
print(d)
def f(a,
      b,
      c=3,
      ):
    return a + b + c
print(f(1,
        2))
if (1 < 2 and
        2 < 3):
    print("joined condition")
x = [i
     for i in range(3)]
print(x)
print("""\
no leading newline""")
