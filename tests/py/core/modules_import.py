# Imports: packages, submodules, relative imports, from-import, caching.
import sys
import pkg_demo
import pkg_demo.sub as sub
from pkg_demo import helper
from pkg_demo.sub import answer, VALUE as V

print(pkg_demo.NAME, sub.answer(), answer(), V, helper())
print(pkg_demo.sub is sub, "pkg_demo.sub" in sys.modules, __name__)
import pkg_demo as again
print(again is pkg_demo)
try:
    import no_such_module_here
except ModuleNotFoundError as e:
    print(type(e).__name__, e)
try:
    from pkg_demo import missing_name
except ImportError as e:
    print(type(e).__name__, str(e).split(" (")[0])
