# Support subpackage: relative import from the parent package.
from ..core import greet as parent_greet
from .leaf import LEAF
