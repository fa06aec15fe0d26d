"""concurrent.futures — run calls asynchronously and collect their results.

Future, wait(), as_completed() and the Executor base live in _base;
ThreadPoolExecutor in thread.  Both executors are loaded lazily, on first
use of their name, as CPython does, so that importing the package does not
start anything.
"""

from concurrent.futures._base import (FIRST_COMPLETED,
                                      FIRST_EXCEPTION,
                                      ALL_COMPLETED,
                                      CancelledError,
                                      TimeoutError,
                                      InvalidStateError,
                                      BrokenExecutor,
                                      Future,
                                      Executor,
                                      wait,
                                      as_completed)

__all__ = (
    'FIRST_COMPLETED',
    'FIRST_EXCEPTION',
    'ALL_COMPLETED',
    'CancelledError',
    'TimeoutError',
    'BrokenExecutor',
    'Future',
    'Executor',
    'wait',
    'as_completed',
    'ProcessPoolExecutor',
    'ThreadPoolExecutor',
)


def __dir__():
    return __all__ + ('__author__', '__doc__')


def __getattr__(name):
    global ProcessPoolExecutor, ThreadPoolExecutor

    if name == 'ProcessPoolExecutor':
        try:
            from .process import ProcessPoolExecutor as pe
        except ModuleNotFoundError as exc:
            if exc.name != __name__ + '.process':
                raise
            pe = _MissingProcessPoolExecutor
            pe.__name__ = pe.__qualname__ = 'ProcessPoolExecutor'
        ProcessPoolExecutor = pe
        return pe

    if name == 'ThreadPoolExecutor':
        from .thread import ThreadPoolExecutor as te
        ThreadPoolExecutor = te
        return te

    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class _MissingProcessPoolExecutor(Executor):
    """Stands in for ProcessPoolExecutor until coil has process pools."""

    def __init__(self, *args, **kwargs):
        raise NotImplementedError("concurrent.futures.ProcessPoolExecutor "
                                  "is not implemented in coil yet")
