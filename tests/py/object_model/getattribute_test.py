# __getattribute__ proxies, super().__getattribute__, __getattr__ recursion, and
# __getattr__ as the fallback for an unset slot.
class P:
    def __init__(self, t): object.__setattr__(self, '_t', t)
    def __getattribute__(self, n):
        if n.startswith('_'): return object.__getattribute__(self, n)
        return ('proxied', getattr(object.__getattribute__(self, '_t'), n))
    def __setattr__(self, n, v): setattr(self._t, n, v)
class T: pass
t = T(); p = P(t); p.x = 5; print(p.x, t.x, type(p).__name__)
class S(P):
    def __getattribute__(self, n):
        r = super().__getattribute__(n)
        return ('S', r)
print(S(t).x)
class Rec:
    def __getattr__(self, n): return self.missing_too
try: Rec().a
except RecursionError as e: print('RecursionError', e)
class L:
    __slots__ = ('a',)
    def __getattr__(self, n): return 'ga ' + n
print(L().a)
