"""queue — synchronized queues for handing work between threads.

A Queue is a plain container (a deque, a list used as a stack, a heap)
guarded by one Lock and three Conditions that share it:

* ``not_empty`` is notified by put(); get() waits on it while empty;
* ``not_full`` is notified by get(); put() waits on it while a bounded
  queue is full;
* ``all_tasks_done`` is notified when task_done() brings the count of
  unfinished tasks to zero; join() waits on it.

Because the three Conditions share the lock, holding any of them excludes
every other operation on the queue, and a thread that waits releases the
lock for the others.  Subclasses change only _init, _qsize, _put and _get.

SimpleQueue is the unbounded FIFO without task tracking, kept lean
because ThreadPoolExecutor passes every work item through one: a deque
and a mutex, and a getter that finds it empty parks on a lock of its own
that the next put() releases.
"""

import threading
from collections import deque
from heapq import heappush, heappop
from time import monotonic as time
from _thread import allocate_lock as _allocate_lock

__all__ = ['Empty', 'Full', 'Queue', 'PriorityQueue', 'LifoQueue', 'SimpleQueue']


class Empty(Exception):
    'Exception raised by Queue.get(block=0)/get_nowait().'
    pass


class Full(Exception):
    'Exception raised by Queue.put(block=0)/put_nowait().'
    pass


class Queue:
    '''Create a queue object with a given maximum size.

    If maxsize is <= 0, the queue size is infinite.
    '''

    def __init__(self, maxsize=0):
        self.maxsize = maxsize
        self._init(maxsize)
        self.mutex = threading.Lock()
        self.not_empty = threading.Condition(self.mutex)
        self.not_full = threading.Condition(self.mutex)
        self.all_tasks_done = threading.Condition(self.mutex)
        self.unfinished_tasks = 0

    def task_done(self):
        '''Indicate that a formerly enqueued task is complete.

        Used by consumer threads: for each get() used to fetch a task, a
        subsequent call to task_done() tells the queue that the processing
        of the task is complete.  Raises ValueError if called more times
        than there were items placed in the queue.
        '''
        with self.all_tasks_done:
            unfinished = self.unfinished_tasks - 1
            if unfinished <= 0:
                if unfinished < 0:
                    raise ValueError('task_done() called too many times')
                self.all_tasks_done.notify_all()
            self.unfinished_tasks = unfinished

    def join(self):
        '''Blocks until all items in the Queue have been gotten and processed.

        The count of unfinished tasks goes up whenever an item is added and
        down whenever task_done() is called.
        '''
        with self.all_tasks_done:
            while self.unfinished_tasks:
                self.all_tasks_done.wait()

    def qsize(self):
        '''Return the approximate size of the queue (not reliable!).'''
        with self.mutex:
            return self._qsize()

    def empty(self):
        '''Return True if the queue is empty, False otherwise (not reliable!).'''
        with self.mutex:
            return not self._qsize()

    def full(self):
        '''Return True if the queue is full, False otherwise (not reliable!).'''
        with self.mutex:
            return 0 < self.maxsize <= self._qsize()

    def put(self, item, block=True, timeout=None):
        '''Put an item into the queue.

        With block true and timeout None, wait for a free slot if needed;
        with a positive timeout, raise Full after that many seconds.  With
        block false, raise Full at once when no slot is free.
        '''
        with self.not_full:
            if self.maxsize > 0:
                if not block:
                    if self._qsize() >= self.maxsize:
                        raise Full
                elif timeout is None:
                    while self._qsize() >= self.maxsize:
                        self.not_full.wait()
                elif timeout < 0:
                    raise ValueError("'timeout' must be a non-negative number")
                else:
                    endtime = time() + timeout
                    while self._qsize() >= self.maxsize:
                        remaining = endtime - time()
                        if remaining <= 0.0:
                            raise Full
                        self.not_full.wait(remaining)
            self._put(item)
            self.unfinished_tasks += 1
            # We hold the lock, so notify()'s ownership check can be
            # skipped when nobody waits: the common case of a busy queue.
            if self.not_empty._waiters:
                self.not_empty.notify()

    def get(self, block=True, timeout=None):
        '''Remove and return an item from the queue.

        With block true and timeout None, wait for an item if needed; with a
        positive timeout, raise Empty after that many seconds.  With block
        false, raise Empty at once when no item is there.
        '''
        with self.not_empty:
            if not block:
                if not self._qsize():
                    raise Empty
            elif timeout is None:
                while not self._qsize():
                    self.not_empty.wait()
            elif timeout < 0:
                raise ValueError("'timeout' must be a non-negative number")
            else:
                endtime = time() + timeout
                while not self._qsize():
                    remaining = endtime - time()
                    if remaining <= 0.0:
                        raise Empty
                    self.not_empty.wait(remaining)
            item = self._get()
            if self.not_full._waiters:
                self.not_full.notify()
            return item

    def put_nowait(self, item):
        '''Put an item into the queue without blocking; raise Full when full.'''
        return self.put(item, block=False)

    def get_nowait(self):
        '''Remove and return an item without blocking; raise Empty when empty.'''
        return self.get(block=False)

    # The container.  These run with the mutex held.

    def _init(self, maxsize):
        self.queue = deque()

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        self.queue.append(item)

    def _get(self):
        return self.queue.popleft()

    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)


class PriorityQueue(Queue):
    '''Variant of Queue that retrieves open entries in priority order (lowest first).

    Entries are typically tuples of the form:  (priority number, data).
    '''

    def _init(self, maxsize):
        self.queue = []

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        heappush(self.queue, item)

    def _get(self):
        return heappop(self.queue)


class LifoQueue(Queue):
    '''Variant of Queue that retrieves most recently added entries first.'''

    def _init(self, maxsize):
        self.queue = []

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        self.queue.append(item)

    def _get(self):
        return self.queue.pop()


class SimpleQueue:
    '''Simple, unbounded FIFO queue, without task tracking.'''

    # ThreadPoolExecutor hands every work item over through one of these,
    # so it is leaner than Queue: a deque, a mutex, and a deque of parked
    # getters, each asleep on a lock of its own that put() releases.  The
    # mutex makes "the queue is empty, so park" atomic with respect to
    # put(), so no wake-up is lost.

    def __init__(self):
        self._queue = deque()
        self._mutex = threading.Lock()
        self._waiters = deque()

    def put(self, item, block=True, timeout=None):
        '''Put the item on the queue; never blocks (block and timeout are ignored).'''
        with self._mutex:
            self._queue.append(item)
            if self._waiters:
                self._waiters.popleft().release()

    def get(self, block=True, timeout=None):
        '''Remove and return an item from the queue.

        With block true and timeout None, wait for an item; with a timeout,
        raise Empty after that many seconds; with block false, raise Empty
        at once when the queue is empty.
        '''
        if block and timeout is not None:
            if timeout < 0:
                raise ValueError("'timeout' must be a non-negative number")
            endtime = time() + timeout
        mutex = self._mutex
        while True:
            with mutex:
                if self._queue:
                    return self._queue.popleft()
                if not block:
                    raise Empty
                waiter = _allocate_lock()
                waiter.acquire()
                self._waiters.append(waiter)
            if timeout is None:
                waiter.acquire()
                continue
            remaining = endtime - time()
            if remaining > 0 and waiter.acquire(True, remaining):
                continue
            with mutex:
                try:
                    self._waiters.remove(waiter)
                except ValueError:
                    # A put() released us just as we timed out: its item
                    # is ours.
                    if self._queue:
                        return self._queue.popleft()
                raise Empty

    def put_nowait(self, item):
        '''Put an item into the queue without blocking.'''
        return self.put(item, block=False)

    def get_nowait(self):
        '''Remove and return an item without blocking; raise Empty when empty.'''
        return self.get(False)

    def empty(self):
        '''Return True if the queue is empty, False otherwise (not reliable!).'''
        return len(self._queue) == 0

    def qsize(self):
        '''Return the approximate size of the queue (not reliable!).'''
        return len(self._queue)

    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)
