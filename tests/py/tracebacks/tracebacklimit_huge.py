import sys
sys.tracebacklimit = 10**30
def f(): [][0]
f()
