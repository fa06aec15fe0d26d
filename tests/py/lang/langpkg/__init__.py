# Helper package for the tests in tests/py/lang (support code, not a test).
print("langpkg/__init__ executing, __name__ =", __name__)
from .core import greet, VERSION
from . import util
__all__ = ["greet", "VERSION"]
counter = 0
def bump():
    global counter
    counter += 1
    return counter
