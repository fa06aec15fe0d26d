"""struct — interpret bytes as packed binary data (C structs).

Everything lives in the native _struct module (stdlib/native/_struct.cpp);
this module only re-exports it, as CPython's does.
"""

__all__ = ["calcsize", "pack", "pack_into", "unpack", "unpack_from", "iter_unpack", "Struct",
           "error"]

from _struct import (calcsize, pack, pack_into, unpack, unpack_from, iter_unpack, Struct, error,
                     _clearcache)
