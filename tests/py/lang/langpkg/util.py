# Support module: relative import of a sibling module.
from .core import VERSION
from . import core as _core
def version_string():
    return ".".join(map(str, VERSION))
def core_module_name():
    return _core.__name__
