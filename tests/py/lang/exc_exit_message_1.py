# sys.exit with a string prints it to stderr and exits with status 1; print(file=sys.stderr) also goes to stderr.
import sys
print("stdout line")
print("warning: about to stop", file=sys.stderr)
try:
    sys.exit("inner message")
except SystemExit as e:
    print("code is the string:", repr(e.code))
sys.exit("fatal: giving up")
