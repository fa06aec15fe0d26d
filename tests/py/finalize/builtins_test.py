# What a program stores in builtins dies when the interpreter restores
# builtins at exit; what it stores in sys outlives the modules, and an
# object whose class is reachable from sys keeps its module's globals
# (and so `main`) alive to the very end, as CPython.
import builtins
import sys


class A:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del", self.n)


builtins.keep = A("in builtins")
sys.keep = A("in sys")
main = A("main")
print("end of program")
