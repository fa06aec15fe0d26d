#!/usr/bin/env python3
"""Generates the lexer's oracle test data from CPython 3.11.

    python3 tests/unit/lexer_cases/gen.py      (or ./regen.sh)

writes, next to this script:

  tokens.inc    token streams, from `tokenize` (the module behind
                `python3 -m tokenize`), with columns converted to UTF-8
                bytes, comments/NL dropped and literal values decoded
                with ast.literal_eval;
  errors.inc    for sources the lexer must reject: the SyntaxError that
                compile() raises (type, msg, lineno, offset-1,
                end_lineno, end_offset-1; columns converted to bytes);
  fstrings.inc  f-string splits, read off the AST CPython builds
                (JoinedStr / FormattedValue), in the serialised form that
                lexer_oracle_test.cpp produces from split_fstring.

Only the inputs below are written by hand; every expected value comes from
CPython.  The C++ side (lexer_oracle_test.cpp) includes the .inc files.
"""
import ast
import io
import os
import sys
import token as T
import tokenize
import warnings

HERE = os.path.dirname(os.path.abspath(__file__))

KEYWORDS = {
    "False", "None", "True", "and", "as", "assert", "async", "await", "break",
    "class", "continue", "def", "del", "elif", "else", "except", "finally",
    "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal",
    "not", "or", "pass", "raise", "return", "try", "while", "with", "yield"}

# ---- inputs: valid sources, compared token by token with tokenize -----------
TOKEN_CASES = [
    ("empty", ""),
    ("one_name", "x"),
    ("assign", "x = 1\n"),
    ("no_final_newline", "if x:\n    y = 1"),
    ("blank_and_comment_lines", "x = 1\n\n   \n# c\n    # indented comment\ny = 2  # tail\n"),
    ("comment_only", "# only a comment"),
    ("indent_dedent", "if a:\n    b\n    if c:\n        d\n    e\nf\n"),
    ("dedent_many_at_eof", "if a:\n  if b:\n    if c:\n      d\n"),
    ("dedent_two_levels", "if a:\n  if b:\n    c\nd\n"),
    ("tabs_indent", "if a:\n\tb\n\tif c:\n\t\td\n"),
    ("tab_after_spaces_consistent", "if a:\n        b\n        c\n"),
    ("formfeed_resets_indent", "if 1:\n  pass\n\f  x\n"),
    ("formfeed_line", "x = 1\n\f\ny = 2\n"),
    ("brackets_join_lines", "x = (1,\n  2,\n    3)\ny = [\n]\nz = {\n 'a': 1,\n}\n"),
    ("indent_inside_brackets_ignored", "if a:\n    f(1,\n2,\n        3)\n    g()\n"),
    ("backslash_continuation", "x = 1 + \\\n    2\ny = 3\n"),
    ("backslash_in_brackets", "x = (1 + \\\n 2)\n"),
    ("comment_in_brackets", "x = [  # c\n  1,  # d\n]\n"),
    ("blank_lines_in_block", "def f():\n    a = 1\n\n    b = 2\n\n\nc = 3\n"),
    ("semicolons", "a = 1; b = 2;\n"),
    ("keywords", "False None True and as assert async await break class continue "
                 "def del elif else except finally for from global if import in is "
                 "lambda nonlocal not or pass raise return try while with yield\n"),
    ("soft_keywords", "match x:\n    case _:\n        pass\n"),
    ("names", "_ __x x1 _1a Abc\n"),
    ("unicode_names", "café = 1\nπ = 3.14\n日本語 = 'x'\nxΩ_2 = π\n"),
    ("operators", "( ) [ ] { } : , ; . ... -> := @ = + - * / // % ** & | ^ ~ << >> "
                  "< > <= >= == != += -= *= /= //= %= **= &= |= ^= <<= >>= @=\n"),
    ("operators_packed", "a+=b-=c**=d//=e>>=f<<=g@=h\n"),
    ("dots", "a.b ... x...y\n"),
    ("ints", "0 7 00 0_0 123 1_000_000 0x1f 0XFF 0x_ab_cd 0o17 0O7 0o_1 0b101 0B1 0b_1_0\n"),
    ("floats", "1. .5 1.5 1e10 1E+5 1e-5 1_0.0_1e+1_0 0.0 00.5 09.5 007. 007e1 00e5\n"),
    ("imaginary", "1j 1J 1.5j .5j 1e3j 0j 00j 007j 1_0j\n"),
    ("number_then_keyword", "x = 1if y else 2\nz = 0x1for\nw = 1or 2\n"),
    ("number_then_dot", "1..real\n"),
    ("strings_quotes", "'a' \"b\" '''c''' \"\"\"d\"\"\" '' \"\" '''''' \"\"\"\"\"\"\n"),
    ("strings_prefixes", "r'a' R'b' u'c' U'd' b'e' B'f' br'g' Br'h' rb'i' RB'j' f'k' "
                         "F'l' fr'm' Rf'n' rF'o'\n"),
    ("string_escapes", r"'\n\t\r\\\'\"\a\b\f\v\0\7\77\101\777\x41\u00e9\U0001F600\N{BULLET}'" "\n"),
    ("string_unknown_escapes", r"'\d\w\ \%\{\é'" "\n"),
    ("string_escaped_newline", "x = 'ab\\\ncd'\n"),
    ("triple_multiline", "x = '''line1\nline2\n  line3'''\ny = 1\n"),
    ("triple_with_quotes", "x = '''a'b''c'''\ny = \"\"\"a\"b\"\"c\"\"\"\n"),
    ("triple_ending_quotes", "x = '''a\\''''  # \n"),
    ("raw_strings", r"r'\n\t\\' r'\'' r'\"' rb'\x00\n'" "\n"),
    ("bytes_escapes", r"b'\n\t\x00\xff\377\777\0\\\'\"\a\b\f\v\d\u1234\N{x}'" "\n"),
    ("unicode_in_string", "s = 'héllo wörld €'  # ünïcode\n"),
    ("fstring_bodies", "f'{x}' f\"{x!r:>{w}}\" f'''{a}\n{b}''' rf'\\{x}' f'' f'{{}}'\n"),
    ("adjacent_strings", "x = ('a' 'b'\n     \"c\")\n"),
    ("string_in_expr", "print('a', b\"c\", end='')\n"),
    ("class_def", "class A(B, metaclass=M):\n    @dec\n    def f(self, *a, **k) -> int:\n"
                  "        return a[1:2, ...]\n"),
    ("lambda_walrus", "f = lambda x, /, y=1, *, z: (w := x @ y)\n"),
    ("async_def", "async def f():\n    await g()\n    async with a as b:\n        pass\n"),
    ("continuation_then_comment", "x = 1 + \\\n  2  # c\n"),
    ("deep_nesting", "x = " + "(" * 50 + "1" + ")" * 50 + "\n"),
    ("nested_functions", "def f():\n    def g():\n        return 1\n    return g\n\nprint(f()())\n"),
    ("trailing_whitespace", "x = 1   \ny = 2\t\n"),
    ("try_except", "try:\n    pass\nexcept (A, B) as e:\n    raise\nfinally:\n    del x\n"),
    ("unicode_columns", "x = 'é'; y = '日本'; z = 1\n"),
    ("decorators_and_matmul", "@a.b(1)\ndef f(): return x @ y\n"),
    ("global_nonlocal", "def f():\n    global a\n    def g():\n        nonlocal b\n"),
]

# ---- inputs: invalid sources, compared with compile()'s SyntaxError ---------
ERROR_CASES = [
    # indentation
    ("unindent_mismatch", "if x:\n  a\n b\n"),
    ("unindent_mismatch_long", "def f():\n    return 1\n  x = 2\n"),
    ("tab_error_tab_then_spaces", "if x:\n\ta\n        b\n"),
    ("tab_error_spaces_then_tab", "if x:\n        a\n\tb\n"),
    ("tab_error_mixed", "if x:\n  \ta\n\t  b\n"),
    ("too_many_indent_levels", "".join(" " * i + "if 1:\n" for i in range(101)) + " " * 101 + "pass\n"),
    ("backslash_in_indent", "if 1:\n  x\n \\\n  y\n"),
    # line continuation
    ("char_after_backslash", "x = 1 \\ 2"),
    ("char_after_backslash_line2", "x = 1\ny = (1 \\ 2)"),
    ("backslash_at_eof", "x = 1 \\"),
    ("backslash_newline_at_eof", "x = 1 \\\n"),
    ("lone_backslash", "x = 1\n\\\n"),
    ("backslash_at_eof_in_brackets", "x = (1 \\\n"),
    # brackets
    ("unmatched_paren", ")"),
    ("unmatched_after_call", "f(a, b))"),
    ("unmatched_line2", "x = 1\n)\n"),
    ("unmatched_brace", "x = }"),
    ("mismatch_same_line", "(]"),
    ("mismatch_other_line", "x = [1,\n  (2,)}\n"),
    ("never_closed", "(1,\n2"),
    ("never_closed_inner", "x = [1,\n  (2,\n"),
    ("never_closed_outer", "x = [1,\n  (2,)\n"),
    ("never_closed_brace", "d = {'a': 1,\n"),
    ("too_many_parens", "x = " + "(" * 201),
    # characters
    ("invalid_character_euro", "1 € 2"),
    ("invalid_character_in_name", "x€ = 1"),
    ("invalid_nonprintable_nbsp", "a\xa0b"),
    ("invalid_nonprintable_ascii", "x = 1\x01"),
    ("invalid_nonprintable_del", "x = 1\x7f"),
    ("invalid_nonprintable_vt", "x = 1 \x0b 2"),
    ("invalid_character_after_unicode", "é€ = 1"),
    ("invalid_bom_in_middle", "x = 1\n\ufeffy = 2\n"),
    ("dollar", "x$"),
    ("question_mark", "x ? y"),
    ("backtick", "x = `a`"),
    ("bang", "a!b"),
    ("not_equal_pep401", "x <> y"),
    # numbers
    ("decimal_then_letters", "1abc"),
    ("decimal_then_not_keyword", "1nota"),
    ("leading_zeros", "0777"),
    ("leading_zeros_underscore", "0_7"),
    ("leading_zeros_09", "09"),
    ("octal_bad_digit", "0o78"),
    ("octal_bad_digit_after_underscore", "0o1_9"),
    ("octal_empty", "0o"),
    ("binary_bad_digit", "0b12"),
    ("binary_bad_digit_after_underscore", "0b1_2"),
    ("binary_empty", "0b"),
    ("binary_underscore_only", "0b_"),
    ("binary_double_underscore", "0b1__1"),
    ("binary_trailing_underscore", "0b1_"),
    ("hex_bad", "0xg"),
    ("hex_empty", "0x"),
    ("hex_double_underscore", "0x__1"),
    ("hex_bad_after_underscore", "0x1_g"),
    ("hex_then_else", "0x1else 2"),
    ("double_underscore", "1__0"),
    ("trailing_underscore", "1_"),
    ("trailing_underscores", "1__"),
    ("zero_trailing_underscore", "0_"),
    ("zeros_trailing_underscore", "0_0_"),
    ("exponent_empty", "1e"),
    ("exponent_sign_only", "1e+"),
    ("exponent_underscore", "1e_5"),
    ("exponent_trailing_underscore", "1e5_"),
    ("exponent_double_underscore", "1e5__1"),
    ("exponent_then_letter", "1e5x"),
    ("zero_exponent_empty", "0e"),
    ("dot_exponent_empty", "1.e"),
    ("underscore_before_dot", "1_.0"),
    ("float_then_letter", "1.5x"),
    ("float_trailing_underscore", "1.5_"),
    ("fraction_trailing_underscore", ".5_"),
    ("fraction_exponent_empty", ".5e"),
    ("float_then_name", "1.__class__"),
    ("zero_dot_letter", "0.x"),
    ("imaginary_then_letter", "1jx"),
    ("imaginary_then_underscore", "1j_"),
    # strings
    ("unterminated_single", "x = (\"abc"),
    ("unterminated_prefixed", "x = rb\"abc"),
    ("unterminated_at_newline", "x = \"abc\ndef\""),
    ("unterminated_escaped_newline", "x = 'abc\\\ndef"),
    ("unterminated_backslash_eof", "x = \"abc\\"),
    ("unterminated_triple", "x = \"\"\"abc"),
    ("unterminated_triple_lines", "x = \"\"\"abc\n\n"),
    ("unterminated_triple_fstring", "x = 1\nx = f'''abc\n"),
    ("unterminated_second_string", "x = (\"a\" \"b"),
    ("bytes_non_ascii", "x = b\"é\""),
    ("bytes_bad_hex", "x = b\"\\x4\""),
    ("bytes_bad_hex_late", "x = b\"ab\\x4g\" + y"),
    ("str_truncated_x", "x = \"\\x4\""),
    ("str_truncated_x_after_unicode", "x = \"é\\x4\""),
    ("str_truncated_u", "x = '\\u12'"),
    ("str_truncated_U", "x = '\\U1234'"),
    ("str_illegal_U", "x = \"\\U00110000\""),
    ("str_unknown_name", "x = \"\\N{foo}\""),
    ("str_malformed_N", "x = \"\\N\""),
    ("str_malformed_N_brace", "x = '\\N{'"),
    ("str_malformed_N_empty", "x = '\\N{}'"),
    ("str_error_then_call", "f('\\x')"),
    # f-strings
    ("fstring_empty_expression", "f\"{}\"\n"),
    ("fstring_empty_expression_then_op", "f\"{}\" + 1\n"),
    ("fstring_blank_expression", "f\"{ }\""),
    ("fstring_expression_before_bang", "f\"{!r}\""),
    ("fstring_expression_before_colon", "f\"{:x}\""),
    ("fstring_expression_before_equal", "f\"{=}\""),
    ("fstring_bad_conversion", "f\"{x!z}\""),
    ("fstring_missing_conversion", "f\"{x!}\""),
    ("fstring_open_brace", "f\"{\""),
    ("fstring_single_close", "f\"}\""),
    ("fstring_unclosed_field", "f\"{x\""),
    ("fstring_unclosed_after_bang", "f\"{x!\""),
    ("fstring_unclosed_after_conversion", "f\"{x!r\""),
    ("fstring_unclosed_after_colon", "f\"{x:\""),
    ("fstring_nested_too_deeply", "f\"{x:{y:{z}}}\""),
    ("fstring_comment", "f\"{x#}\""),
    ("fstring_backslash", "f\"{x\\n}\""),
    ("fstring_mismatched_paren", "f\"{(}\""),
    ("fstring_unmatched_paren", "f\"{)}\""),
    ("fstring_mismatched_bracket", "f\"{(]}\""),
    ("fstring_equal_then_conversion_order", "f\"{x!r=}\""),
    ("fstring_empty_in_spec", "f\"{x:{}}\""),
    ("fstring_single_close_after_field", "f\"{x}}\""),
    ("fstring_doubled_then_single", "f\"{{}\""),
    ("fstring_unterminated_inner_string", "f'{\"a}'"),
    ("fstring_unterminated_inner_triple", "f'''{\"a}'''"),
    ("fstring_conversion_too_long", "f\"{x!rr}\""),
    ("fstring_bad_conversion_in_spec", "f\"{x!r:{y!z}}\""),
    ("fstring_bad_N_escape", "f\"\\N{BULLET\""),
    ("fstring_bad_escape_before_field", "f\"\\x4{x}\""),
    ("fstring_bad_escape_after_field", "f\"{x}\\x4\""),
    ("fstring_unmatched_open_paren", "f\"{(x}\""),
    # bytes Python refuses before tokenizing
    ("null_byte_line2", "x = 1\ny = \"a\0b\"\n"),
]

# ---- inputs: f-strings, split and compared with CPython's AST ----------------
FSTRING_CASES = [
    ("plain", "f'abc'"),
    ("empty", "f''"),
    ("one_field", "f'{x}'"),
    ("text_and_fields", "f'a{x}b{y}c'"),
    ("doubled_braces", "f'{{a}} {{{x}}}'"),
    ("conversions", "f'{a!r} {b!s} {c!a}'"),
    ("spec", "f'{x:>10}'"),
    ("empty_spec", "f'{x:}'"),
    ("spec_with_field", "f'{x:>{width}.{prec}f}'"),
    ("spec_with_conversion", "f'{x!r:^20}'"),
    ("spec_braces_close", "f'{x:}}}'"),
    ("debug", "f'{x=}'"),
    ("debug_spaces", "f'{ x = }'"),
    ("debug_with_spec", "f'{x=:>5}'"),
    ("debug_with_conversion", "f'{x=!s}'"),
    ("debug_text_merges", "f'a{x=}b'"),
    ("operators_in_expr", "f'{a != b} {a == b} {a <= b} {a >= b} {a < b} {a > b}'"),
    ("nested_brackets", "f'{d[\"k\"]} {f(a, b)} {[1, 2][0]} { {1: 2}[1]}'"),
    ("string_in_expr", "f'{\"}\" + \"{\"}'"),
    ("triple_string_in_expr", "f'''{\"\"\"a\"\"\"}'''"),
    ("lambda_in_parens", "f'{(lambda x: x)(1)}'"),
    ("dict_in_expr", "f'{ {\"a\": 1}[\"a\"] }'"),
    ("escapes_in_literal", "f'\\n\\t{x}\\x41\\u00e9'"),
    ("named_escape", "f'\\N{BULLET} {x}'"),
    ("backslash_before_brace", "f'\\{x}'"),
    ("raw", "rf'\\n{x}\\d'"),
    ("raw_doubled", "rf'{{\\}}'"),
    ("unicode_text", "f'é{x}€'"),
    ("unicode_expr", "f'{café}'"),
    ("whitespace_expr", "f'{  x  }'"),
    ("not_equal_at_top", "f'{x!=y}'"),
    ("multiline_triple", "f'''a\n{x}\nb'''"),
    ("many_fields", "f'{a}{b}{c}{d}'"),
    ("spec_with_text_and_field", "f'{x:*^{w}}'"),
    ("nested_spec_debug", "f'{x:{y=}}'"),
]


# ---- helpers --------------------------------------------------------------------
def c_string(data):
    """A C++ string_view literal for `data` (str or bytes), exact bytes."""
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")
    out = []
    for b in data:
        ch = chr(b)
        if 0x20 <= b < 0x7F and ch not in '"\\?':
            out.append(ch)
        else:
            out.append("\\%03o" % b)
    return '"' + "".join(out) + '"sv'


def byte_col(lines, lineno, col):
    if 1 <= lineno <= len(lines):
        return len(lines[lineno - 1][:col].encode("utf-8"))
    return col


def number_kind(text):
    low = text.lower()
    if low.startswith(("0x", "0o", "0b")):
        return "INT"
    if low.endswith("j"):
        return "IMAG"
    if "." in low or "e" in low:
        return "FLOAT"
    return "INT"


def expected_tokens(src):
    lines = src.split("\n")
    out = []
    for tk in tokenize.generate_tokens(io.StringIO(src).readline):
        if tk.type in (T.COMMENT, T.NL, T.ENCODING):
            continue
        assert tk.type != T.ERRORTOKEN, (src, tk)  # inputs must tokenize
        (l1, c1), (l2, c2) = tk.start, tk.end
        c1, c2 = byte_col(lines, l1, c1), byte_col(lines, l2, c2)
        s = tk.string
        kind, str_kind, text = T.tok_name[tk.type], 0, ""
        if tk.type == T.NAME:
            if s in KEYWORDS:
                kind = s
            else:
                text = s
        elif tk.type == T.OP:
            kind = s
        elif tk.type == T.NUMBER:
            text = s.replace("_", "")
            if len(text) > 1 and text[0] == "0" and text[1] in "XOB":
                text = "0" + text[1].lower() + text[2:]
            kind = number_kind(text)
        elif tk.type == T.STRING:
            i = 0
            while s[i] not in "'\"":
                i += 1
            prefix = s[:i].lower()
            q = 3 if s[i:i + 3] in ('"""', "'''") else 1
            if "f" in prefix:
                str_kind, text = 2, s[i + q:len(s) - q]
            else:
                value = ast.literal_eval(s)
                if isinstance(value, bytes):
                    str_kind, text = 1, value
                else:
                    text = value
        elif tk.type == T.NEWLINE:
            # tokenize gives the implicit final NEWLINE the width of the
            # missing '\n'; the C tokenizer sees one byte either way.
            l2, c2 = l1, c1 + 1
        out.append((kind, l1, c1, l2, c2, str_kind, text))
    return out


def expected_error(src):
    try:
        compile(src, "<case>", "exec")
    except SyntaxError as e:
        lines = src.replace("\r\n", "\n").split("\n")

        def col(lineno, offset):
            if offset is None:
                return 0
            if offset <= 0:
                return offset - 1
            return byte_col(lines, lineno, offset - 1)

        return (type(e).__name__, e.msg, e.lineno, col(e.lineno, e.offset),
                e.end_lineno if e.end_lineno is not None else 0,
                col(e.end_lineno, e.end_offset))
    except ValueError as e:  # compile() refuses NUL bytes this way
        return None
    raise AssertionError(f"case compiles without error: {src!r}")


def null_byte_error(src):
    # compile() raises ValueError for NUL; running a file gives the
    # SyntaxError the lexer reproduces, at the NUL's line with offset 0.
    lineno = src[:src.index("\0")].count("\n") + 1
    return ("SyntaxError", "source code cannot contain null bytes", lineno, -1, lineno, -1)


def serialise_joined(values, src_lines):
    parts = []
    for v in values:
        if isinstance(v, ast.Constant):
            parts.append("L%d:%s" % (len(v.value.encode("utf-8")), v.value))
        else:
            seg = ast.get_source_segment("\n".join(src_lines), v.value)
            conv = "" if v.conversion == -1 else chr(v.conversion)
            item = f"F[{len(seg.encode())}:{seg}@{v.value.lineno}:{v.value.col_offset}!{conv}"
            if v.format_spec is not None:
                item += ":" + serialise_joined(v.format_spec.values, src_lines)
            parts.append(item + "]")
    return "(" + " ".join(parts) + ")"


def expected_split(src):
    tree = ast.parse(src)
    joined = tree.body[0].value
    assert isinstance(joined, ast.JoinedStr), src
    return serialise_joined(joined.values, src.split("\n"))


# ---- writing ----------------------------------------------------------------------
HEADER = ("// Generated by tests/unit/lexer_cases/gen.py from CPython %s.\n"
          "// Do not edit: change the inputs in gen.py and run regen.sh.\n" % sys.version.split()[0])


def write(name, lines):
    with open(os.path.join(HERE, name), "w", encoding="utf-8") as f:
        f.write(HEADER + "\n".join(lines) + "\n")


def main():
    if sys.version_info[:2] != (3, 11):
        sys.exit("run this with CPython 3.11")
    warnings.simplefilter("ignore")

    lines = []
    for name, src in TOKEN_CASES:
        toks = expected_tokens(src)
        lines.append(f"{{\"{name}\", {c_string(src)}, {{")
        for kind, l1, c1, l2, c2, sk, text in toks:
            lines.append(f"    {{\"{kind}\", {l1}, {c1}, {l2}, {c2}, {sk}, {c_string(text)}}},")
        lines.append("}},")
    write("tokens.inc", lines)

    lines = []
    for name, src in ERROR_CASES:
        err = expected_error(src) if "\0" not in src else null_byte_error(src)
        typ, msg, l1, c1, l2, c2 = err
        lines.append(f"{{\"{name}\", {c_string(src)}, \"{typ}\", {c_string(msg)}, "
                     f"{l1}, {c1}, {l2}, {c2}}},")
    write("errors.inc", lines)

    lines = []
    for name, src in FSTRING_CASES:
        lines.append(f"{{\"{name}\", {c_string(src)}, {c_string(expected_split(src))}}},")
    write("fstrings.inc", lines)


if __name__ == "__main__":
    main()
