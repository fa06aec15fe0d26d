# __del__ runs when the last reference goes, at most once (PEP 442).
keep = []
class R:
    def __del__(self):
        print('del R')
        keep.append(self)
r = R(); del r
print(len(keep))
keep.clear()
print('cleared')
class Parent:
    def __del__(self): print('parent del')
class Child(Parent): pass
Child()
class DelSuper(Parent):
    def __del__(self):
        print('child del'); super().__del__()
DelSuper()
def f():
    x = Parent()
    print('in f')
f()
print('end')
