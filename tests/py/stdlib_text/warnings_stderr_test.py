# The default warning display: "FILE:LINE: Category: message" plus the source line, once per
# location; stderr is captured so the expected output does not depend on the checkout path.
import io
import os
import sys
import warnings

captured = io.StringIO()
sys.stderr = captured


def deprecated_api():
    warnings.warn("old api", DeprecationWarning, stacklevel=2)


def f():
    warnings.warn("from f")


for i in range(3):
    f()                       # shown once: same location
warnings.warn("module level", UserWarning)
deprecated_api()              # DeprecationWarning shown: triggered in __main__
warnings.warn("way up", RuntimeWarning, stacklevel=5)
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    f()
    print(w[0].filename.rsplit("/", 1)[-1], w[0].lineno, w[0].category.__name__, str(w[0].message))
    print(str(w[0]).replace(w[0].filename, "FILE"))
warnings.warn("once", UserWarning)
sys.stderr = sys.__stderr__
print(captured.getvalue().replace(os.path.abspath(__file__), "THIS_FILE").replace(__file__, "THIS_FILE"))
print("done")
