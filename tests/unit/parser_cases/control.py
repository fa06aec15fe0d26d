if a:
    pass
elif b:
    x = 1
elif c: y = 2
else:
    z = 3
while x < 10:
    x += 1
    if x: break
    else: continue
else:
    done()
for i in range(10):
    print(i)
else:
    pass
for a, (b, c) in d: pass
for x in *a, b: pass
for [x, y] in z: pass
for x, in y: pass
try:
    pass
except ValueError:
    pass
except (TypeError, KeyError) as e:
    raise
except:
    raise X from Y
else:
    a = 1
finally:
    b = 2
try:
    x
finally:
    y
try:
    x
except* ValueError as eg:
    pass
except* (A, B):
    pass
with open(f) as g: pass
with a, b as c, d as (e, f): pass
with (a as b, c as d): pass
with (a as b, c as d,): pass
with (a, b): pass
with (a, b) as c: pass
with (yield): pass
with (a): pass
with (): pass
assert x
assert x, "msg"
global g1, g2
def f():
    nonlocal n
    global q
raise
pass; x = 1; y = 2;
if x: a; b
