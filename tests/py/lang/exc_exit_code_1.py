# sys.exit(n) raises SystemExit: finally blocks run, except Exception does not catch it, the status is n.
import sys
def main():
    try:
        print("doing work")
        sys.exit(3)
    except Exception:
        print("not reached: SystemExit is not an Exception")
    finally:
        print("finally still runs")
try:
    sys.exit(7)
except SystemExit as e:
    print("caught SystemExit with code", e.code, e.args)
try:
    raise SystemExit
except SystemExit as e:
    print("bare SystemExit code:", e.code)
main()
print("never printed")
