# Methods: self binding, calling via class with explicit instance, bound methods are new objects per access but compare equal.
class Greeter:
    def __init__(self, greeting):
        self.greeting = greeting
    def greet(self, who):
        return f"{self.greeting}, {who}"
    def chain(self):
        return self
g = Greeter("Hi")
print(g.greet("Ann"), Greeter.greet(g, "Bob"))
m1 = g.greet
m2 = g.greet
print(m1 == m2, m1 is m2, m1.__self__ is g, m1.__func__ is Greeter.greet, m1.__name__, m1.__qualname__)
print(g.greet == Greeter("Hi").greet, type(m1).__name__, type(Greeter.greet).__name__)
bound = g.greet
g.greeting = "Hello"
print(bound("Cy"))
print(g.chain().chain().greet("chained"))
greets = list(map(g.greet, ["x", "y"]))
print(greets)
def external(self, n):
    return self.greeting * n
Greeter.shout = external
print(g.shout(2))
g.instance_fn = lambda n: n * 2
print(g.instance_fn(21))
class A:
    def who(self):
        return "A.who"
    def call_who(self):
        return self.who()
class B(A):
    def who(self):
        return "B.who"
print(A().call_who(), B().call_who())
class Pt:
    def __init__(self, x):
        self.x = x
    def moved(self, dx):
        return Pt(self.x + dx)
    def __repr__(self):
        return f"Pt({self.x})"
print(Pt(1).moved(2).moved(3))
methods = [Pt(i).moved for i in range(3)]
print([m(10) for m in methods])
print(callable(g.greet), hasattr(g, "greet"), "greet" in vars(Greeter), "greet" in vars(g))
