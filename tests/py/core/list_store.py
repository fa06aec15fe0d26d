# list[i] = v: in-range, negative, out-of-range, huge and non-int indices; __del__ of the replaced item.
l = [1, 2, 3]
l[0] = "a"; l[-1] = "z"
print(l)
for k in (5, -4, 2**70, "x"):
    try:
        l[k] = 0
    except Exception as e:
        print(type(e).__name__, e)
class D:
    def __del__(self): print("del old item", len(m))
m = [D(), 1]
m[0] = 9
print(m)
