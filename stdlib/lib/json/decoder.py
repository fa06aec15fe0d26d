"""json.decoder — a recursive-descent JSON parser.

Each parse_* function takes the text and a start index and returns (value,
index after it).  Errors carry the index where parsing failed, and
JSONDecodeError turns it into "line L column C (char N)".
"""

__all__ = ["JSONDecoder", "JSONDecodeError"]

NaN = float("nan")
PosInf = float("inf")
NegInf = float("-inf")


class JSONDecodeError(ValueError):
    """Subclass of ValueError with: msg, doc, pos, lineno, colno."""

    def __init__(self, msg, doc, pos):
        lineno = doc.count("\n", 0, pos) + 1
        colno = pos - doc.rfind("\n", 0, pos)
        errmsg = "%s: line %d column %d (char %d)" % (msg, lineno, colno, pos)
        ValueError.__init__(self, errmsg)
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno

    def __reduce__(self):
        return self.__class__, (self.msg, self.doc, self.pos)


_CONSTANTS = {"-Infinity": NegInf, "Infinity": PosInf, "NaN": NaN}
_WS = " \t\n\r"
_ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}
_DIGITS = "0123456789"


def _skip_ws(s, i):
    n = len(s)
    while i < n and s[i] in _WS:
        i += 1
    return i


def _decode_uXXXX(s, pos):
    esc = s[pos + 1:pos + 5]
    if len(esc) == 4 and esc[1] not in "xX":
        try:
            return int(esc, 16)
        except ValueError:
            pass
    raise JSONDecodeError("Invalid \\uXXXX escape", s, pos)


def scanstring(s, end, strict=True):
    """Parse the JSON string whose opening quote is at end - 1; returns
    (str, index after the closing quote)."""
    chunks = []
    append = chunks.append
    begin = end - 1
    n = len(s)
    while True:
        q = s.find('"', end)
        if q < 0:
            raise JSONDecodeError("Unterminated string starting at", s, begin)
        b = s.find("\\", end, q)
        stop = q if b < 0 else b
        content = s[end:stop]
        if strict:
            for k, c in enumerate(content):
                if c < " ":
                    raise JSONDecodeError("Invalid control character at", s, end + k)
        append(content)
        if b < 0:
            return "".join(chunks), q + 1
        # An escape at b.
        if b + 1 >= n:
            raise JSONDecodeError("Unterminated string starting at", s, begin)
        esc = s[b + 1]
        if esc != "u":
            char = _ESCAPES.get(esc)
            if char is None:
                raise JSONDecodeError("Invalid \\escape", s, b)
            append(char)
            end = b + 2
            continue
        uni = _decode_uXXXX(s, b + 1)
        end = b + 6
        if 0xD800 <= uni <= 0xDBFF and s[end:end + 2] == "\\u":
            uni2 = _decode_uXXXX(s, end + 1)
            if 0xDC00 <= uni2 <= 0xDFFF:
                uni = 0x10000 + (((uni - 0xD800) << 10) | (uni2 - 0xDC00))
                end += 6
        append(chr(uni))


class JSONDecoder(object):
    """Simple JSON decoder: JSON objects become dicts, arrays lists, and so on."""

    def __init__(self, *, object_hook=None, parse_float=None, parse_int=None,
                 parse_constant=None, strict=True, object_pairs_hook=None):
        self.object_hook = object_hook
        self.parse_float = parse_float or float
        self.parse_int = parse_int or int
        self.parse_constant = parse_constant or _CONSTANTS.__getitem__
        self.strict = strict
        self.object_pairs_hook = object_pairs_hook

    def decode(self, s, _w=None):
        """The Python value of the JSON document s."""
        obj, end = self.raw_decode(s, _skip_ws(s, 0))
        end = _skip_ws(s, end)
        if end != len(s):
            raise JSONDecodeError("Extra data", s, end)
        return obj

    def raw_decode(self, s, idx=0):
        """Decode one JSON value starting at s[idx]; returns (value, end)."""
        try:
            return self._value(s, idx)
        except StopIteration as err:
            raise JSONDecodeError("Expecting value", s, err.value) from None

    # Raises StopIteration(idx) when no value starts at idx (CPython's scanner
    # protocol), which the callers turn into "Expecting value".
    def _value(self, s, idx):
        if idx >= len(s):
            raise StopIteration(idx)
        c = s[idx]
        if c == '"':
            return scanstring(s, idx + 1, self.strict)
        if c == "{":
            return self._object(s, idx + 1)
        if c == "[":
            return self._array(s, idx + 1)
        if c == "n" and s.startswith("null", idx):
            return None, idx + 4
        if c == "t" and s.startswith("true", idx):
            return True, idx + 4
        if c == "f" and s.startswith("false", idx):
            return False, idx + 5
        if c == "N" and s.startswith("NaN", idx):
            return self.parse_constant("NaN"), idx + 3
        if c == "I" and s.startswith("Infinity", idx):
            return self.parse_constant("Infinity"), idx + 8
        if c == "-" and s.startswith("-Infinity", idx):
            return self.parse_constant("-Infinity"), idx + 9
        return self._number(s, idx)

    def _number(self, s, idx):
        n = len(s)
        i = idx
        if i < n and s[i] == "-":
            i += 1
        if i < n and s[i] == "0":
            i += 1
        elif i < n and s[i] in "123456789":
            while i < n and s[i] in _DIGITS:
                i += 1
        else:
            raise StopIteration(idx)
        integer_end = i
        frac = exp = False
        if i + 1 < n and s[i] == "." and s[i + 1] in _DIGITS:
            i += 2
            while i < n and s[i] in _DIGITS:
                i += 1
            frac = True
        if i < n and s[i] in "eE":
            j = i + 1
            if j < n and s[j] in "+-":
                j += 1
            if j < n and s[j] in _DIGITS:
                while j < n and s[j] in _DIGITS:
                    j += 1
                i = j
                exp = True
        text = s[idx:i]
        if frac or exp:
            return self.parse_float(text), i
        return self.parse_int(text), integer_end

    def _object(self, s, idx):
        pairs = []
        idx = _skip_ws(s, idx)
        if idx < len(s) and s[idx] == "}":
            return self._finish_object(pairs), idx + 1
        while True:
            if idx >= len(s) or s[idx] != '"':
                raise JSONDecodeError("Expecting property name enclosed in double quotes", s, idx)
            key, idx = scanstring(s, idx + 1, self.strict)
            idx = _skip_ws(s, idx)
            if idx >= len(s) or s[idx] != ":":
                raise JSONDecodeError("Expecting ':' delimiter", s, idx)
            idx = _skip_ws(s, idx + 1)
            try:
                value, idx = self._value(s, idx)
            except StopIteration as err:
                raise JSONDecodeError("Expecting value", s, err.value) from None
            pairs.append((key, value))
            idx = _skip_ws(s, idx)
            if idx < len(s) and s[idx] == "}":
                return self._finish_object(pairs), idx + 1
            if idx >= len(s) or s[idx] != ",":
                raise JSONDecodeError("Expecting ',' delimiter", s, idx)
            comma = idx
            idx = _skip_ws(s, idx + 1)
            if idx >= len(s) or s[idx] != '"':
                raise JSONDecodeError("Expecting property name enclosed in double quotes", s,
                                      idx if idx < len(s) else comma + 1)

    def _finish_object(self, pairs):
        if self.object_pairs_hook is not None:
            return self.object_pairs_hook(pairs)
        obj = dict(pairs)
        if self.object_hook is not None:
            return self.object_hook(obj)
        return obj

    def _array(self, s, idx):
        values = []
        idx = _skip_ws(s, idx)
        if idx < len(s) and s[idx] == "]":
            return values, idx + 1
        while True:
            try:
                value, idx = self._value(s, idx)
            except StopIteration as err:
                raise JSONDecodeError("Expecting value", s, err.value) from None
            values.append(value)
            idx = _skip_ws(s, idx)
            if idx < len(s) and s[idx] == "]":
                return values, idx + 1
            if idx >= len(s) or s[idx] != ",":
                raise JSONDecodeError("Expecting ',' delimiter", s, idx)
            idx = _skip_ws(s, idx + 1)
