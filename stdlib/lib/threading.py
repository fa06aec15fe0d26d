"""threading — higher-level threads on top of the native _thread module.

The native ``_thread`` module (stdlib/native) gives exactly three things:
a way to run a function on a new OS thread, a plain non-reentrant lock,
and the thread's identity.  Everything else in this file is built from
those, in Python, the way CPython 3.11 builds it:

* ``Lock`` is the native lock.  ``RLock`` is the native one when the
  runtime has it, else ``_PyRLock`` below: an owner ident, a count and a
  plain lock.

* ``Condition`` is the workhorse.  ``wait()`` allocates a fresh lock,
  acquires it once, parks it on the ``_waiters`` deque, releases the
  condition's own lock and then acquires the fresh lock a second time,
  which blocks.  ``notify()`` wakes a waiter by releasing its lock.  So a
  waiting thread sleeps inside a native ``acquire`` with the GIL released,
  and nothing here polls.  ``Semaphore``, ``Event``, ``Barrier`` and the
  ``queue`` module are all a Condition plus a little state.

* ``Thread.start()`` asks ``_thread.start_new_thread`` to call
  ``_bootstrap`` on the new thread, then waits on the ``_started`` Event so
  that ``ident`` and ``is_alive()`` are meaningful when ``start()`` returns.
  ``_bootstrap`` records the thread in ``_active`` (ident -> Thread), runs
  ``run()``, reports an uncaught exception through ``excepthook`` and
  removes the thread again.

* ``join()`` waits on the thread's *tstate lock*: a lock that is held
  while the thread runs and released when it is over.  The runtime hands it
  out with ``_thread._set_sentinel()`` and releases it when the thread's
  state is destroyed; without that function the lock is released at the
  very end of ``_bootstrap``.  At exit the interpreter calls
  ``_shutdown()``, which waits on the tstate lock of every non-daemon
  thread, so the process lives as long as they do.  Daemon threads are not
  waited for.

* ``local`` keeps one attribute dict per thread ident inside the object.
"""

import os as _os
import sys as _sys
import _thread

from time import monotonic as _time
from itertools import count as _count
from collections import deque as _deque

__all__ = ['get_ident', 'active_count', 'Condition', 'current_thread',
           'enumerate', 'main_thread', 'TIMEOUT_MAX',
           'Event', 'Lock', 'RLock', 'Semaphore', 'BoundedSemaphore', 'Thread',
           'Barrier', 'BrokenBarrierError', 'Timer', 'ThreadError',
           'setprofile', 'settrace', 'local', 'stack_size',
           'excepthook', 'ExceptHookArgs', 'gettrace', 'getprofile',
           'get_native_id']

# The native layer.
_start_new_thread = _thread.start_new_thread
_allocate_lock = _thread.allocate_lock
_set_sentinel = getattr(_thread, '_set_sentinel', None)
get_ident = _thread.get_ident
get_native_id = _thread.get_native_id
ThreadError = _thread.error
_CRLock = getattr(_thread, 'RLock', None)
TIMEOUT_MAX = _thread.TIMEOUT_MAX
del _thread

# Hooks installed by settrace()/setprofile() for threads started later.
_profile_hook = None
_trace_hook = None


def setprofile(func):
    """Set a profile function for all threads started from the threading module."""
    global _profile_hook
    _profile_hook = func


def getprofile():
    """Get the profiler function as set by threading.setprofile()."""
    return _profile_hook


def settrace(func):
    """Set a trace function for all threads started from the threading module."""
    global _trace_hook
    _trace_hook = func


def gettrace():
    """Get the trace function as set by threading.settrace()."""
    return _trace_hook


# ---------------------------------------------------------------- locks

Lock = _allocate_lock


def RLock(*args, **kwargs):
    """Factory function that returns a new reentrant lock.

    A reentrant lock must be released by the thread that acquired it.  Once
    a thread has acquired it, the same thread may acquire it again without
    blocking; the thread must release it once for each time it acquired it.
    """
    if _CRLock is None:
        return _PyRLock(*args, **kwargs)
    return _CRLock(*args, **kwargs)


class _RLock:
    """A reentrant lock in Python: an owner, a recursion count and a Lock."""

    def __init__(self):
        self._block = _allocate_lock()
        self._owner = None
        self._count = 0

    def __repr__(self):
        owner = self._owner
        try:
            owner = _active[owner].name
        except KeyError:
            pass
        return "<%s %s.%s object owner=%r count=%d at %s>" % (
            "locked" if self._block.locked() else "unlocked",
            self.__class__.__module__,
            self.__class__.__qualname__,
            owner,
            self._count,
            hex(id(self))
        )

    def acquire(self, blocking=True, timeout=-1):
        """Acquire the lock, blocking or non-blocking, with an optional timeout.

        Re-acquiring by the owner only bumps the count.  Returns True when the
        lock was acquired, False when a non-blocking or timed call gave up.
        """
        me = get_ident()
        if self._owner == me:
            self._count += 1
            return True
        rc = self._block.acquire(blocking, timeout)
        if rc:
            self._owner = me
            self._count = 1
        return rc

    __enter__ = acquire

    def release(self):
        """Release the lock once; the last release by the owner unlocks it."""
        if self._owner != get_ident():
            raise RuntimeError("cannot release un-acquired lock")
        self._count = count = self._count - 1
        if not count:
            self._owner = None
            self._block.release()

    def __exit__(self, t, v, tb):
        self.release()

    # The three methods below let Condition.wait() drop a lock held several
    # times and take it back with the same count.

    def _acquire_restore(self, state):
        self._block.acquire()
        self._count, self._owner = state

    def _release_save(self):
        if self._count == 0:
            raise RuntimeError("cannot release un-acquired lock")
        count = self._count
        self._count = 0
        owner = self._owner
        self._owner = None
        self._block.release()
        return (count, owner)

    def _is_owned(self):
        return self._owner == get_ident()


_PyRLock = _RLock


# ------------------------------------------------------------- Condition

class Condition:
    """Class that implements a condition variable.

    A condition variable allows one or more threads to wait until they are
    notified by another thread.  If the lock argument is given and not
    None, it must be a Lock or RLock object, and it is used as the
    underlying lock.  Otherwise, a new RLock object is created and used.
    """

    def __init__(self, lock=None):
        if lock is None:
            lock = RLock()
        self._lock = lock
        # The lock's own methods are bound once here, so that entering and
        # leaving the condition costs no more than entering the lock.
        self.acquire = lock.acquire
        self.release = lock.release
        try:
            self._release_save = lock._release_save
        except AttributeError:
            pass
        try:
            self._acquire_restore = lock._acquire_restore
        except AttributeError:
            pass
        try:
            self._is_owned = lock._is_owned
        except AttributeError:
            pass
        self._waiters = _deque()

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def __repr__(self):
        return "<Condition(%s, %d)>" % (self._lock, len(self._waiters))

    # Defaults for a plain Lock, which has no notion of an owner.

    def _release_save(self):
        self._lock.release()

    def _acquire_restore(self, x):
        self._lock.acquire()

    def _is_owned(self):
        # A plain Lock cannot say who holds it: if we can take it, nobody
        # did (so not us); otherwise assume we do.
        if self._lock.acquire(False):
            self._lock.release()
            return False
        return True

    def wait(self, timeout=None):
        """Wait until notified or until a timeout occurs.

        The lock must be held; it is released while waiting and re-acquired
        before returning.  Returns True unless the given timeout expired.
        """
        if not self._is_owned():
            raise RuntimeError("cannot wait on un-acquired lock")
        waiter = _allocate_lock()
        waiter.acquire()
        self._waiters.append(waiter)
        saved_state = self._release_save()
        gotit = False
        try:
            if timeout is None:
                waiter.acquire()
                gotit = True
            elif timeout > 0:
                gotit = waiter.acquire(True, timeout)
            else:
                gotit = waiter.acquire(False)
            return gotit
        finally:
            self._acquire_restore(saved_state)
            if not gotit:
                # Timed out: nobody released our waiter, so take it off the
                # list ourselves (notify() may have raced us to it).
                try:
                    self._waiters.remove(waiter)
                except ValueError:
                    pass

    def wait_for(self, predicate, timeout=None):
        """Wait until a condition evaluates to True.

        predicate is a callable whose result is interpreted as a boolean.
        Returns the last result of predicate, which is false only when the
        timeout expired.
        """
        endtime = None
        waittime = timeout
        result = predicate()
        while not result:
            if waittime is not None:
                if endtime is None:
                    endtime = _time() + waittime
                else:
                    waittime = endtime - _time()
                    if waittime <= 0:
                        break
            self.wait(waittime)
            result = predicate()
        return result

    def notify(self, n=1):
        """Wake up one or more threads waiting on this condition, if any.

        The lock must be held.  Wakes at most n of the waiting threads.
        """
        if not self._is_owned():
            raise RuntimeError("cannot notify on un-acquired lock")
        waiters = self._waiters
        while waiters and n > 0:
            waiter = waiters[0]
            try:
                waiter.release()
            except RuntimeError:
                # An earlier notify() released it but was interrupted before
                # removing it: it has been woken already.
                pass
            else:
                n -= 1
            try:
                waiters.remove(waiter)
            except ValueError:
                pass

    def notify_all(self):
        """Wake up all threads waiting on this condition."""
        self.notify(len(self._waiters))

    def notifyAll(self):
        """Wake up all threads waiting on this condition (deprecated alias)."""
        import warnings
        warnings.warn('notifyAll() is deprecated, use notify_all() instead',
                      DeprecationWarning, stacklevel=2)
        self.notify_all()


# ------------------------------------------------------------ Semaphore

class Semaphore:
    """A counter of free slots: acquire() takes one, release() gives one back.

    acquire() blocks while the counter is zero.  The default value is 1.
    """

    def __init__(self, value=1):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        self._cond = Condition(Lock())
        self._value = value

    def __repr__(self):
        cls = self.__class__
        return (f"<{cls.__module__}.{cls.__qualname__} at {id(self):#x}:"
                f" value={self._value}>")

    def acquire(self, blocking=True, timeout=None):
        """Take one slot, waiting for one when none is free.

        Returns True when a slot was taken, False when blocking is false and
        none was free, or when the timeout expired first.
        """
        if not blocking and timeout is not None:
            raise ValueError("can't specify timeout for non-blocking acquire")
        rc = False
        endtime = None
        with self._cond:
            while self._value == 0:
                if not blocking:
                    break
                if timeout is not None:
                    if endtime is None:
                        endtime = _time() + timeout
                    else:
                        timeout = endtime - _time()
                        if timeout <= 0:
                            break
                self._cond.wait(timeout)
            else:
                self._value -= 1
                rc = True
        return rc

    __enter__ = acquire

    def release(self, n=1):
        """Give back n slots, waking up to n waiting threads."""
        if n < 1:
            raise ValueError('n must be one or more')
        with self._cond:
            self._value += n
            if self._cond._waiters:
                self._cond.notify(n)

    def __exit__(self, t, v, tb):
        self.release()


class BoundedSemaphore(Semaphore):
    """A Semaphore whose counter may never exceed its initial value."""

    def __init__(self, value=1):
        Semaphore.__init__(self, value)
        self._initial_value = value

    def __repr__(self):
        cls = self.__class__
        return (f"<{cls.__module__}.{cls.__qualname__} at {id(self):#x}:"
                f" value={self._value}/{self._initial_value}>")

    def release(self, n=1):
        """Give back n slots; more releases than acquires raise ValueError."""
        if n < 1:
            raise ValueError('n must be one or more')
        with self._cond:
            if self._value + n > self._initial_value:
                raise ValueError("Semaphore released too many times")
            self._value += n
            self._cond.notify(n)


# ---------------------------------------------------------------- Event

class Event:
    """A flag that threads can wait on: set() wakes them all, clear() resets it."""

    def __init__(self):
        self._cond = Condition(Lock())
        self._flag = False

    def __repr__(self):
        cls = self.__class__
        status = 'set' if self._flag else 'unset'
        return f"<{cls.__module__}.{cls.__qualname__} at {id(self):#x}: {status}>"

    def is_set(self):
        """Return true if and only if the internal flag is true."""
        return self._flag

    def isSet(self):
        """Return true if and only if the internal flag is true (deprecated alias)."""
        import warnings
        warnings.warn('isSet() is deprecated, use is_set() instead',
                      DeprecationWarning, stacklevel=2)
        return self.is_set()

    def set(self):
        """Set the flag to true and wake every thread waiting for it."""
        with self._cond:
            self._flag = True
            # We own the lock: skip notify_all()'s ownership check when
            # nobody waits, as Queue does.
            if self._cond._waiters:
                self._cond.notify_all()

    def clear(self):
        """Reset the flag to false."""
        with self._cond:
            self._flag = False

    def wait(self, timeout=None):
        """Block until the flag is true or the timeout expires.

        Returns the flag on exit: False only when the wait timed out.
        """
        if self._flag:
            # Reading the flag is atomic under the GIL; once set, there is
            # nothing to wait for.
            return True
        with self._cond:
            signaled = self._flag
            if not signaled:
                signaled = self._cond.wait(timeout)
            return signaled


# -------------------------------------------------------------- Barrier

class Barrier:
    """Lets a fixed number of threads wait until all of them have arrived.

    Each wait() blocks until `parties` threads are waiting, then all are
    released together and the barrier is ready for the next round.  The
    barrier is a small state machine: filling (0), draining (1), resetting
    (-1) and broken (-2).
    """

    def __init__(self, parties, action=None, timeout=None):
        self._cond = Condition(Lock())
        self._action = action
        self._timeout = timeout
        self._parties = parties
        self._state = 0
        self._count = 0

    def __repr__(self):
        cls = self.__class__
        if self.broken:
            return f"<{cls.__module__}.{cls.__qualname__} at {id(self):#x}: broken>"
        return (f"<{cls.__module__}.{cls.__qualname__} at {id(self):#x}:"
                f" waiters={self.n_waiting}/{self.parties}>")

    def wait(self, timeout=None):
        """Wait for the barrier; returns this thread's arrival index.

        The index is an integer from 0 to parties-1, different for each
        thread.  A broken or reset barrier raises BrokenBarrierError.
        """
        if timeout is None:
            timeout = self._timeout
        with self._cond:
            self._enter()
            index = self._count
            self._count += 1
            try:
                if index + 1 == self._parties:
                    self._release()
                else:
                    self._wait(timeout)
                return index
            finally:
                self._count -= 1
                self._exit()

    def _enter(self):
        # Wait until a previous round has drained or a reset has finished.
        while self._state in (-1, 1):
            self._cond.wait()
        if self._state < 0:
            raise BrokenBarrierError
        assert self._state == 0

    def _release(self):
        # The last thread has arrived: run the action and free everybody.
        try:
            if self._action:
                self._action()
            self._state = 1
            self._cond.notify_all()
        except:
            self._break()
            raise

    def _wait(self, timeout):
        if not self._cond.wait_for(lambda: self._state != 0, timeout):
            self._break()
            raise BrokenBarrierError
        if self._state < 0:
            raise BrokenBarrierError
        assert self._state == 1

    def _exit(self):
        # The last thread out of a draining or resetting barrier refills it.
        if self._count == 0:
            if self._state in (-1, 1):
                self._state = 0
                self._cond.notify_all()

    def reset(self):
        """Return the barrier to its empty state.

        Threads waiting on it receive BrokenBarrierError.
        """
        with self._cond:
            if self._count > 0:
                if self._state == 0:
                    self._state = -1
                elif self._state == -2:
                    self._state = -1
            else:
                self._state = 0
            self._cond.notify_all()

    def abort(self):
        """Put the barrier into the broken state.

        Current and future wait() calls raise BrokenBarrierError.
        """
        with self._cond:
            self._break()

    def _break(self):
        self._state = -2
        self._cond.notify_all()

    @property
    def parties(self):
        """Return the number of threads required to trip the barrier."""
        return self._parties

    @property
    def n_waiting(self):
        """Return the number of threads currently waiting at the barrier."""
        if self._state == 0:
            return self._count
        return 0

    @property
    def broken(self):
        """Return True if the barrier is in a broken state."""
        return self._state == -2


class BrokenBarrierError(RuntimeError):
    pass


# ------------------------------------------------------ thread registry

_counter = _count(1).__next__


def _newname(name_template="Thread-%d"):
    return name_template % _counter()


# Every running Thread, by ident; a started thread sits in _limbo until its
# _bootstrap has recorded its ident.
_active_limbo_lock = RLock()
_active = {}
_limbo = {}

# The tstate locks of the non-daemon threads, which _shutdown() waits on.
_shutdown_locks_lock = _allocate_lock()
_shutdown_locks = set()


def _maintain_shutdown_locks():
    """Drop the locks of threads that have finished."""
    to_remove = [lock for lock in _shutdown_locks if not lock.locked()]
    _shutdown_locks.difference_update(to_remove)


# --------------------------------------------------------------- Thread

class Thread:
    """A thread of control, running target(*args, **kwargs) or an overridden run().

    Create it, then call start() once; join() waits for it to finish.
    """

    _initialized = False

    def __init__(self, group=None, target=None, name=None,
                 args=(), kwargs=None, *, daemon=None):
        assert group is None, "group argument must be None for now"
        if kwargs is None:
            kwargs = {}
        if name:
            name = str(name)
        else:
            name = _newname("Thread-%d")
            if target is not None:
                try:
                    target_name = target.__name__
                    name += f" ({target_name})"
                except AttributeError:
                    pass
        self._target = target
        self._name = name
        self._args = args
        self._kwargs = kwargs
        if daemon is not None:
            self._daemonic = daemon
        else:
            self._daemonic = current_thread().daemon
        self._ident = None
        self._native_id = None
        self._tstate_lock = None
        self._started = Event()
        self._is_stopped = False
        self._initialized = True
        # Where excepthook writes when sys.stderr is gone at exit.
        self._stderr = _sys.stderr
        self._invoke_excepthook = _make_invoke_excepthook()
        # The threading.local objects this thread has touched (id -> impl),
        # whose dicts for this thread are dropped when it ends.
        self._local_impls = {}

    def __repr__(self):
        assert self._initialized, "Thread.__init__() was not called"
        status = "initial"
        if self._started.is_set():
            status = "started"
        self.is_alive()  # sets _is_stopped when the thread is over
        if self._is_stopped:
            status = "stopped"
        if self._daemonic:
            status += " daemon"
        if self._ident is not None:
            status += " %s" % self._ident
        return "<%s(%s, %s)>" % (self.__class__.__name__, self._name, status)

    def start(self):
        """Start the thread's activity, at most once per Thread object.

        It arranges for run() to be invoked in a separate thread and returns
        once that thread is running.
        """
        if not self._initialized:
            raise RuntimeError("thread.__init__() not called")
        if self._started.is_set():
            raise RuntimeError("threads can only be started once")
        with _active_limbo_lock:
            _limbo[self] = self
        try:
            _start_new_thread(self._bootstrap, ())
        except Exception:
            with _active_limbo_lock:
                del _limbo[self]
            raise
        self._started.wait()

    def run(self):
        """The thread's activity: call the target with args and kwargs.

        Subclasses may override it.
        """
        try:
            if self._target is not None:
                self._target(*self._args, **self._kwargs)
        finally:
            # Drop the references so that a finished thread does not keep
            # its arguments alive.
            del self._target, self._args, self._kwargs

    def _bootstrap(self):
        # The first Python code on the new thread.  At interpreter exit a
        # daemon thread can find the module half torn down; it then just
        # stops quietly, as CPython's does.
        try:
            self._bootstrap_inner()
        except:
            if self._daemonic and _sys is None:
                return
            raise

    def _set_ident(self):
        self._ident = get_ident()

    def _set_native_id(self):
        self._native_id = get_native_id()

    def _set_tstate_lock(self):
        """Take the lock that stays held until this thread is over."""
        if _set_sentinel is not None:
            self._tstate_lock = _set_sentinel()
        else:
            self._tstate_lock = _allocate_lock()
        self._tstate_lock.acquire()
        if not self.daemon:
            with _shutdown_locks_lock:
                _maintain_shutdown_locks()
                _shutdown_locks.add(self._tstate_lock)

    def _bootstrap_inner(self):
        try:
            self._set_ident()
            self._set_tstate_lock()
            self._set_native_id()
            self._started.set()
            with _active_limbo_lock:
                _active[self._ident] = self
                del _limbo[self]
            if _trace_hook:
                _sys.settrace(_trace_hook)
            if _profile_hook:
                _sys.setprofile(_profile_hook)
            try:
                self.run()
            except:
                self._invoke_excepthook(self)
        finally:
            self._delete()

    def _stop(self):
        """Mark the thread as over once its tstate lock has been released."""
        lock = self._tstate_lock
        if lock is not None:
            assert not lock.locked()
        self._is_stopped = True
        self._tstate_lock = None
        if not self.daemon:
            with _shutdown_locks_lock:
                _maintain_shutdown_locks()

    def _delete(self):
        """Remove the current thread from _active and drop its thread-locals."""
        for impl in self._local_impls.values():
            impl.dicts.pop(self._ident, None)
        self._local_impls = {}
        with _active_limbo_lock:
            del _active[get_ident()]
        if _set_sentinel is None:
            # Without a runtime sentinel, the end of _bootstrap is the end
            # of the thread as far as join() can tell.
            self._tstate_lock.release()

    def join(self, timeout=None):
        """Wait until the thread terminates, or until the timeout (seconds) expires.

        join() returns None either way: call is_alive() afterwards to tell
        whether the thread finished.
        """
        if not self._initialized:
            raise RuntimeError("Thread.__init__() not called")
        if not self._started.is_set():
            raise RuntimeError("cannot join thread before it is started")
        if self is current_thread():
            raise RuntimeError("cannot join current thread")
        if timeout is None:
            self._wait_for_tstate_lock()
        else:
            self._wait_for_tstate_lock(timeout=max(timeout, 0))

    def _wait_for_tstate_lock(self, block=True, timeout=-1):
        # The tstate lock is released exactly when the thread is over: a
        # successful acquire means it has finished.
        lock = self._tstate_lock
        if lock is None:
            assert self._is_stopped
            return
        try:
            if lock.acquire(block, timeout):
                lock.release()
                self._stop()
        except:
            if lock.locked():
                lock.release()
                self._stop()
            raise

    @property
    def name(self):
        """A string used for identification purposes only."""
        assert self._initialized, "Thread.__init__() not called"
        return self._name

    @name.setter
    def name(self, name):
        assert self._initialized, "Thread.__init__() not called"
        self._name = str(name)

    @property
    def ident(self):
        """Thread identifier of this thread or None if it has not been started."""
        assert self._initialized, "Thread.__init__() not called"
        return self._ident

    @property
    def native_id(self):
        """Native integral thread ID of this thread, or None if it has not been started."""
        assert self._initialized, "Thread.__init__() not called"
        return self._native_id

    def is_alive(self):
        """Return whether the thread is alive: from start() until run() ends."""
        assert self._initialized, "Thread.__init__() not called"
        if self._is_stopped or not self._started.is_set():
            return False
        self._wait_for_tstate_lock(False)
        return not self._is_stopped

    @property
    def daemon(self):
        """Whether this thread is a daemon thread; set it before start()."""
        assert self._initialized, "Thread.__init__() not called"
        return self._daemonic

    @daemon.setter
    def daemon(self, daemonic):
        if not self._initialized:
            raise RuntimeError("Thread.__init__() not called")
        if self._started.is_set():
            raise RuntimeError("cannot set daemon status of active thread")
        self._daemonic = daemonic

    def isDaemon(self):
        """Return whether this thread is a daemon (deprecated alias)."""
        import warnings
        warnings.warn('isDaemon() is deprecated, get the daemon attribute instead',
                      DeprecationWarning, stacklevel=2)
        return self.daemon

    def setDaemon(self, daemonic):
        """Set whether this thread is a daemon (deprecated alias)."""
        import warnings
        warnings.warn('setDaemon() is deprecated, set the daemon attribute instead',
                      DeprecationWarning, stacklevel=2)
        self.daemon = daemonic

    def getName(self):
        """Return a string used for identification purposes only (deprecated alias)."""
        import warnings
        warnings.warn('getName() is deprecated, get the name attribute instead',
                      DeprecationWarning, stacklevel=2)
        return self.name

    def setName(self, name):
        """Set the name string for this thread (deprecated alias)."""
        import warnings
        warnings.warn('setName() is deprecated, set the name attribute instead',
                      DeprecationWarning, stacklevel=2)
        self.name = name


# ----------------------------------------------------------- excepthook

try:
    from _thread import (_excepthook as excepthook,
                         _ExceptHookArgs as ExceptHookArgs)
except ImportError:
    # The runtime has no native hook.  This one prints the header and the
    # exception line; the frames need the native traceback printer.
    from collections import namedtuple

    _ExceptHookArgs = namedtuple(
        'ExceptHookArgs',
        'exc_type exc_value exc_traceback thread')

    def ExceptHookArgs(args):
        return _ExceptHookArgs(*args)

    def excepthook(args, /):
        """Handle an uncaught exception raised by Thread.run()."""
        if args.exc_type == SystemExit:
            return
        if _sys is not None and _sys.stderr is not None:
            stderr = _sys.stderr
        elif args.thread is not None:
            stderr = args.thread._stderr
            if stderr is None:
                return
        else:
            return
        if args.thread is not None:
            name = args.thread.name
        else:
            name = get_ident()
        print(f"Exception in thread {name}:", file=stderr, flush=True)
        print("Traceback (most recent call last):", file=stderr)
        value = args.exc_value
        text = str(value)
        exc_name = args.exc_type.__qualname__
        module = args.exc_type.__module__
        if module not in ("builtins", "__main__"):
            exc_name = module + "." + exc_name
        print(f"{exc_name}: {text}" if text else exc_name, file=stderr)
        stderr.flush()

# The hook in force when threading was imported, restored by tests.
__excepthook__ = excepthook


def _make_invoke_excepthook():
    # Capture the globals now: at interpreter exit a daemon thread may run
    # this after the module's globals have been cleared.
    old_excepthook = excepthook
    old_sys_excepthook = getattr(_sys, 'excepthook', None)
    if old_excepthook is None:
        raise RuntimeError("threading.excepthook is None")
    sys_exc_info = _sys.exc_info
    local_print = print
    local_sys = _sys

    def invoke_excepthook(thread):
        global excepthook
        try:
            hook = excepthook
            if hook is None:
                hook = old_excepthook
            args = ExceptHookArgs([*sys_exc_info(), thread])
            hook(args)
        except Exception as exc:
            exc.__suppress_context__ = True
            del exc
            if local_sys is not None and local_sys.stderr is not None:
                stderr = local_sys.stderr
            else:
                stderr = thread._stderr
            local_print("Exception in threading.excepthook:",
                        file=stderr, flush=True)
            if old_sys_excepthook is not None:
                old_sys_excepthook(*sys_exc_info())
            else:
                raise
        finally:
            # Break the reference cycle exception -> frame -> args.
            args = None

    return invoke_excepthook


# ---------------------------------------------------------------- Timer

class Timer(Thread):
    """Call a function after a specified number of seconds.

        t = Timer(30.0, f, args=None, kwargs=None)
        t.start()
        t.cancel()     # stop the timer's action if it's still waiting
    """

    def __init__(self, interval, function, args=None, kwargs=None):
        Thread.__init__(self)
        self.interval = interval
        self.function = function
        self.args = args if args is not None else []
        self.kwargs = kwargs if kwargs is not None else {}
        self.finished = Event()

    def cancel(self):
        """Stop the timer if it hasn't finished yet."""
        self.finished.set()

    def run(self):
        self.finished.wait(self.interval)
        if not self.finished.is_set():
            self.function(*self.args, **self.kwargs)
        self.finished.set()


# ------------------------------------------------- main and dummy threads

class _MainThread(Thread):
    """The thread that started the interpreter, already running."""

    def __init__(self):
        Thread.__init__(self, name="MainThread", daemon=False)
        self._set_tstate_lock()
        self._started.set()
        self._set_ident()
        self._set_native_id()
        with _active_limbo_lock:
            _active[self._ident] = self


class _DummyThread(Thread):
    """Stands for a thread started directly with _thread.start_new_thread.

    It is daemonic, cannot be joined and is never stopped.
    """

    def __init__(self):
        Thread.__init__(self, name=_newname("Dummy-%d"), daemon=True)
        self._started.set()
        self._set_ident()
        self._set_native_id()
        with _active_limbo_lock:
            _active[self._ident] = self

    def _stop(self):
        pass

    def is_alive(self):
        assert not self._is_stopped and self._started.is_set()
        return True

    def join(self, timeout=None):
        assert False, "cannot join a dummy thread"


# ------------------------------------------------------ module functions

def current_thread():
    """Return the Thread object of the caller's thread of control.

    A thread not started through this module gets a dummy Thread object.
    """
    try:
        return _active[get_ident()]
    except KeyError:
        return _DummyThread()


def currentThread():
    """Return the current Thread object (deprecated alias)."""
    import warnings
    warnings.warn('currentThread() is deprecated, use current_thread() instead',
                  DeprecationWarning, stacklevel=2)
    return current_thread()


def active_count():
    """Return the number of Thread objects currently alive."""
    with _active_limbo_lock:
        return len(_active) + len(_limbo)


def activeCount():
    """Return the number of Thread objects currently alive (deprecated alias)."""
    import warnings
    warnings.warn('activeCount() is deprecated, use active_count() instead',
                  DeprecationWarning, stacklevel=2)
    return active_count()


def _enumerate():
    # Same as enumerate(), without the lock.
    return list(_active.values()) + list(_limbo.values())


def enumerate():
    """Return a list of all Thread objects currently alive."""
    with _active_limbo_lock:
        return list(_active.values()) + list(_limbo.values())


def main_thread():
    """Return the main thread object: the thread the interpreter started in."""
    return _main_thread


def stack_size(*args):
    """Return (and optionally set) the stack size of threads created later."""
    import _thread
    return _thread.stack_size(*args)


_main_thread = _MainThread()

# Functions registered with _register_atexit, run by _shutdown() before it
# joins the threads; concurrent.futures stops its workers this way.
_threading_atexits = []
_SHUTTING_DOWN = False


def _register_atexit(func, *arg, **kwargs):
    """Run func(*arg, **kwargs) at interpreter shutdown, before threads are joined."""
    if _SHUTTING_DOWN:
        raise RuntimeError("can't register atexit after shutdown")
    call = lambda: func(*arg, **kwargs)
    _threading_atexits.append(call)


def _shutdown():
    """Wait until every non-daemon thread is over; called at interpreter exit."""
    if _main_thread._is_stopped:
        return
    global _SHUTTING_DOWN
    _SHUTTING_DOWN = True
    for atexit_call in reversed(_threading_atexits):
        atexit_call()
    if _main_thread.ident == get_ident():
        tlock = _main_thread._tstate_lock
        tlock.release()
        _main_thread._stop()
    while True:
        with _shutdown_locks_lock:
            locks = list(_shutdown_locks)
            _shutdown_locks.clear()
        if not locks:
            break
        for lock in locks:
            # Each lock is held until its thread is over.
            lock.acquire()
            lock.release()


# ---------------------------------------------------------------- local

class _LocalImpl:
    """The per-thread attribute dicts of one local object, by thread ident."""

    __slots__ = ('dicts', 'args', 'kw')

    def __init__(self, args, kw):
        self.dicts = {}
        self.args = args
        self.kw = kw


def _local_dict(self):
    """The caller's attribute dict of local object self, created on first use.

    A thread that touches the object for the first time gets an empty dict
    and runs the subclass's __init__ with the constructor's arguments.
    """
    impl = object.__getattribute__(self, '_local__impl')
    ident = get_ident()
    try:
        return impl.dicts[ident]
    except KeyError:
        pass
    d = impl.dicts[ident] = {}
    current_thread()._local_impls[id(impl)] = impl
    init = type(self).__init__
    if init is not object.__init__:
        init(self, *impl.args, **impl.kw)
    return d


def _type_lookup(cls, name):
    """The attribute name as found on the class (MRO order), or _MISSING."""
    for klass in cls.__mro__:
        d = klass.__dict__
        if name in d:
            return d[name]
    return _MISSING


_MISSING = object()


class local:
    """Thread-local data: each thread sees its own attributes on the same object.

    Attribute lookups go to a dict kept per thread ident inside the object,
    with class attributes and descriptors found as for any object.
    """

    __slots__ = ('_local__impl', '__weakref__')

    def __new__(cls, /, *args, **kw):
        if (args or kw) and (cls.__init__ is object.__init__):
            raise TypeError("Initialization arguments are not supported")
        self = object.__new__(cls)
        impl = _LocalImpl(args, kw)
        object.__setattr__(self, '_local__impl', impl)
        # The creating thread's dict exists already: its __init__ runs from
        # the constructor call itself.
        impl.dicts[get_ident()] = {}
        current_thread()._local_impls[id(impl)] = impl
        return self

    def __del__(self):
        # Forget this object in every thread that touched it, so that a
        # long-lived thread does not collect dead locals.
        impl = object.__getattribute__(self, '_local__impl')
        for ident in list(impl.dicts):
            thread = _active.get(ident)
            if thread is not None:
                thread._local_impls.pop(id(impl), None)
        impl.dicts.clear()

    def __getattribute__(self, name):
        d = _local_dict(self)
        if name == '__dict__':
            return d
        cls = type(self)
        attr = _type_lookup(cls, name)
        if attr is not _MISSING:
            kind = type(attr)
            if hasattr(kind, '__get__') and (hasattr(kind, '__set__') or
                                             hasattr(kind, '__delete__')):
                return kind.__get__(attr, self, cls)
        try:
            return d[name]
        except KeyError:
            pass
        if attr is not _MISSING:
            kind = type(attr)
            if hasattr(kind, '__get__'):
                return kind.__get__(attr, self, cls)
            return attr
        raise AttributeError(f"'{_local_type_name(cls)}' object has no "
                             f"attribute '{name}'")

    def __setattr__(self, name, value):
        if name == '__dict__':
            raise AttributeError(f"'{_local_type_name(type(self))}' object "
                                 "attribute '__dict__' is read-only")
        d = _local_dict(self)
        attr = _type_lookup(type(self), name)
        if attr is not _MISSING and hasattr(type(attr), '__set__'):
            type(attr).__set__(attr, self, value)
            return
        d[name] = value

    def __delattr__(self, name):
        if name == '__dict__':
            raise AttributeError(f"'{_local_type_name(type(self))}' object "
                                 "attribute '__dict__' is read-only")
        d = _local_dict(self)
        attr = _type_lookup(type(self), name)
        if attr is not _MISSING and hasattr(type(attr), '__delete__'):
            type(attr).__delete__(attr, self)
            return
        try:
            del d[name]
        except KeyError:
            raise AttributeError(f"'{_local_type_name(type(self))}' object "
                                 f"has no attribute '{name}'") from None


def _local_type_name(cls):
    # The base class is named as CPython's native one is.
    return '_thread._local' if cls is local else cls.__name__


local.__name__ = local.__qualname__ = '_local'
local.__module__ = '_thread'
