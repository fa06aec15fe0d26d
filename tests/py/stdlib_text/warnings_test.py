import warnings
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    warnings.warn("one")
    warnings.warn("two", DeprecationWarning)
    warnings.warn(RuntimeWarning("three"))
for w in caught:
    print(w.category.__name__, w.message, type(w.message).__name__)
with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        warnings.warn("boom", UserWarning)
    except UserWarning as e:
        print("raised", type(e).__name__, e)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("ignore")
    warnings.warn("hidden")
print(len(caught))
with warnings.catch_warnings(record=True) as caught:
    warnings.filterwarnings("ignore", message="skip")
    warnings.filterwarnings("always", category=UserWarning)
    warnings.filterwarnings("ignore", message="skip.*")
    warnings.warn("skip me")
    warnings.warn("keep me")
print([str(w.message) for w in caught])
print(warnings.formatwarning("msg", UserWarning, "file.py", 3, "x = 1"))
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("default")
    for i in range(3):
        warnings.warn("repeated")
print(len(caught))
try:
    warnings.warn("x", int)
except TypeError as e:
    print(e)
