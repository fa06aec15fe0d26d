# sys.exit with a string prints it to stderr and exits 1.
import sys
print("about to exit")
sys.exit("fatal: configuration missing")
