"""io — the stream classes behind open(), and the in-memory streams.

The file types (FileIO, BufferedReader/Writer/Random, TextIOWrapper) are
native (stdlib/native/fileio.cpp) and come from the `_io` module.  StringIO
and BytesIO are written here in Python:

  * StringIO keeps its text as a str plus a list of pending appended chunks,
    so a run of write() calls at the end costs one join, not one copy each;
    writes in the middle (after seek) splice the flattened str.
  * BytesIO keeps a bytearray, which already supports in-place slice
    assignment and cheap appends.

IOBase, RawIOBase, BufferedIOBase and TextIOBase are the abstract bases;
the native file types are registered with them so isinstance() works.
"""

import _io
from _io import (FileIO, BufferedReader, BufferedWriter, BufferedRandom, TextIOWrapper,
                 UnsupportedOperation, DEFAULT_BUFFER_SIZE)

__all__ = ["BlockingIOError", "open", "open_code", "IOBase", "RawIOBase", "FileIO", "BytesIO",
           "StringIO", "BufferedIOBase", "BufferedReader", "BufferedWriter", "BufferedRWPair",
           "BufferedRandom", "TextIOBase", "TextIOWrapper", "UnsupportedOperation", "SEEK_SET",
           "SEEK_CUR", "SEEK_END", "DEFAULT_BUFFER_SIZE", "text_encoding", "IncrementalNewlineDecoder"]

import builtins as _builtins
open = _builtins.open   # the same object as the builtin, as in CPython
del _builtins

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2

BlockingIOError = BlockingIOError


def open_code(path):
    return open(path, "rb")


def text_encoding(encoding, stacklevel=2):
    return "utf-8" if encoding is None else encoding


try:
    from abc import ABCMeta as _Meta
except ImportError:
    _Meta = type


# ---- the abstract bases -------------------------------------------------------------

class IOBase(metaclass=_Meta):
    """The base of all streams: closing, context management, line iteration."""

    _IOBase__closed = False

    def _unsupported(self, name):
        raise UnsupportedOperation("%s.%s() not supported" % (type(self).__name__, name))

    def seek(self, pos, whence=0):
        self._unsupported("seek")

    def tell(self):
        return self.seek(0, 1)

    def truncate(self, pos=None):
        self._unsupported("truncate")

    def flush(self):
        self._checkClosed()

    def close(self):
        if not self._IOBase__closed:
            try:
                self.flush()
            finally:
                self._IOBase__closed = True

    @property
    def closed(self):
        return self._IOBase__closed

    def seekable(self):
        return False

    def readable(self):
        return False

    def writable(self):
        return False

    def _checkClosed(self, msg=None):
        if self.closed:
            raise ValueError("I/O operation on closed file." if msg is None else msg)

    def _checkReadable(self):
        if not self.readable():
            raise UnsupportedOperation("File or stream is not readable.")

    def _checkWritable(self):
        if not self.writable():
            raise UnsupportedOperation("File or stream is not writable.")

    def _checkSeekable(self):
        if not self.seekable():
            raise UnsupportedOperation("File or stream is not seekable.")

    def __enter__(self):
        self._checkClosed()
        return self

    def __exit__(self, *args):
        self.close()

    def fileno(self):
        self._unsupported("fileno")

    def isatty(self):
        self._checkClosed()
        return False

    def readline(self, size=-1):
        if size is None:
            size = -1
        res = bytearray()
        while size < 0 or len(res) < size:
            b = self.read(1)
            if not b:
                break
            res += b
            if res.endswith(b"\n"):
                break
        return bytes(res)

    def __iter__(self):
        self._checkClosed()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def readlines(self, hint=None):
        if hint is None or hint <= 0:
            return list(self)
        n = 0
        lines = []
        for line in self:
            lines.append(line)
            n += len(line)
            if n >= hint:
                break
        return lines

    def writelines(self, lines):
        self._checkClosed()
        for line in lines:
            self.write(line)

    def __del__(self):
        try:
            closed = self.closed
        except AttributeError:
            return
        if not closed:
            try:
                self.close()
            except Exception:
                pass


class RawIOBase(IOBase):
    """Base of unbuffered binary streams: read() is built on readinto()."""

    def read(self, size=-1):
        if size is None:
            size = -1
        if size < 0:
            return self.readall()
        b = bytearray(size)
        n = self.readinto(b)
        if n is None:
            return None
        del b[n:]
        return bytes(b)

    def readall(self):
        res = bytearray()
        while True:
            data = self.read(DEFAULT_BUFFER_SIZE)
            if not data:
                break
            res += data
        return bytes(res)

    def readinto(self, b):
        self._unsupported("readinto")

    def write(self, b):
        self._unsupported("write")


class BufferedIOBase(IOBase):
    """Base of buffered binary streams."""

    def read(self, size=-1):
        self._unsupported("read")

    def read1(self, size=-1):
        return self.read(size)

    def write(self, b):
        self._unsupported("write")

    def readinto(self, b):
        data = self.read(len(b))
        n = len(data)
        b[:n] = data
        return n

    def readinto1(self, b):
        return self.readinto(b)

    def detach(self):
        self._unsupported("detach")


class TextIOBase(IOBase):
    """Base of text streams."""

    def read(self, size=-1):
        self._unsupported("read")

    def write(self, s):
        self._unsupported("write")

    def detach(self):
        self._unsupported("detach")

    @property
    def encoding(self):
        return None

    @property
    def newlines(self):
        return None

    @property
    def errors(self):
        return None


for _cls in (FileIO,):
    RawIOBase.register(_cls) if hasattr(RawIOBase, "register") else None
for _cls in (BufferedReader, BufferedWriter, BufferedRandom):
    BufferedIOBase.register(_cls) if hasattr(BufferedIOBase, "register") else None
if hasattr(TextIOBase, "register"):
    TextIOBase.register(TextIOWrapper)
del _cls


# ---- StringIO -----------------------------------------------------------------------

_NEWLINES = (None, "", "\n", "\r", "\r\n")


class StringIO(TextIOBase):
    """Text I/O in memory: StringIO(initial_value='', newline='\\n')."""

    def __init__(self, initial_value="", newline="\n"):
        if newline is not None and not isinstance(newline, str):
            raise TypeError(f"newline must be str or None, not {type(newline).__name__}")
        if newline not in _NEWLINES:
            raise ValueError(f"illegal newline value: {newline!r}")
        if initial_value is not None and not isinstance(initial_value, str):
            raise TypeError(f"initial_value must be str or None, not {type(initial_value).__name__}")
        self._newline = newline
        self._value = ""      # the text, except ...
        self._tail = []       # ... chunks appended after it, not yet joined
        self._len = 0
        self._pos = 0
        self._closed = False
        self._seen = 0        # newline kinds seen with newline=None (1 \r, 2 \n, 4 \r\n)
        if initial_value:
            self._write(initial_value)
            self._pos = 0

    # The text is _value + "".join(_tail); flattening joins them once.
    def _flat(self):
        if self._tail:
            self._value = self._value + "".join(self._tail)
            self._tail = []
        return self._value

    def _check(self):
        if self._closed:
            raise ValueError("I/O operation on closed file")

    def _translate(self, s):
        nl = self._newline
        if nl is None:
            if "\r" in s:
                if "\r\n" in s:
                    self._seen |= 4
                if "\r" in s.replace("\r\n", ""):
                    self._seen |= 1
                s = s.replace("\r\n", "\n").replace("\r", "\n")
            if "\n" in s:
                self._seen |= 2 if "\n" in s else 0
            return s
        if nl in ("\r", "\r\n") and "\n" in s:
            return s.replace("\n", nl)
        return s

    def _write(self, s):
        s = self._translate(s)
        n = len(s)
        if not n:
            return
        pos = self._pos
        if pos == self._len:
            self._tail.append(s)
        else:
            value = self._flat()
            if pos > self._len:
                value = value + "\0" * (pos - self._len)
            self._value = value[:pos] + s + value[pos + n:]
        self._len = max(self._len, pos + n)
        self._pos = pos + n

    def write(self, s):
        self._check()
        if not isinstance(s, str):
            raise TypeError(f"string argument expected, got {type(s).__name__!r}")
        n = len(s)
        self._write(s)
        return n

    def getvalue(self):
        self._check()
        return self._flat()

    def read(self, size=-1):
        self._check()
        if size is None:
            size = -1
        elif not isinstance(size, int):
            raise TypeError(f"argument should be integer or None, not '{type(size).__name__}'")
        value = self._flat()
        pos = self._pos
        if pos >= self._len:
            return ""
        end = self._len if size < 0 else min(self._len, pos + size)
        self._pos = end
        return value[pos:end]

    def _line_end(self, value, pos, limit):
        nl = self._newline
        if nl == "":
            i = pos
            while i < limit:
                c = value[i]
                if c == "\n":
                    return i + 1
                if c == "\r":
                    if i + 1 < limit and value[i + 1] == "\n":
                        return i + 2
                    return i + 1
                i += 1
            return limit
        sep = "\n" if nl is None else nl
        i = value.find(sep, pos, limit)
        if i < 0:
            return limit
        return min(i + len(sep), limit)

    def readline(self, size=-1):
        self._check()
        if size is None:
            size = -1
        elif not isinstance(size, int):
            raise TypeError(f"argument should be integer or None, not '{type(size).__name__}'")
        value = self._flat()
        pos = self._pos
        if pos >= self._len:
            return ""
        limit = self._len if size < 0 else min(self._len, pos + size)
        end = self._line_end(value, pos, limit)
        self._pos = end
        return value[pos:end]

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def __iter__(self):
        self._check()
        return self

    def readlines(self, hint=None):
        self._check()
        lines = []
        n = 0
        while True:
            line = self.readline()
            if not line:
                break
            lines.append(line)
            n += len(line)
            if hint is not None and 0 < hint <= n:
                break
        return lines

    def writelines(self, lines):
        self._check()
        for line in lines:
            self.write(line)

    def seek(self, pos, whence=0):
        self._check()
        if not isinstance(pos, int):
            raise TypeError(f"'{type(pos).__name__}' object cannot be interpreted as an integer")
        if whence == 0:
            if pos < 0:
                raise ValueError(f"Negative seek position {pos}")
            self._pos = pos
        elif whence == 1:
            if pos != 0:
                raise OSError("Can't do nonzero cur-relative seeks")
        elif whence == 2:
            if pos != 0:
                raise OSError("Can't do nonzero end-relative seeks")
            self._pos = self._len
        else:
            raise ValueError(f"Invalid whence ({whence}, should be 0, 1 or 2)")
        return self._pos

    def tell(self):
        self._check()
        return self._pos

    def truncate(self, size=None):
        self._check()
        if size is None:
            size = self._pos
        elif size < 0:
            raise ValueError(f"Negative size value {size}")
        if size < self._len:
            self._value = self._flat()[:size]
            self._len = size
        return size

    def close(self):
        self._closed = True
        self._value = ""
        self._tail = []

    @property
    def closed(self):
        return self._closed

    def flush(self):
        self._check()

    def readable(self):
        self._check()
        return True

    def writable(self):
        self._check()
        return True

    def seekable(self):
        self._check()
        return True

    def isatty(self):
        self._check()
        return False

    def fileno(self):
        raise UnsupportedOperation("fileno")

    def detach(self):
        raise UnsupportedOperation("detach")

    @property
    def line_buffering(self):
        self._check()
        return False

    @property
    def newlines(self):
        self._check()
        if self._newline is not None:
            return None
        kinds = ("\r", "\n", ("\r", "\n"), "\r\n", ("\r", "\r\n"), ("\n", "\r\n"),
                 ("\r", "\n", "\r\n"))
        return kinds[self._seen - 1] if self._seen else None

    def __getstate__(self):
        return (self.getvalue(), self._newline, self._pos, None)

    def __repr__(self):
        return f"<_io.StringIO object at {hex(id(self))}>"

    def __del__(self):
        pass


# ---- BytesIO ------------------------------------------------------------------------

class BytesIO(BufferedIOBase):
    """Binary I/O in memory: BytesIO(initial_bytes=b'')."""

    def __init__(self, initial_bytes=b""):
        self._buf = bytearray(initial_bytes) if initial_bytes is not None else bytearray()
        self._pos = 0
        self._closed = False

    def _check(self):
        if self._closed:
            raise ValueError("I/O operation on closed file.")

    def getvalue(self):
        self._check()
        return bytes(self._buf)

    def getbuffer(self):
        self._check()
        return memoryview(self._buf)

    def read(self, size=-1):
        self._check()
        if size is None:
            size = -1
        elif not isinstance(size, int):
            raise TypeError(f"argument should be integer or None, not '{type(size).__name__}'")
        pos = self._pos
        n = len(self._buf)
        if pos >= n:
            return b""
        end = n if size < 0 else min(n, pos + size)
        self._pos = end
        return bytes(self._buf[pos:end])

    read1 = read

    def readinto(self, b):
        self._check()
        data = self.read(len(b))
        n = len(data)
        b[:n] = data
        return n

    readinto1 = readinto

    def readline(self, size=-1):
        self._check()
        if size is None:
            size = -1
        pos = self._pos
        n = len(self._buf)
        if pos >= n:
            return b""
        limit = n if size < 0 else min(n, pos + size)
        i = self._buf.find(b"\n", pos, limit)
        end = limit if i < 0 else i + 1
        self._pos = end
        return bytes(self._buf[pos:end])

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def __iter__(self):
        self._check()
        return self

    def readlines(self, hint=None):
        self._check()
        lines = []
        n = 0
        while True:
            line = self.readline()
            if not line:
                break
            lines.append(line)
            n += len(line)
            if hint is not None and 0 < hint <= n:
                break
        return lines

    def write(self, b):
        self._check()
        if isinstance(b, str) or not hasattr(b, "__len__"):
            raise TypeError(f"a bytes-like object is required, not '{type(b).__name__}'")
        data = bytes(b)
        n = len(data)
        if not n:
            return 0
        pos = self._pos
        size = len(self._buf)
        if pos > size:
            self._buf += bytes(pos - size)
        self._buf[pos:pos + n] = data
        self._pos = pos + n
        return n

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def seek(self, pos, whence=0):
        self._check()
        if not isinstance(pos, int):
            raise TypeError(f"'{type(pos).__name__}' object cannot be interpreted as an integer")
        if whence == 0:
            if pos < 0:
                raise ValueError(f"negative seek value {pos}")
            self._pos = pos
        elif whence == 1:
            self._pos = max(0, self._pos + pos)
        elif whence == 2:
            self._pos = max(0, len(self._buf) + pos)
        else:
            raise ValueError(f"invalid whence ({whence}, should be 0, 1 or 2)")
        return self._pos

    def tell(self):
        self._check()
        return self._pos

    def truncate(self, size=None):
        self._check()
        if size is None:
            size = self._pos
        elif size < 0:
            raise ValueError(f"negative size value {size}")
        if size < len(self._buf):
            del self._buf[size:]
        return size

    def close(self):
        self._closed = True

    @property
    def closed(self):
        return self._closed

    def flush(self):
        self._check()

    def readable(self):
        self._check()
        return True

    def writable(self):
        self._check()
        return True

    def seekable(self):
        self._check()
        return True

    def isatty(self):
        self._check()
        return False

    def fileno(self):
        raise UnsupportedOperation("fileno")

    def __repr__(self):
        return f"<_io.BytesIO object at {hex(id(self))}>"

    def __del__(self):
        pass


StringIO.__module__ = "_io"
BytesIO.__module__ = "_io"


class IncrementalNewlineDecoder:
    """Translates '\\r\\n' and '\\r' to '\\n' across chunk boundaries."""

    def __init__(self, decoder, translate, errors="strict"):
        self.decoder = decoder
        self.translate = translate
        self.pendingcr = False

    def decode(self, input, final=False):
        output = self.decoder.decode(input, final=final) if self.decoder else input
        if self.pendingcr and (output or final):
            output = "\r" + output
            self.pendingcr = False
        if output.endswith("\r") and not final:
            output = output[:-1]
            self.pendingcr = True
        if self.translate:
            output = output.replace("\r\n", "\n").replace("\r", "\n")
        return output

    def reset(self):
        self.pendingcr = False
