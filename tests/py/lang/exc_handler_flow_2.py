# Handlers in loops and retries: else clause per iteration, retry loops, bare re-raise to an outer base-class handler.
import sys
def nested_handlers():
    try:
        try:
            raise KeyError("a")
        except KeyError:
            raise
    except LookupError as e:
        return "outer saw " + repr(e)
print(nested_handlers())
results = []
for n in [2, 0, "x", 5]:
    try:
        results.append(10 / n)
    except ZeroDivisionError:
        results.append("div0")
    except TypeError as e:
        results.append(type(e).__name__)
    else:
        results.append("ok")
print(results)
def retry(times):
    attempts = 0
    while True:
        attempts += 1
        try:
            if attempts < times:
                raise ConnectionError(f"attempt {attempts}")
            return f"success after {attempts}"
        except ConnectionError as e:
            print("  retrying:", e)
print(retry(3))
try:
    try:
        raise ValueError("inner")
    finally:
        print("  finally during propagation")
except ValueError as e:
    print("caught", e)
print(sys.exc_info() == (None, None, None))
