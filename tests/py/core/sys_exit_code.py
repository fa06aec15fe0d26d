# sys.exit sets the exit status; finally blocks run.
import sys
try:
    print("exiting")
    sys.exit(3)
finally:
    print("finally runs")
