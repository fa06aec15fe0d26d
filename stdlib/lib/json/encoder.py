"""json.encoder — Python values to JSON text.

iterencode() yields the text in chunks (json.dump writes them as they
come); encode() joins them.  Containers being encoded are remembered by
id() so that a self-referencing list raises "Circular reference detected"
instead of recursing forever.
"""

__all__ = ["JSONEncoder"]

INFINITY = float("inf")

_ESCAPE_DCT = {"\\": "\\\\", '"': '\\"', "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r",
               "\t": "\\t"}
for _i in range(0x20):
    _ESCAPE_DCT.setdefault(chr(_i), "\\u{0:04x}".format(_i))
del _i


def py_encode_basestring(s):
    """The JSON string literal of s, non-ASCII characters kept."""
    out = ['"']
    for c in s:
        if c < " " or c == '"' or c == "\\":
            out.append(_ESCAPE_DCT[c])
        else:
            out.append(c)
    out.append('"')
    return "".join(out)


def py_encode_basestring_ascii(s):
    """The JSON string literal of s with only ASCII characters (\\uXXXX escapes)."""
    out = ['"']
    for c in s:
        if " " <= c <= "~" and c != '"' and c != "\\":
            out.append(c)
            continue
        esc = _ESCAPE_DCT.get(c)
        if esc is not None:
            out.append(esc)
            continue
        n = ord(c)
        if n < 0x10000:
            out.append("\\u{0:04x}".format(n))
        else:
            n -= 0x10000
            s1 = 0xD800 | ((n >> 10) & 0x3FF)
            s2 = 0xDC00 | (n & 0x3FF)
            out.append("\\u{0:04x}\\u{1:04x}".format(s1, s2))
    out.append('"')
    return "".join(out)


encode_basestring = py_encode_basestring
encode_basestring_ascii = py_encode_basestring_ascii


class JSONEncoder(object):
    """Extensible JSON encoder: override default() to support more types."""

    item_separator = ", "
    key_separator = ": "

    def __init__(self, *, skipkeys=False, ensure_ascii=True, check_circular=True,
                 allow_nan=True, sort_keys=False, indent=None, separators=None, default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ","
        if default is not None:
            self.default = default

    def default(self, o):
        """Called for objects JSON cannot represent: return a serializable
        object or raise TypeError."""
        raise TypeError(f"Object of type {o.__class__.__name__} is not JSON serializable")

    def encode(self, o):
        """The JSON text of o."""
        if isinstance(o, str):
            if self.ensure_ascii:
                return encode_basestring_ascii(o)
            return encode_basestring(o)
        return "".join(self.iterencode(o, _one_shot=True))

    def iterencode(self, o, _one_shot=False):
        """Encode o, yielding the text chunk by chunk."""
        markers = {} if self.check_circular else None
        _encoder = encode_basestring_ascii if self.ensure_ascii else encode_basestring
        allow_nan = self.allow_nan

        def floatstr(o):
            if o != o:
                text = "NaN"
            elif o == INFINITY:
                text = "Infinity"
            elif o == -INFINITY:
                text = "-Infinity"
            else:
                return float.__repr__(o)
            if not allow_nan:
                raise ValueError("Out of range float values are not JSON compliant")
            return text

        indent = self.indent
        if indent is not None and not isinstance(indent, str):
            indent = " " * indent
        return _make_iterencode(markers, self.default, _encoder, indent, floatstr,
                                self.key_separator, self.item_separator, self.sort_keys,
                                self.skipkeys)(o, 0)


def _make_iterencode(markers, _default, _encoder, _indent, _floatstr, _key_separator,
                     _item_separator, _sort_keys, _skipkeys):

    def _enter(o):
        if markers is not None:
            markerid = id(o)
            if markerid in markers:
                raise ValueError("Circular reference detected")
            markers[markerid] = o
            return markerid
        return None

    def _leave(markerid):
        if markerid is not None:
            del markers[markerid]

    def _iterencode_list(lst, level):
        if not lst:
            yield "[]"
            return
        markerid = _enter(lst)
        buf = "["
        if _indent is not None:
            level += 1
            newline_indent = "\n" + _indent * level
            separator = _item_separator + newline_indent
            buf += newline_indent
        else:
            newline_indent = None
            separator = _item_separator
        first = True
        for value in lst:
            if first:
                first = False
            else:
                buf = separator
            if isinstance(value, str):
                yield buf + _encoder(value)
            elif value is None:
                yield buf + "null"
            elif value is True:
                yield buf + "true"
            elif value is False:
                yield buf + "false"
            elif isinstance(value, int):
                yield buf + int.__repr__(value)
            elif isinstance(value, float):
                yield buf + _floatstr(value)
            else:
                yield buf
                yield from _iterencode(value, level)
        if newline_indent is not None:
            level -= 1
            yield "\n" + _indent * level
        yield "]"
        _leave(markerid)

    def _iterencode_dict(dct, level):
        if not dct:
            yield "{}"
            return
        markerid = _enter(dct)
        yield "{"
        if _indent is not None:
            level += 1
            newline_indent = "\n" + _indent * level
            item_separator = _item_separator + newline_indent
            yield newline_indent
        else:
            newline_indent = None
            item_separator = _item_separator
        first = True
        items = sorted(dct.items()) if _sort_keys else dct.items()
        for key, value in items:
            if isinstance(key, str):
                pass
            elif isinstance(key, float):
                key = _floatstr(key)
            elif key is True:
                key = "true"
            elif key is False:
                key = "false"
            elif key is None:
                key = "null"
            elif isinstance(key, int):
                key = int.__repr__(key)
            elif _skipkeys:
                continue
            else:
                raise TypeError(f"keys must be str, int, float, bool or None, "
                                f"not {key.__class__.__name__}")
            if first:
                first = False
            else:
                yield item_separator
            yield _encoder(key)
            yield _key_separator
            if isinstance(value, str):
                yield _encoder(value)
            elif value is None:
                yield "null"
            elif value is True:
                yield "true"
            elif value is False:
                yield "false"
            elif isinstance(value, int):
                yield int.__repr__(value)
            elif isinstance(value, float):
                yield _floatstr(value)
            else:
                yield from _iterencode(value, level)
        if newline_indent is not None:
            level -= 1
            yield "\n" + _indent * level
        yield "}"
        _leave(markerid)

    def _iterencode(o, level):
        if isinstance(o, str):
            yield _encoder(o)
        elif o is None:
            yield "null"
        elif o is True:
            yield "true"
        elif o is False:
            yield "false"
        elif isinstance(o, int):
            yield int.__repr__(o)
        elif isinstance(o, float):
            yield _floatstr(o)
        elif isinstance(o, (list, tuple)):
            yield from _iterencode_list(o, level)
        elif isinstance(o, dict):
            yield from _iterencode_dict(o, level)
        else:
            markerid = _enter(o)
            o = _default(o)
            yield from _iterencode(o, level)
            _leave(markerid)

    return _iterencode
