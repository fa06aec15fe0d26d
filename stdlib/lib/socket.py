"""Network sockets: the BSD socket interface.

`_socket` (stdlib/native/_socket.cpp) does the system calls, releasing the
GIL whenever one can wait; this module adds what CPython's socket.py adds
on top: the context manager, accept() returning socket objects, and the
helpers socketpair(), create_connection() and create_server().
"""

import _socket
import os
from _socket import *

__all__ = ["socket", "socketpair", "create_connection", "create_server",
           "fromfd", "has_dualstack_ipv6", "SocketType",
           "error", "timeout", "gaierror", "herror"]
__all__.extend(name for name in dir(_socket)
               if name.isupper() and not name.startswith("_"))

_GLOBAL_DEFAULT_TIMEOUT = object()


class socket(_socket.socket):
    """A socket object: _socket.socket plus the context-manager protocol."""

    __slots__ = ["__weakref__", "_closed"]

    def __init__(self, family=-1, type=-1, proto=-1, fileno=None):
        _socket.socket.__init__(self, family, type, proto, fileno)
        self._closed = False

    def __enter__(self):
        return self

    def __exit__(self, *args):
        if not self._closed:
            self.close()

    def __repr__(self):
        closed = getattr(self, "_closed", False)
        s = "<%s.%s%s fd=%i, family=%s, type=%s, proto=%i" % (
            self.__class__.__module__, self.__class__.__qualname__,
            " [closed]" if closed else "", self.fileno(),
            _family_name(self.family), _type_name(self.type), self.proto)
        if not closed:
            try:
                laddr = self.getsockname()
                if laddr:
                    s += ", laddr=%s" % (laddr,)
            except OSError:
                pass
            try:
                raddr = self.getpeername()
                if raddr:
                    s += ", raddr=%s" % (raddr,)
            except OSError:
                pass
        return s + ">"

    def __getstate__(self):
        raise TypeError(f"cannot pickle {self.__class__.__name__!r} object")

    def dup(self):
        fd = os.dup(self.fileno())
        sock = self.__class__(self.family, self.type, self.proto, fileno=fd)
        sock.settimeout(self.gettimeout())
        return sock

    def accept(self):
        """accept() -> (socket object, address info)"""
        fd, addr = self._accept()
        sock = socket(self.family, self.type, self.proto, fileno=fd)
        if getdefaulttimeout() is None and self.gettimeout():
            sock.setblocking(True)
        return sock, addr

    def close(self):
        self._closed = True
        _socket.socket.close(self)

    def detach(self):
        self._closed = True
        return _socket.socket.detach(self)

    def makefile(self, *args, **kwargs):
        raise NotImplementedError("socket.makefile() is not supported by coil")


def _family_name(family):
    for name in ("AF_INET", "AF_INET6", "AF_UNIX", "AF_UNSPEC"):
        if getattr(_socket, name) == family:
            return "AddressFamily." + name
    return str(family)


def _type_name(kind):
    for name in ("SOCK_STREAM", "SOCK_DGRAM", "SOCK_RAW"):
        if getattr(_socket, name) == kind:
            return "SocketKind." + name
    return str(kind)


def fromfd(fd, family, type, proto=0):
    """Creates a socket object from a duplicate of the descriptor `fd`."""
    return socket(family, type, proto, os.dup(fd))


def socketpair(family=AF_UNIX, type=SOCK_STREAM, proto=0):
    """Two connected socket objects (a Unix-domain pair by default)."""
    a, b = _socket.socketpair(family, type, proto)
    return (socket(family, type, proto, a), socket(family, type, proto, b))


def create_connection(address, timeout=_GLOBAL_DEFAULT_TIMEOUT,
                      source_address=None):
    """Connects to (host, port), trying every address getaddrinfo gives."""
    host, port = address
    errors = []
    for af, socktype, proto, canonname, sa in getaddrinfo(host, port, 0, SOCK_STREAM):
        sock = None
        try:
            sock = socket(af, socktype, proto)
            if timeout is not _GLOBAL_DEFAULT_TIMEOUT:
                sock.settimeout(timeout)
            if source_address:
                sock.bind(source_address)
            sock.connect(sa)
            errors.clear()
            return sock
        except OSError as exc:
            errors.append(exc)
            if sock is not None:
                sock.close()
    if errors:
        try:
            raise errors[0]
        finally:
            errors.clear()
    raise OSError("getaddrinfo returns an empty list")


def has_dualstack_ipv6():
    return False


def create_server(address, *, family=AF_INET, backlog=None, reuse_port=False,
                  dualstack_ipv6=False):
    """A listening TCP socket bound to `address`."""
    if dualstack_ipv6:
        raise ValueError("dualstack_ipv6 not supported on this platform")
    sock = socket(family, SOCK_STREAM)
    try:
        sock.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1)
        if reuse_port:
            sock.setsockopt(SOL_SOCKET, SO_REUSEPORT, 1)
        sock.bind(address)
        if backlog is None:
            sock.listen()
        else:
            sock.listen(backlog)
        return sock
    except BaseException:
        sock.close()
        raise
