# raise SystemExit(n) directly inside nested calls and with statements: the status is n and __exit__ runs.
class Res:
    def __enter__(self):
        print("enter")
        return self
    def __exit__(self, et, ev, tb):
        print("exit sees", et.__name__ if et else None, ev.code if et else "")
        return False
def deep(level):
    if level == 0:
        raise SystemExit(42)
    deep(level - 1)
with Res():
    print("inside")
    deep(3)
print("not reached")
