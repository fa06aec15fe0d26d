# Support module inside the subpackage, importing upward with "..".
from .. import util
LEAF = "leaf using " + util.version_string()
