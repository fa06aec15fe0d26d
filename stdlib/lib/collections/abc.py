"""collections.abc — the abstract base classes of the container protocols.

They are defined in _collections_abc (so that `collections` itself can use
them without importing this package's submodule); this module re-exports
them under their public name.
"""
from _collections_abc import *
from _collections_abc import __all__
from _collections_abc import _CallableGenericAlias
