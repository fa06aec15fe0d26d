# Finalizers at exit still see the module's globals, functions and
# imported modules, also when the program ends with SystemExit; an object
# held only by a class attribute dies with its class.
import os

LIMIT = 3


class A:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del", self.n, LIMIT, helper(), os.sep)


class Inner:
    held = None


def helper():
    return "helper"


a = A("a")
b = A("b")
Inner.held = A("class attribute")
raise SystemExit(3)
