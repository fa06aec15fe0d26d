"""fnmatch — shell-style wildcards: `*`, `?`, `[seq]` and `[!seq]`.

translate() turns a pattern into a regular expression; the matching
functions compile it once (cached) with the re module.
"""

import os
import posixpath
import re

__all__ = ["filter", "fnmatch", "fnmatchcase", "translate"]

_cache = {}


def fnmatch(name, pat):
    """Test whether name matches pat (case is normalised as os.path does)."""
    name = os.path.normcase(name)
    pat = os.path.normcase(pat)
    return fnmatchcase(name, pat)


def _compile_pattern(pat):
    key = (type(pat), pat)
    match = _cache.get(key)
    if match is None:
        if isinstance(pat, bytes):
            pat_str = str(pat, "ISO-8859-1")
            res_str = translate(pat_str)
            res = bytes(res_str, "ISO-8859-1")
        else:
            res = translate(pat)
        if len(_cache) > 256:
            _cache.clear()
        match = _cache[key] = re.compile(res).match
    return match


def filter(names, pat):
    """The names of the list that match pat."""
    result = []
    pat = os.path.normcase(pat)
    match = _compile_pattern(pat)
    for name in names:
        if match(os.path.normcase(name)):
            result.append(name)
    return result


def fnmatchcase(name, pat):
    """Test whether name matches pat, case-sensitively."""
    match = _compile_pattern(pat)
    return match(name) is not None


_STAR = object()


def translate(pat):
    """Translate a shell pattern to a regular expression (anchored at the end).

    Text between two stars becomes an atomic group `(?>.*?text)`: once the
    shortest match of a middle piece is found it is never retried, which
    keeps patterns with many stars from backtracking exponentially."""
    i, n = 0, len(pat)
    res = []
    while i < n:
        c = pat[i]
        i += 1
        if c == "*":
            # Consecutive stars mean one star.
            if not res or res[-1] is not _STAR:
                res.append(_STAR)
        elif c == "?":
            res.append(".")
        elif c == "[":
            j = i
            if j < n and pat[j] == "!":
                j += 1
            if j < n and pat[j] == "]":
                j += 1
            while j < n and pat[j] != "]":
                j += 1
            if j >= n:
                res.append("\\[")
            else:
                stuff = pat[i:j]
                i = j + 1
                if not stuff:
                    res.append("(?!)")
                elif stuff == "!":
                    res.append(".")
                else:
                    stuff = stuff.replace("\\", "\\\\")
                    if stuff[0] == "!":
                        stuff = "^" + stuff[1:]
                    elif stuff[0] in ("^", "["):
                        stuff = "\\" + stuff
                    stuff = re.sub(r"([&~|])", r"\\\1", stuff)
                    res.append("[" + stuff + "]")
        else:
            res.append(re.escape(c))
    return "(?s:" + _join_stars(res) + ")\\Z"


def _join_stars(tokens):
    out = []
    i, n = 0, len(tokens)
    while i < n and tokens[i] is not _STAR:
        out.append(tokens[i])
        i += 1
    while i < n:
        i += 1   # skip the star
        if i == n:
            out.append(".*")
            break
        fixed = []
        while i < n and tokens[i] is not _STAR:
            fixed.append(tokens[i])
            i += 1
        fixed = "".join(fixed)
        if i == n:
            out.append(".*")
            out.append(fixed)
        else:
            out.append("(?>.*?" + fixed + ")")
    return "".join(out)
