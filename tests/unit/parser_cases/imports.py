import a
import a.b.c
import a.b as c, d
from . import x
from .. import y as z
from ..m import (a, b,)
from ...pkg.mod import c
from .... import d
from m import *
from a.b import c as d, e
