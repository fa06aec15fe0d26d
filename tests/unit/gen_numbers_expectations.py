#!/usr/bin/env python3
"""Regenerates core_numbers_data.inc: expected results of int/float
arithmetic, hashing, repr and format() for core_int_test.cpp,
core_float_test.cpp and core_format_test.cpp, computed by CPython 3.11 (the
oracle).  Run: python3 gen_numbers_expectations.py

Values are written so C++ can rebuild them exactly: ints as decimal text,
floats as float.hex() text (strtod reads it back bit for bit)."""
import math
import os

OPS = {'+': lambda a, b: a + b, '-': lambda a, b: a - b, '*': lambda a, b: a * b,
       '/': lambda a, b: a / b, '//': lambda a, b: a // b, '%': lambda a, b: a % b,
       '**': lambda a, b: a ** b, '<<': lambda a, b: a << b, '>>': lambda a, b: a >> b,
       '&': lambda a, b: a & b, '|': lambda a, b: a | b, '^': lambda a, b: a ^ b}


def c_str(s):
    out = '"'
    for ch in s:
        if ch in '\\"':
            out += '\\' + ch
        elif 32 <= ord(ch) < 127:
            out += ch
        else:
            for b in ch.encode('utf-8'):
                out += '\\x%02x""' % b
    return out + '"'


def lit(v):
    """A value as 'i:<decimal>' or 'f:<hex>'."""
    if isinstance(v, bool):
        raise TypeError
    if isinstance(v, int):
        return 'i:' + str(v)
    if math.isnan(v):
        return 'f:nan'
    if math.isinf(v):
        return 'f:' + ('-inf' if v < 0 else 'inf')
    return 'f:' + v.hex()


def outcome(f):
    try:
        r = f()
    except Exception as e:  # noqa: BLE001 - the message is the expectation
        return '!' + type(e).__name__ + ': ' + str(e)
    if isinstance(r, complex):
        # Deliberate difference: coil has no complex type.
        return '!NotImplementedError: complex numbers are not supported'
    if isinstance(r, tuple):
        return '(' + ', '.join(repr(x) for x in r) + ')'
    if isinstance(r, (int, float)):
        return type(r).__name__ + ' ' + repr(r)
    return repr(r)


B63 = 2 ** 63
INTS = [0, 1, -1, 2, -2, 7, -7, 255, 256, 257, -5, -6, 2 ** 53, 2 ** 53 + 1, B63 - 1, B63, -B63, -B63 - 1,
        B63 + 1, 2 ** 64, 2 ** 100, -(2 ** 100), 3 ** 50, -(7 ** 40), 10 ** 30 + 1]
FLOATS = [0.0, -0.0, 1.0, -1.0, 0.5, 2.5, -2.5, 1.5, 1e16, 1e-5, 0.1, 3.0, -3.0, 1e300, 5e-324,
          float('inf'), float('-inf'), float('nan'), 9007199254740993.0, 2.0 ** 63, 123.456]


def binary_cases():
    cases = []
    small = [0, 1, -1, 3, -3, 7, -7, 2 ** 62, B63 - 1, -B63, B63, 2 ** 100, -(2 ** 100), 10 ** 20 + 7]
    for op in OPS:
        for a in small:
            for b in small:
                if op == '**' and (abs(b) > 100):
                    continue
                if op in ('<<',) and b > 200:
                    continue
                if op == '**' and abs(a) > 2 ** 62 and b > 3:
                    continue
                cases.append((lit(a), op, lit(b), outcome(lambda: OPS[op](a, b))))
    mixed = [(1, 2.0), (2.5, 2), (-7.5, 2), (7.5, -2), (-7, 2.0), (1e300, 10 ** 10), (2 ** 1100, 1.0),
             (1.0, 0), (1, 0.0), (0.0, -1), (0.0, -1.0), (-8.0, 1 / 3), (10.0, 400.0), (2.0, -1074),
             (-0.0, 1.0), (5.0, -0.0), (float('inf'), 2.0), (float('nan'), 0.0), (3, 2 ** 1100),
             (10 ** 400, 10 ** 399), (1, 10 ** 400), (2 ** 1100 + 1, 2 ** 1000), (B63 + 1, 3),
             (-(10 ** 30), 7), (10 ** 30, -(10 ** 29 + 3)), (1, 3), (2, 3), (2 ** 53 + 1, 1),
             (6, 0), (6.5, 0.0), (-6.5, float('inf')), (6.5, float('-inf')), (1e308, 10.0)]
    for a, b in mixed:
        for op in ['+', '-', '*', '/', '//', '%', '**']:
            if op == '**' and isinstance(b, int) and abs(b) > 10000 and isinstance(a, int):
                continue
            cases.append((lit(a), op, lit(b), outcome(lambda: OPS[op](a, b))))
    return cases


def compare_cases():
    vals = [0, 1, -1, 2 ** 53, 2 ** 53 + 1, B63, -B63 - 1, 2 ** 1100, 0.0, 1.0, -1.0, 2.0 ** 53,
            9007199254740993.0, 2.0 ** 63, 0.5, float('inf'), float('-inf'), float('nan'), 1e308]
    cases = []
    for a in vals:
        for b in vals:
            r = ''.join('1' if f(a, b) else '0' for f in (
                lambda x, y: x < y, lambda x, y: x <= y, lambda x, y: x == y,
                lambda x, y: x != y, lambda x, y: x > y, lambda x, y: x >= y))
            cases.append((lit(a), lit(b), r))
    return cases


def hash_cases():
    vals = INTS + [2 ** 61 - 1, 2 ** 61, -(2 ** 61), 2 ** 61 - 2, -(2 ** 61 - 1)] + \
        [f for f in FLOATS if not math.isnan(f)] + [2.0 ** 61, 1e100, -1.5, 1e-300]
    return [(lit(v), hash(v)) for v in vals]


def repr_floats():
    import random
    random.seed(11)
    vals = list(FLOATS) + [1e15, 1e17, 123456789012345.67, 1.0e22, 1e-4, 0.0001, 0.00001, 1.7976931348623157e308,
                           2.2250738585072014e-308, 0.3, 2.0 / 3.0, 1e-7, 100.0, 12345678901234567890.0,
                           1234567890123456.7, 9.999999999999999e15, 4.35, 0.1 + 0.2]
    for _ in range(60):
        vals.append(random.uniform(-1, 1) * 10 ** random.randint(-30, 30))
    for _ in range(20):
        import struct
        bits = random.getrandbits(64)
        v = struct.unpack('<d', struct.pack('<Q', bits))[0]
        if not math.isnan(v):
            vals.append(v)
    return [(lit(v), repr(v)) for v in vals]


def format_cases():
    int_specs = ['', 'd', '5', '<5', '^7', '=+8', '+', ' ', '-', ',', '_', '010,', '09,', '08,', '07,', '06,',
                 'b', '#b', 'o', '#o', 'x', '#x', 'X', '#X', '#010x', '_b', '_x', 'c', 'n', 'e', '.2e', 'f',
                 '.3f', 'g', '%', '.1%', 'E', 'G', '*^12,', 'x<+9', 's', 'z', '.3', ',b', '+c', '_n',
                 '\u00e9>6', '0=8', '#08b', '=10', '020_d', '.0f', 'abc', '.', ',_', '99999999999999999999']
    float_specs = ['', 'e', 'E', 'f', 'F', 'g', 'G', 'n', '%', '.0', '.1', '.3', '.10', '.17', '.0e', '.3e',
                   '#.0e', '.0f', '#.0f', '.2f', '.10f', '#g', '.0g', '#.3g', 'g', '10', '<10', '^10',
                   '=+10.2f', '010.2f', '015,.2f', '=015_.2f', '+', ' ', 'z', 'z.1f', ',', '_f', ',.3f',
                   'x^14.3e', '-', '.3%', 'd', 'x', 'c', '#', '.20', '.30f', '.2', '.16', '020,', '+.1e']
    int_vals = [0, 1, -1, 42, -42, 255, 1234567, -1234567, 65, 10 ** 20, -(2 ** 70), B63]
    float_vals = [0.0, -0.0, 1.0, -1.5, 0.1, 2.5, 3.14159, 123456.789, -1234567.891, 1e16, 1e22, 1e-5,
                  1.5e-10, 12.0, 100.0, 1000.0, 0.001, -0.001, 1e300, float('inf'), float('-inf'),
                  float('nan'), 2.0 / 3.0, 5e-324, 1234567890123456789.0]
    cases = []
    for v in int_vals:
        for s in int_specs:
            cases.append((lit(v), s, outcome(lambda: format(v, s))))
    for v in float_vals:
        for s in float_specs:
            cases.append((lit(v), s, outcome(lambda: format(v, s))))
    return cases


def percent_cases():
    conv_int = ['%d', '%5d', '%-5d|', '%05d', '%+d', '% d', '%+05d', '% 05d', '%.3d', '%05.3d', '%x', '%#x',
                '%X', '%#X', '%o', '%#o', '%#010x', '%.3x', '%#.3x', '%i', '%u', '%-+6d|', '%.0d']
    conv_float = ['%f', '%e', '%g', '%E', '%G', '%F', '%.2f', '%10.3f', '%-10.2e|', '%010.2f', '%+f', '% f',
                  '%#.0f', '%#g', '%.0e', '%#.0e', '%.3g', '%010e', '%+010.1f', '%.15g', '%.20f']
    cases = []
    for v in [0, 1, -1, 5, 255, -255, 3.7, -3.7, True, 2 ** 70]:
        for c in conv_int:
            cases.append(('i', lit(int(v)) if not isinstance(v, float) else lit(v), c, outcome(lambda: c % v)))
    for v in [0.0, -0.0, 1.5, -1.5, 1e20, 1e-10, 123.456, float('inf'), float('-inf'), float('nan'), 7]:
        for c in conv_float:
            cases.append(('f', lit(v), c, outcome(lambda: c % v)))
    return cases


def round_cases():
    vals = [0.5, 1.5, 2.5, -2.5, 2.675, 1.005, 0.125, 0.375, 1234.5678, -1234.5678, 1e300, 1.7976931348623157e308,
            5e-324, 0.0, -0.0, 12345678.9, float('inf'), float('nan'), 1250.0, 1350.0, 1250.0000001]
    cases = []
    for v in vals:
        for nd in [None, 0, 1, 2, 3, -1, -2, -3, 400, -400, -308]:
            cases.append((lit(v), 'None' if nd is None else str(nd),
                          outcome(lambda: round(v) if nd is None else round(v, nd))))
    for v in [0, 5, 15, 25, -25, 1234, 1250, 1350, -1250, 10 ** 30 + 5 * 10 ** 9, 2 ** 70]:
        for nd in [None, 0, 2, -1, -2, -3, -10, -100]:
            cases.append((lit(v), 'None' if nd is None else str(nd),
                          outcome(lambda: round(v) if nd is None else round(v, nd))))
    return cases


def parse_cases():
    ints = [('0', 10), ('  42  ', 10), ('-17', 10), ('+5', 10), ('1_000', 10), ('1__0', 10), ('_1', 10),
            ('1_', 10), ('0x1f', 16), ('0x1f', 0), ('0o17', 0), ('0b101', 0), ('017', 0), ('00', 0),
            ('0_0', 0), ('ff', 16), ('FF', 16), ('z', 36), ('10', 2), ('12', 2), ('', 10), (' ', 10),
            ('abc', 10), ('9223372036854775808', 10), ('-9223372036854775809', 10), ('1' * 40, 10),
            ('0x_ff', 16), ('0x_ff', 0), ('0X', 16), ('\u00a012\u3000', 10), ('12', 1), ('12', 37),
            ('1.5', 10), ('-0', 10), ('- 1', 10), ('0b', 0), ('1e5', 10)]
    floats = ['1.5', '  -2.25e3 ', '1_0.5', '1__0.5', 'inf', '-Infinity', 'nan', '+NaN', '.5', '5.', '.',
              '1e', '1e+', '1e-3', '1_e3', '1e1_0', 'x', '', '0x10', '1e500', '-1e500', '1e-500',
              '\u20031.25\u2003', '0.1', '9007199254740993', '2.5e-324', '1.7976931348623157e308', 'in f']
    out = []
    for s, b in ints:
        out.append(('i', s, b, outcome(lambda: int(s, b))))
    for s in floats:
        out.append(('f', s, 0, outcome(lambda: float(s))))
    return out


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    lines = ['// Generated by gen_numbers_expectations.py from CPython 3.11 -- do not edit.', '']
    lines.append('static const BinaryCase kBinaryCases[] = {')
    for a, op, b, r in binary_cases():
        lines.append('    {%s, %s, %s, %s},' % (c_str(a), c_str(op), c_str(b), c_str(r)))
    lines.append('};')
    lines.append('static const CompareCase kCompareCases[] = {')
    for a, b, r in compare_cases():
        lines.append('    {%s, %s, %s},' % (c_str(a), c_str(b), c_str(r)))
    lines.append('};')
    lines.append('static const HashCase kHashCases[] = {')
    for a, h in hash_cases():
        lines.append('    {%s, %dLL},' % (c_str(a), h))
    lines.append('};')
    lines.append('static const ReprCase kFloatReprCases[] = {')
    for a, r in repr_floats():
        lines.append('    {%s, %s},' % (c_str(a), c_str(r)))
    lines.append('};')
    lines.append('static const FormatCase kFormatCases[] = {')
    for a, s, r in format_cases():
        lines.append('    {%s, %s, %s},' % (c_str(a), c_str(s), c_str(r)))
    lines.append('};')
    lines.append('static const PercentCase kPercentCases[] = {')
    for k, a, c, r in percent_cases():
        lines.append('    {%s, %s, %s},' % (c_str(a), c_str(c), c_str(r)))
    lines.append('};')
    lines.append('static const RoundCase kRoundCases[] = {')
    for a, nd, r in round_cases():
        lines.append('    {%s, %s, %s},' % (c_str(a), c_str(nd), c_str(r)))
    lines.append('};')
    lines.append('static const ParseCase kParseCases[] = {')
    for k, s, b, r in parse_cases():
        lines.append('    {\'%s\', %s, %d, %s},' % (k, c_str(s), b, c_str(r)))
    lines.append('};')
    with open(os.path.join(here, 'core_numbers_data.inc'), 'w') as f:
        f.write('\n'.join(lines) + '\n')


if __name__ == '__main__':
    main()
