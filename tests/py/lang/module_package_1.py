# Importing a local helper package: __init__ runs once, relative imports inside it, submodules, from-import forms.
import langpkg
import langpkg
print("imported twice, __init__ printed once")
print(langpkg.greet("test"), langpkg.VERSION, langpkg.__name__)
print(langpkg.util.version_string(), langpkg.util.core_module_name())
from langpkg import core
from langpkg.core import public, _private
print(core.__name__, public, _private, core.greet("x"))
import langpkg.sub
print(langpkg.sub.LEAF, langpkg.sub.parent_greet("sub"))
from langpkg.sub import leaf
print(leaf.__name__, leaf.LEAF)
import langpkg.sub.leaf as L
print(L is leaf, L.util is langpkg.util)
print(langpkg.bump(), langpkg.bump(), langpkg.counter)
import sys
print("langpkg" in sys.modules, "langpkg.core" in sys.modules, "langpkg.sub.leaf" in sys.modules)
print(sys.modules["langpkg.core"] is core)
from langpkg import *
print(greet("star"), VERSION)
print("counter" in globals(), "bump" in globals())
try:
    from langpkg import missing_name
except ImportError as e:
    print("ImportError:", str(e).split(" (")[0])
try:
    import langpkg.nothere
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e)
