# At exit the objects still held by __main__'s globals are finalized in
# CPython's order: the globals' values first (in definition order), then
# what they hold (a list's items last to first, a dict's values in order,
# an instance's attributes in order), then deeper still.
class A:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del", self.n)


class Node:
    def __init__(self, n, child=None):
        self.n = n
        self.child = child

    def __del__(self):
        print("del", self.n)


x = [A("x1"), [A("x2"), A("x3")], A("x4")]
y = A("y")
chain = Node("n1", Node("n2", Node("n3")))
z = {"k": A("zk"), "j": (A("zj1"), A("zj2"))}
w = A("w")
w.self = w
_private = A("_private")
c1, c2 = A("c1"), A("c2")
c1.other, c2.other = c2, c1
v = A("v")
print("end of program")
