"""Set handlers for asynchronous events (signals).

The native _signal module does the work (stdlib/native/signal.cpp); this
wrapper turns the signal numbers and the SIG_DFL/SIG_IGN handlers into
IntEnum members, as CPython's signal.py does with IntEnum._convert_.
"""
import _signal
from _signal import *
from enum import IntEnum as _IntEnum

_globals = globals()


def _convert(name, predicate):
    # Members sorted by value, then name: the first name of a value is the
    # canonical one (SIGABRT before its alias SIGIOT), as _convert_ does.
    members = sorted(((n, v) for n, v in _globals.items() if predicate(n)),
                     key=lambda t: (t[1], t[0]))
    cls = _IntEnum(name, members, module=__name__)
    _globals.update(cls.__members__)
    return cls


Signals = _convert(
    'Signals',
    lambda name: name.isupper() and (name.startswith('SIG') and not name.startswith('SIG_')))
Handlers = _convert('Handlers', lambda name: name in ('SIG_DFL', 'SIG_IGN'))
Sigmasks = _convert('Sigmasks', lambda name: name in ('SIG_BLOCK', 'SIG_UNBLOCK', 'SIG_SETMASK'))


def _int_to_enum(value, enum_klass):
    """Convert a numeric value to an IntEnum member.
    If it's not a known member, return the numeric value itself.
    """
    try:
        return enum_klass(value)
    except ValueError:
        return value


def _enum_to_int(value):
    """Convert an IntEnum member to a numeric value.
    If it's not an IntEnum member return the value itself.
    """
    try:
        return int(value)
    except (ValueError, TypeError):
        return value


def _wraps(wrapped):
    def decorator(wrapper):
        wrapper.__doc__ = wrapped.__doc__
        return wrapper
    return decorator


@_wraps(_signal.signal)
def signal(signalnum, handler):
    handler = _signal.signal(_enum_to_int(signalnum), _enum_to_int(handler))
    return _int_to_enum(handler, Handlers)


@_wraps(_signal.getsignal)
def getsignal(signalnum):
    handler = _signal.getsignal(signalnum)
    return _int_to_enum(handler, Handlers)


@_wraps(_signal.valid_signals)
def valid_signals():
    return {_int_to_enum(x, Signals) for x in _signal.valid_signals()}


del _globals, _wraps
