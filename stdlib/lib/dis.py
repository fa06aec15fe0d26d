"""Disassembler of coil bytecode.

dis.dis(x) prints the instructions of a function, method, class (each of its
methods), code object or source string, laid out like CPython's dis.  The
instruction set is coil's own (see vm/opcodes.h): one 32-bit word per
instruction, shown at offsets of 2 as CPython shows its code units.
"""

import _dis

opname = _dis.opname

__all__ = ["dis", "opname", "code_info"]


def _get_code(x):
    if hasattr(x, "__func__"):  # a bound method
        x = x.__func__
    if hasattr(x, "__code__"):  # a function
        return x.__code__
    if hasattr(x, "gi_code"):  # a generator
        return x.gi_code
    if hasattr(x, "cr_code"):  # a coroutine
        return x.cr_code
    if isinstance(x, str):
        return compile(x, "<dis>", "exec")
    if hasattr(x, "co_code") or type(x).__name__ == "code":
        return x
    raise TypeError("don't know how to disassemble %s objects" % type(x).__name__)


def dis(x=None, *, file=None, depth=None):
    """Disassemble a function, method, class, code object or source string."""
    if x is None:
        raise TypeError("dis() without an argument is not supported")
    if isinstance(x, type):
        for name, value in sorted(vars(x).items()):
            if hasattr(value, "__func__"):
                value = value.__func__
            if hasattr(value, "__code__"):
                print("Disassembly of %s:" % name, file=file)
                dis(value, file=file, depth=depth)
                print(file=file)
        return
    text = _dis.disassemble(_get_code(x), depth is None or depth > 0)
    print(text, end="", file=file)


def code_info(x):
    """A description of a code object's names and sizes."""
    co = _get_code(x)
    lines = [
        "Name:              %s" % co.co_name,
        "Filename:          %s" % co.co_filename,
        "Argument count:    %d" % co.co_argcount,
        "Positional-only arguments: %d" % co.co_posonlyargcount,
        "Kw-only arguments: %d" % co.co_kwonlyargcount,
        "Number of locals:  %d" % co.co_nlocals,
        "Stack size:        %d" % co.co_stacksize,
    ]
    return "\n".join(lines)
