# Objects owned by imported modules die at exit too: the modules imported
# by the program are finalized before __main__, whose objects were made
# after the imports.
from helpers import exitmod


class A:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del", self.n)


a = A("main a")
lst = [A("main l1"), A("main l2")]
mb = exitmod.B("main's B")
print("end of program")
