# An exception raised in a pool worker comes back out of Future.result()
# with its traceback: uncaught here, it ends the program with status 1.
from concurrent.futures import ThreadPoolExecutor


def inner(x):
    return {}[x]


def job(x):
    return inner(x)


with ThreadPoolExecutor(1) as ex:
    fut = ex.submit(job, "missing")
    print("submitted")
print("the result is an error:", type(fut.exception()).__name__)
fut.result()
