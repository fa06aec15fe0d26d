[x for x in y]
[x for x in y if x if not x]
[(x, y) for x in a for y in b if x < y]
{x for x in y}
{k: v for k, v in items}
(x for x in y)
[x for *a, b in c]
[x async for x in y]
[a if b else c for d in e]
[lambda: x for x in y]
{**a, 'b': 1}
[x for x in (lambda: y)()]
