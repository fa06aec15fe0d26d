class E(Exception):
    def __str__(self):
        raise RuntimeError
def f(): raise E()
f()
