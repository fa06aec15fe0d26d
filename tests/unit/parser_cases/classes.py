class A: pass
class B(A): x = 1
class C(A, B, metaclass=M, **kw):
    def m(self):
        super().m()
@dataclass(frozen=True)
class D:
    x: int = 0
class E(): pass
class F(*bases): pass
