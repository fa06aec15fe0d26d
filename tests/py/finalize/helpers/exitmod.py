# Support module for modules_test.py: objects owned by another module.
class B:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del", self.n)


m1 = B("module m1")
ml = [B("module ml1"), B("module ml2")]
