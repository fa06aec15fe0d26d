import traceback
x = 1
try:
    y = (x) + "s"
except TypeError:
    traceback.print_exc()
try:
    y = (x
         ) + "s"
except TypeError:
    traceback.print_exc()
try:
    y = x + (  "s")
except TypeError:
    traceback.print_exc()
