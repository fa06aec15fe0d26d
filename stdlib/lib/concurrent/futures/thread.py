"""concurrent.futures.thread — ThreadPoolExecutor.

submit() wraps the call in a _WorkItem (the Future plus fn, args,
kwargs), puts it on a SimpleQueue and makes sure a worker thread exists.
Workers are started lazily, one per submit() while no worker is idle, up
to max_workers; an idle worker holds the executor's ``_idle_semaphore``
up, so a submit that finds it acquirable reuses that worker instead of
starting one.

Each worker loops: take a work item, run it (the Future goes RUNNING,
then FINISHED with a result or an exception), drop it.  ``None`` on the
queue is the wake-up call: the worker then checks whether the executor
is gone or shutting down, passes the ``None`` on for its siblings and
exits.  shutdown(wait=True) puts one ``None`` and joins every worker.

At interpreter exit, threading._shutdown() first runs ``_python_exit``
(registered with threading._register_atexit), which wakes and joins all
workers of all executors, so pending work items still run to completion,
as in CPython.

The workers refer to their executor only through their arguments and the
global ``_threads_queues`` registry; an initializer that raises breaks the
pool: every pending future fails with BrokenThreadPool.
"""

from concurrent.futures import _base
import itertools
import queue
import threading
import types
import os

# Worker thread -> its executor's work queue, for _python_exit.
_threads_queues = {}
_shutdown = False
# Held while a worker is being started, so that _python_exit cannot run in
# the middle of it.
_global_shutdown_lock = threading.Lock()


def _python_exit():
    """Wake every worker and wait for it: runs at interpreter shutdown."""
    global _shutdown
    with _global_shutdown_lock:
        _shutdown = True
    items = list(_threads_queues.items())
    for t, q in items:
        q.put(None)
    for t, q in items:
        t.join()


threading._register_atexit(_python_exit)


class _WorkItem(object):
    """One submitted call and the Future that reports its outcome."""

    def __init__(self, future, fn, args, kwargs):
        self.future = future
        self.fn = fn
        self.args = args
        self.kwargs = kwargs

    def run(self):
        if not self.future.set_running_or_notify_cancel():
            return

        try:
            result = self.fn(*self.args, **self.kwargs)
        except BaseException as exc:
            self.future.set_exception(exc)
            # Break a reference cycle with the exception 'exc'
            self = None
        else:
            self.future.set_result(result)

    __class_getitem__ = classmethod(types.GenericAlias)


def _worker(executor, work_queue, initializer, initargs):
    """The body of a pool thread.

    executor is the executor itself: the thread keeps it alive while the
    worker runs, and the loop checks its _shutdown flag on every wake-up.
    """
    if initializer is not None:
        try:
            initializer(*initargs)
        except BaseException:
            _base._report_callback_error_text('Exception in initializer:')
            executor._initializer_failed()
            return
    try:
        while True:
            work_item = work_queue.get(block=True)
            if work_item is not None:
                work_item.run()
                # Drop the reference before waiting for the next item.
                del work_item
                # This worker is idle again: let submit() reuse it.
                executor._idle_semaphore.release()
                continue

            # None wakes the worker up: exit when the interpreter or the
            # executor is shutting down, and pass the wake-up on.
            if _shutdown or executor._shutdown:
                # The executor no longer accepts work: stop submit() from
                # starting threads for a broken pool.
                executor._shutdown = True
                work_queue.put(None)
                return
    except BaseException:
        _base._report_callback_error_text('Exception in worker')


class BrokenThreadPool(_base.BrokenExecutor):
    """
    Raised when a worker thread in a ThreadPoolExecutor failed initializing.
    """


class ThreadPoolExecutor(_base.Executor):
    """An Executor that runs each call on one of a pool of threads."""

    # Used to assign unique thread names when thread_name_prefix is not supplied.
    _counter = itertools.count().__next__

    def __init__(self, max_workers=None, thread_name_prefix='',
                 initializer=None, initargs=()):
        """Initializes a new ThreadPoolExecutor instance.

        Args:
            max_workers: The maximum number of threads that can be used to
                execute the given calls; min(32, os.cpu_count() + 4) when
                None.
            thread_name_prefix: An optional name prefix to give our threads.
            initializer: A callable used to initialize worker threads.
            initargs: A tuple of arguments to pass to the initializer.
        """
        if max_workers is None:
            # At least 5 workers for I/O-bound tasks, at most 32 so that a
            # many-core machine does not start hundreds of idle threads.
            max_workers = min(32, (os.cpu_count() or 1) + 4)
        if max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")

        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")

        self._max_workers = max_workers
        self._work_queue = queue.SimpleQueue()
        self._idle_semaphore = threading.Semaphore(0)
        self._threads = set()
        self._broken = False
        self._shutdown = False
        self._shutdown_lock = threading.Lock()
        self._thread_name_prefix = (thread_name_prefix or
                                    ("ThreadPoolExecutor-%d" % self._counter()))
        self._initializer = initializer
        self._initargs = initargs

    def submit(self, fn, /, *args, **kwargs):
        """Schedule fn(*args, **kwargs) on a worker; return its Future."""
        with self._shutdown_lock, _global_shutdown_lock:
            if self._broken:
                raise BrokenThreadPool(self._broken)

            if self._shutdown:
                raise RuntimeError('cannot schedule new futures after shutdown')
            if _shutdown:
                raise RuntimeError('cannot schedule new futures after '
                                   'interpreter shutdown')

            f = _base.Future()
            w = _WorkItem(f, fn, args, kwargs)

            self._work_queue.put(w)
            self._adjust_thread_count()
            return f
    submit.__doc__ = _base.Executor.submit.__doc__

    def _adjust_thread_count(self):
        # An idle worker will take the item: no new thread needed.
        if self._idle_semaphore.acquire(timeout=0):
            return

        num_threads = len(self._threads)
        if num_threads < self._max_workers:
            thread_name = '%s_%d' % (self._thread_name_prefix or self,
                                     num_threads)
            t = threading.Thread(name=thread_name, target=_worker,
                                 args=(self,
                                       self._work_queue,
                                       self._initializer,
                                       self._initargs))
            t.start()
            self._threads.add(t)
            _threads_queues[t] = self._work_queue

    def _initializer_failed(self):
        with self._shutdown_lock:
            self._broken = ('A thread initializer failed, the thread pool '
                            'is not usable anymore')
            # Drain work queue and mark pending futures failed
            while True:
                try:
                    work_item = self._work_queue.get_nowait()
                except queue.Empty:
                    break
                if work_item is not None:
                    work_item.future.set_exception(BrokenThreadPool(self._broken))

    def shutdown(self, wait=True, *, cancel_futures=False):
        """Stop accepting work; with wait, join every worker.

        With cancel_futures, the calls that have not started are cancelled.
        """
        with self._shutdown_lock:
            self._shutdown = True
            if cancel_futures:
                # Drain all work items from the queue, and then cancel their
                # associated futures.
                while True:
                    try:
                        work_item = self._work_queue.get_nowait()
                    except queue.Empty:
                        break
                    if work_item is not None:
                        work_item.future.cancel()

            # Send a wake-up to prevent threads calling
            # _work_queue.get(block=True) from permanently blocking.
            self._work_queue.put(None)
        if wait:
            for t in self._threads:
                t.join()
    shutdown.__doc__ = _base.Executor.shutdown.__doc__
