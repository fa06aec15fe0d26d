# f-strings evaluate in order, can call functions, use nested quotes and multi-line triple forms.
log = []
def val(x):
    log.append(x)
    return x
print(f"{val(1)}{val(2)}{val(3)}", log)
items = ["a", "b"]
print(f"{', '.join(items)}", f'{"-".join(items)}')
s = f"""
  {items[0]}
  {items[-1]!r}
"""
print(repr(s))
n = 7
print(f"{n:{'>' if n > 5 else '<'}5}|")
print(f"{n!r:>4}|{str(n)!r}")
print(f"{3.0}", f"{1/3}", f"{10**20}", f"{-0.0}")
fmt = "{:>6}"
print(fmt.format("x"), f"{'x':>6}" == fmt.format("x"))
print(f"{'%d' % 5}", f"{'{}'.format(6)}")
w = 3
print(f"{'ab':{w}}|{'ab':>{w + 2}}|")
print(f"{n:08.3f}", f"{-n:08.3f}", f"{255:#010b}", f"{255:X}", f"{255:#o}")
print(f"{12345.6789:.2e}", f"{12345.6789:E}", f"{0.5:.0f}", f"{1.5:.0f}", f"{2.5:.0f}")
print(f"{'left':<8}|{'right':>8}|{'mid':^9}|")
print(f"{True:d}", f"{True!s}", f"{False:>6}")
try:
    print(f"{'x':d}")
except ValueError as e:
    print("ValueError:", e)
try:
    print(f"{5:s}")
except ValueError as e:
    print("ValueError:", e)
