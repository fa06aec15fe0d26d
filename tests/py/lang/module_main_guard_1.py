# __name__ is "__main__" in the script; module-level code order; globals defined before use; dir() of a module.
print("__name__ is", __name__)
def main():
    print("main() running, helper says", helper())
    return 0
def helper():
    return "defined after main but before the call"
if __name__ == "__main__":
    rc = main()
    print("rc", rc)
else:
    print("imported, not run")
import math
print(__name__ == "__main__", __doc__ is None, type(__builtins__).__name__ in ("module", "dict"))
names = [n for n in dir() if not n.startswith("_")]
print(sorted(names))
print("sqrt" in dir(math), "nonexistent" in dir(math))
print(sorted(k for k in globals() if not k.startswith("__")))
