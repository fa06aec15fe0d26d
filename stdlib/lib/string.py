"""string — character-class constants, capwords and Template.

Template does `$name` substitution, the simple alternative to str.format
for text written by users: `$$` is a literal `$`, `${name}` delimits a name
inside a word, and substitute() raises KeyError for a missing name where
safe_substitute() leaves the placeholder as it was.  The scanner is a small
hand-written loop (CPython uses a regular expression).
"""

__all__ = ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "capwords",
           "digits", "hexdigits", "octdigits", "printable", "punctuation",
           "whitespace", "Formatter", "Template"]

whitespace = ' \t\n\r\v\f'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    """capwords(s [,sep]) -> string

    Split the argument into words using split, capitalize each
    word using capitalize, and join the capitalized words using
    join.  If the optional second argument sep is absent or None,
    runs of whitespace characters are replaced by a single space
    and leading and trailing whitespace are removed, otherwise
    sep is used to split and join the words.
    """
    return (sep or ' ').join(map(str.capitalize, s.split(sep)))


def _is_ident_start(c):
    return c == '_' or ('a' <= c.lower() <= 'z')


def _is_ident_char(c):
    return _is_ident_start(c) or '0' <= c <= '9'


class Template:
    """A string class for supporting $-substitutions."""

    delimiter = '$'
    braceidpattern = None

    def __init__(self, template):
        self.template = template

    def _scan(self, mapping, safe):
        """Walk the template once, replacing each placeholder."""
        t = self.template
        d = self.delimiter
        out = []
        i = 0
        n = len(t)
        while i < n:
            j = t.find(d, i)
            if j < 0:
                out.append(t[i:])
                break
            out.append(t[i:j])
            k = j + len(d)
            if t.startswith(d, k):                      # $$ -> $
                out.append(d)
                i = k + len(d)
                continue
            if k < n and t[k] == '{':                   # ${name}
                end = t.find('}', k)
                name = t[k + 1:end] if end >= 0 else ''
                if end < 0 or not name or not _is_ident_start(name[0]) or \
                        not all(_is_ident_char(c) for c in name):
                    if safe:
                        out.append(d)
                        i = k
                        continue
                    self._invalid(j)
                i = end + 1
            elif k < n and _is_ident_start(t[k]):       # $name
                e = k
                while e < n and _is_ident_char(t[e]):
                    e += 1
                name = t[k:e]
                i = e
            else:
                if safe:
                    out.append(d)
                    i = k
                    continue
                self._invalid(j)
            if safe:
                try:
                    out.append(str(mapping[name]))
                except KeyError:
                    out.append(t[j:i])
            else:
                out.append(str(mapping[name]))
        return ''.join(out)

    def _invalid(self, i):
        lines = self.template[:i].splitlines(keepends=True)
        if not lines:
            colno = 1
            lineno = 1
        else:
            colno = i - len(''.join(lines[:-1])) + 1
            lineno = len(lines)
        raise ValueError('Invalid placeholder in string: line %d, col %d' %
                         (lineno, colno))

    def substitute(self, mapping={}, /, **kws):
        if kws:
            mapping = {**mapping, **kws} if mapping else kws
        return self._scan(mapping, safe=False)

    def safe_substitute(self, mapping={}, /, **kws):
        if kws:
            mapping = {**mapping, **kws} if mapping else kws
        return self._scan(mapping, safe=True)

    def get_identifiers(self):
        ids = []
        class _Collect(dict):
            def __missing__(self, key):
                if key not in ids:
                    ids.append(key)
                return ''
        self._scan(_Collect(), safe=True)
        return ids

    def is_valid(self):
        try:
            self._scan({}, safe=False)
        except ValueError:
            return False
        except KeyError:
            return True
        return True


class Formatter:
    """str.format as a class whose steps can be overridden (basic: the
    whole format string is handed to str.format)."""

    def format(self, format_string, /, *args, **kwargs):
        return self.vformat(format_string, args, kwargs)

    def vformat(self, format_string, args, kwargs):
        return format_string.format(*args, **kwargs)

    def format_field(self, value, format_spec):
        return format(value, format_spec)

    def convert_field(self, value, conversion):
        if conversion is None:
            return value
        elif conversion == 's':
            return str(value)
        elif conversion == 'r':
            return repr(value)
        elif conversion == 'a':
            return ascii(value)
        raise ValueError("Unknown conversion specifier {0!s}".format(conversion))
