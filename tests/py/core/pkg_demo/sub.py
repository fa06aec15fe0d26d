from . import NAME
VALUE = 42
print("sub imported, parent", NAME)

def answer():
    return VALUE
