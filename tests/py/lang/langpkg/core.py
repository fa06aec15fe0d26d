# Support module: plain definitions imported by langpkg/__init__.py.
VERSION = (1, 2)
def greet(name):
    return f"hello {name} from {__name__}"
_private = "underscore name"
public = "public name"
