#!/usr/bin/env python3.12
"""gen_str_cases.py — writes runtime/objects/str_cases_test.inc: str method
calls, str operators, format(), str.format(), %-formatting, chr/ord/ascii,
with the results (or exact exceptions) CPython 3.12 gives, checked by
runtime/objects/str_cases_test.cc. Also writes the per-block digests of
every code point's Unicode properties (runtime/core/unicode_cases_test.inc),
checked by runtime/core/unicode_test.cc.

Run with CPython 3.12 from the repository root:
    /root/.pyenv/versions/3.12.1/bin/python3.12 tests/unit/gen/gen_str_cases.py

Each case is one C++ statement in a generated function:
    ck.run(OP, RECEIVER, {ARGS}, {KWARGS}, "EXPECT", LINE);
OP is a str method name or one of "%", "format()", "[]", "in", "iter",
"chr", "ord", "ascii", "repr", "maketrans", "format_value"; values are built
with S(utf8, len) str, I("0x7b") int (hex), F(hex) float, B(0/1), N() None,
T({...}) tuple, L({...}) list, D({{k, v}, ...}) dict. EXPECT is repr(result)
or "E:<ExcType>:<message>".
"""
import os
import random
import sys
import unicodedata

assert sys.version_info[:2] == (3, 12), "expectations must come from CPython 3.12"
random.seed(3120)

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))


def c_string(s):
    out = []
    for byte in s.encode("utf-8", "surrogatepass"):
        ch = chr(byte)
        if ch == '"' or ch == "\\":
            out.append("\\" + ch)
        elif 32 <= byte < 127 and ch != "?":
            out.append(ch)
        else:
            out.append("\\%03o" % byte)
    return '"' + "".join(out) + '"'


def cx(v):
    """A C++ expression building v."""
    if v is None:
        return "N()"
    if v is True or v is False:
        return "B(%d)" % int(v)
    if isinstance(v, int):
        return 'I("%s")' % hex(v)
    if isinstance(v, float):
        if v != v:
            return "F(NAN)"
        if v in (float("inf"), float("-inf")):
            return "F(%sINFINITY)" % ("-" if v < 0 else "")
        return "F(%s)" % v.hex()
    if isinstance(v, str):
        return "S(%s, %d)" % (c_string(v), len(v.encode("utf-8", "surrogatepass")))
    if isinstance(v, tuple):
        return "T({%s})" % ", ".join(cx(x) for x in v)
    if isinstance(v, list):
        return "L({%s})" % ", ".join(cx(x) for x in v)
    if isinstance(v, dict):
        return "D({%s})" % ", ".join("{%s, %s}" % (cx(k), cx(x)) for k, x in v.items())
    raise TypeError(type(v))


def outcome(f):
    try:
        r = f()
    except Exception as e:  # noqa: BLE001
        return "E:%s:%s" % (type(e).__name__, e)
    return repr(r)


cases = []


def method_call(op, recv, args, kwargs):
    """recv.op(args..., k=v...) written out as source, so CPython takes the
    same call path as a program's `s.find(x, k=v)` (bound-method calls word
    some errors differently)."""
    src = "lambda r, a, k: r.%s(%s)" % (op, ", ".join(["a[%d]" % i for i in range(len(args))] +
                                                    ["%s=k[%r]" % (key, key) for key in kwargs]))
    fn = eval(src)  # noqa: S307
    return lambda: fn(recv, args, kwargs)


def case(op, recv, args=(), kwargs=None, f=None):
    kwargs = kwargs or {}
    if f is None:
        f = method_call(op, recv, list(args), kwargs)
    cases.append((op, recv, list(args), kwargs, outcome(f)))


def m(recv, name, *args, **kwargs):
    case(name, recv, args, kwargs)


def fmt(value, spec):
    case("format_value", value, [spec], f=lambda: format(value, spec))


def pct(fmt_str, args):
    case("%", fmt_str, [args], f=lambda: fmt_str % args)


def sfmt(fmt_str, *args, **kwargs):
    case("format", fmt_str, args, kwargs)


# --- hand-picked cases ---------------------------------------------------------------

TEXTS = ["", "a", "abc", "Hello, World!", "  spaced  out  ", "a,b,,c,", "\t\n x \x0b\x0c\r\n", "ÿß straße",
         "ΣΑΣ ΟΔΟΣ", "İstanbul", "ǅungla ǈ", "ﬁne ŉ", "😀 smile 😀", "tab\tbed\tx", "line1\nline2\r\nline3\rline4",
         "\u2028a\u2029b\x1cc\x1dd\x1ee\x85f", "١٢٣", "½⅓", "Ⅻ", "\u3000wide\u3000", "MiXeD CaSe", "hello world",
         "o'k", "a\"b", "x'y\"z", "\x00\x07\x7f", "\ud800\udfff", "éàü", "ąčę", "Straße", "ﬀ", "aΣb", "AΣ", "Σ",
         "A\u0345Σ", "abc\u0301Σ.", "κόσμε", "123abc", "_x9", "9x", "def", "ab cd", "Ab Cd", "AB CD"]

METHODS_NOARGS = ["upper", "lower", "capitalize", "title", "swapcase", "casefold", "isalpha", "isdigit",
                  "isdecimal", "isnumeric", "isalnum", "isspace", "isupper", "islower", "istitle",
                  "isidentifier", "isprintable", "isascii", "split", "rsplit", "splitlines", "strip",
                  "lstrip", "rstrip", "expandtabs"]

for t in TEXTS:
    for name in METHODS_NOARGS:
        m(t, name)
    m(t, "splitlines", True)
    case("repr", t, f=lambda t=t: repr(t))
    case("ascii", t, f=lambda t=t: ascii(t))
    case("iter", t, f=lambda t=t: list(iter(t)))
    for w in (0, 5, 12):
        m(t, "center", w)
        m(t, "ljust", w, "*")
        m(t, "rjust", w, "é")
        m(t, "zfill", w)
    for sub in random.sample(["a", "ab", "", "Σ", "😀", " ", "\n", "ss", "l"], 4):
        for name in random.sample(["find", "rfind", "count", "index", "rindex", "startswith", "endswith",
                                   "removeprefix", "removesuffix", "partition", "rpartition", "split", "rsplit",
                                   "strip"], 8):
            m(t, name, sub)
        m(t, "replace", sub, "<>")
        case("in", t, [sub], f=lambda t=t, sub=sub: sub in t)

# find/count slices
for t in ["abcabcabc", "", "xΣyΣz"]:
    for sub in ["", "a", "bc"]:
        for start in [None, 0, 1, -1, 2, 9, 10, -100]:
            for end in [None, 3, -1, 100, -100]:
                m(t, "find", sub, start, end)
                m(t, "rfind", sub, start, end)
                m(t, "count", sub, start, end)
                m(t, "startswith", sub, start, end)
                m(t, "endswith", sub, start, end)
m("abc", "find", "b", 10**30)
m("abc", "find", "b", -10**30)
m("abc", "find", "b", True)
m("abc", "startswith", ("x", "a"))
m("abc", "endswith", ("x", "bc"), 1)
m("abc", "startswith", ())
m("abc", "startswith", ("a", 1))
m("abc", "startswith", ("b", 1))
m("abc", "startswith", 1)
m("abc", "startswith", ["a"])
m("abc", "endswith", 1)
m("abc", "find", 1, "x")

# split/rsplit variants
for t in ["a b  c   d", "  a b  ", "a,b,,c,", ",,", "", " ", "abc", "aΣbΣc", "x😀y😀", "\u3000a\u2028b\x85c"]:
    for sep in [None, ",", " ", "Σ", "😀", ",,", "b"]:
        for maxsplit in [-1, 0, 1, 2, 10]:
            m(t, "split", sep, maxsplit)
            m(t, "rsplit", sep, maxsplit)
    m(t, "split", maxsplit=1)
    m(t, "rsplit", sep=",", maxsplit=1)

# replace
for t in ["aaa", "abcabc", "", "ΣaΣ", "a😀a", "ÿaÿ", "hello world"]:
    for old, new in [("a", "b"), ("a", ""), ("", "-"), ("", ""), ("ab", "xyz"), ("Σ", "s"), ("😀", "x"),
                     ("a", "😀"), ("ÿ", "y"), ("a", "Σ"), ("o", "0"), ("l", "LL")]:
        for count in [-1, 0, 1, 2, 100]:
            m(t, "replace", old, new, count)

# case mapping specials
for t in ["ß", "ẞ", "ŉ", "ǰ", "ΐ", "ﬁ", "İ", "ı", "ǅ", "ǆ", "Ǆ", "ΣΣ", "σς", "AΣ Σ", "Σa", "aΣ", "a'Σ", "a.Σ",
          "aΣ'", "aΣ'b", "\u1e9e", "ꭰ", "Ᾰ", "ᾀ", "ᾈ", "ﬀ", "ǈǉǊ", "ʼn", "ꞵ", "ᏸ", "Ⓐ", "ⓐ", "𐐀", "𐐨", "ǃ", "µ", "ÿ"]:
    for name in ["upper", "lower", "title", "capitalize", "swapcase", "casefold", "istitle", "isupper", "islower"]:
        m(t, name)

# strip chars
for t in ["xxabcxx", "  abc  ", "\u3000\u2028a\x85", "ΣaΣ", "😀a😀"]:
    for chars in [None, "x", "xa", "", "Σ", "😀", " \u3000"]:
        m(t, "strip", chars)
        m(t, "lstrip", chars)
        m(t, "rstrip", chars)

# expandtabs
for t in ["a\tb", "\t", "ab\tcd\n\tx", "a\r\tb", "é\tΣ\t😀"]:
    for n in [0, 1, 2, 4, 8, -1]:
        m(t, "expandtabs", n)
        m(t, "expandtabs", tabsize=n)

# zfill/center specials
for t in ["-42", "+42", "42", "-", "", "é", "Σ"]:
    for w in [0, 1, 3, 5, 6]:
        m(t, "zfill", w)
        m(t, "center", w, "Σ")
        m(t, "center", w)

# join
for sep in ["", ",", ", ", "Σ", "😀"]:
    for seq in [[], ["a"], ["a", "b"], ["é", "Σ", "😀"], ("x", "y"), ["a", 1], ["", ""]]:
        m(sep, "join", seq)
m(",", "join", 5)
m(",", "join", "abc")
m(",", "join", {"a": 1, "b": 2})

# translate / maketrans
tables = [{97: "x"}, {97: None}, {97: 98, 98: "cd"}, {0x3A3: "s", 97: ""}, {97: 0x1F600}, {97: 1.5},
          {97: 0x110000}, {97: -1}, {}]
for t in ["abc", "aaa", "ΣaΣ", "", "😀a"]:
    for tab in tables:
        m(t, "translate", tab)
m("abc", "translate", 1)
m("abc", "translate", ["x", "y", "z"])
for args in [("abc", "xyz"), ("ab", "x"), ("abc", "xyz", "q"), ({"a": 1, "b": "c", 99: None},), ({"ab": 1},),
             ({1.5: 1},), (1,), ("a", 1), ("a", "b", 1), (1, "b"), ()]:
    case("maketrans", "", list(args), f=lambda args=args: str.maketrans(*args))

# indexing
for t in ["abc", "aΣ😀", ""]:
    for key in [0, 1, -1, -3, 3, 5, 10**30, -10**30, True, "x", 1.5, None]:
        case("[]", t, [key], f=lambda t=t, key=key: t[key])
    for sl in [(None, None, None), (1, None, None), (None, -1, None), (None, None, -1), (None, None, 2),
               (5, 0, -2), (-100, 100, 1), (1, 1, 1), (2, 0, None), (None, None, 0)]:
        case("[]", t, [sl], f=lambda t=t, sl=sl: t[slice(*sl)])

# argument errors (messages per calling convention)
for name, args, kwargs in [("find", (), {}), ("find", ("a", 1, 2, 3), {}), ("find", ("a",), {"x": 1}),
                           ("upper", (1,), {}), ("upper", (), {"x": 1}), ("strip", (1, 2), {}), ("strip", (1,), {}),
                           ("replace", ("a",), {}), ("replace", ("a", "b", 1, 2), {}), ("replace", (1, "b"), {}),
                           ("replace", ("a", 1), {}), ("replace", ("a", "b", "c"), {}), ("replace", ("a", "b", 10**30), {}),
                           ("split", (1, 2, 3), {}), ("split", (), {"x": 1}), ("split", (1,), {}), ("split", ("",), {}),
                           ("split", (None,), {"sep": 1}), ("split", (), {"maxsplit": "x"}), ("split", (), {"maxsplit": 10**30}),
                           ("count", (), {}), ("count", (1,), {}), ("index", ("z",), {}), ("rindex", ("z",), {}),
                           ("partition", ("",), {}), ("partition", (1,), {}), ("rpartition", (), {}),
                           ("center", (), {}), ("center", (5, "ab"), {}), ("center", (5, 1), {}), ("center", ("x",), {}),
                           ("center", (10**30,), {}), ("center", (5,), {"x": 1}), ("zfill", ("x",), {}), ("zfill", (), {}),
                           ("zfill", (), {"x": 1}), ("expandtabs", ("x",), {}), ("expandtabs", (), {"x": 1}),
                           ("expandtabs", (10**30,), {}), ("expandtabs", (2**31,), {}),
                           ("splitlines", (1, 2), {}), ("splitlines", (), {"x": 1}), ("splitlines", (), {"keepends": 1.5}),
                           ("removeprefix", (1,), {}), ("removesuffix", (), {}), ("ljust", (1.5,), {}),
                           ("join", (), {}), ("join", (), {"x": 1}), ("isalpha", (1,), {}), ("translate", (), {}),
                           ("format_map", (), {}), ("format_map", (1, 2), {}), ("format_map", ({},), {"x": 1}),
                           ("encode", (1,), {}), ("encode", (None,), {}), ("encode", ("utf-8", None), {}),
                           ("encode", ("foo",), {}), ("encode", ("utf-8", "strict", 1), {}), ("encode", (), {"x": 1}),
                           ("__format__", (), {}), ("__format__", (1,), {}), ("lstrip", (None, 1), {}),
                           ("startswith", (), {}), ("startswith", ("a", None, None, 1), {}),
                           ("rfind", ("a", None, "x"), {}), ("find", (None,), {})]:
    m("abc", name, *args, **kwargs)

# in / contains errors
case("in", "abc", [1], f=lambda: 1 in "abc")

# chr / ord / ascii
for v in [0, 65, 0xE9, 0x3A3, 0x1F600, 0x10FFFF, 0x110000, -1, 10**30, 2**31, True, "a", 1.5, 0xD800]:
    case("chr", None, [v], f=lambda v=v: chr(v))
for v in ["a", "é", "😀", "", "ab", 1, None, "\ud800"]:
    case("ord", None, [v], f=lambda v=v: ord(v))
for v in ["é\x00\U0001F600\u2028", ["ä", 1], ("ü",), 1, None, 1.5, {"é": "ü"}, "plain"]:
    case("ascii", v, f=lambda v=v: ascii(v))
case("chr", None, [], f=lambda: chr())
case("chr", None, [1, 2], f=lambda: chr(1, 2))
case("ord", None, [], f=lambda: ord())

# str.format
FORMAT_CASES = [
    ("{}", (1,), {}), ("{0}{1}{0}", ("x", "y"), {}), ("{a}", (), {"a": 5}),
    ("{0[1]}", (["x", "y"],), {}), ("{0[a]}", ({"a": 7},), {}), ("{0[0]}", ({0: "z"},), {}), ("{:>5}", ("a",), {}),
    ("{:{}}", ("a", 5), {}), ("{0:{1}{2}}", (1, ">", 5), {}), ("{!r}", ("a",), {}), ("{!s:>4}", (1,), {}),
    ("{!a}", ("é",), {}), ("{{}}", (), {}), ("}}{{", (), {}), ("{", (), {}), ("}", (), {}), ("{0", (1,), {}),
    ("{0!", (1,), {}), ("{0!x}", (1,), {}), ("{0!rr}", (1,), {}), ("{}{0}", (1,), {}), ("{0}{}", (1, 2), {}),
    ("{1}", (1,), {}), ("{}", (), {}), ("{a}", (), {}), ("{0.x}", (1,), {}), ("{0[0]}", (1,), {}), ("{0[}", (1,), {}),
    ("{0[0]x}", ([1],), {}), ("{0.}", (1,), {}), ("{0..a}", (1,), {}), ("{:{:{}}}", (1, 2, 3), {}),
    ("{ 0}", (1,), {}), ("{0 }", (1,), {}), ("{-1}", (1,), {}), ("{00}", (7,), {}), ("{0!}", (1,), {}),
    ("{0:", (1,), {}), ("{0[]}", (1,), {}), ("{[0]}", ([5],), {}), ("{0:{{}}}", (5,), {}), ("{:d}", ("a",), {}),
    ("{0:>{1}}", ("a", 10**30), {}), ("{0[10000000000000000000000]}", ([1],), {}), ("{0[1]}", ([1],), {}),
    ("{0]}", (1,), {}), ("{1000000000000000000000}", (1,), {}), ("x{0}y{1}z", ("é", "Σ"), {}),
    ("{:%}", (0.5,), {}), ("{0:.2f} {1:,}", (3.14159, 1234567), {}), ("{0!r:^9}", ("ab",), {}),
    ("{a}{b}", (), {"a": 1, "b": "é"}), ("{0[1][0]}", ([0, "xy"],), {}),
    ("{{{0}}}", (1,), {}), ("{0:{1}}", (3.5, ".3"), {}), ("{{0:{0}}}", ("x",), {}), ("{0{}}", (1,), {}),
    ("{:c}", (0x1F600,), {}), ("{:s}", (None,), {}), ("{}", (None,), {}), ("{:>3}", (None,), {}),
    ("{0!s:{1}}", (12, ">5"), {}), ("{:{}>5}", (1, "{"), {}), ("{:}}", (1,), {}), ("{0:{1}}", ("x", ""), {}),
    ("{!r:{}}", ("a", 6), {}), ("{0[a][0]}", ({"a": ["z"]},), {}), ("{0[ab}", ({"ab": 1},), {}),
    ("{!}", (1,), {}), ("{:{:{}}}", (1, 2), {}), ("{:{}}{:{}}", (1, 2, 3, 4), {}), ("{0:.{1}f}", (3.14159, 2), {}),
    ("\u03a3{}\U0001F600{}", ("\xe9", 1), {}), ("{0}", ("\ud800",), {}), ("{:5}|{:<5}|{:^5}", ("a", 1, 1.5), {}),
]
for f, args, kwargs in FORMAT_CASES:
    sfmt(f, *args, **kwargs)
for f, mapping in [("{a}", {"a": 1}), ("{a}{b}", {"a": 1}), ("{0}", {}), ("{}", {}), ("{a[0]}", {"a": "xy"}),
                   ("{a}", 1)]:
    m(f, "format_map", mapping)

# %-formatting
PCT_CASES = [
    ("%s", ()), ("%s %s", (1,)), ("%s", (1, 2)), ("%d", "x"), ("%x", 1.5), ("%c", "ab"), ("%c", 1.5), ("%c", -1),
    ("%y", 1), ("%", 1), ("%(a", {"a": 1}), ("%(a)s", 1), ("%(a)s", {}), ("%*d", ("x", 1)), ("%.*d", ("x", 1)),
    ("%s", {"a": 1}), ("%d", {"a": 1}), ("%(a)s %s", {"a": 1}), ("%d %(a)s", {"a": 1}), ("%*s", {"a": 1}),
    ("a", 1), ("a", ()), ("a", []), ("a", {}), ("%s", []), ("%i", 3.9), ("%u", -3.9), ("%o", 1.0), ("%X", "a"),
    ("%e", "a"), ("%f", None), ("%d", None), ("%c", None), ("%.*f", (10**20, 1.0)), ("%*s", (10**20, 1)),
    ("%a", "é"), ("%r", "é"), ("%5%", ()), ("%-5%", ()), ("%.3s", "abcdef"), ("%c", 0x110000), ("%x", True),
    ("%s", True), ("%d", True), ("%f", True), ("%#x", 255), ("%#o", 8), ("%#X", 255), ("%+d", 5), ("% d", 5),
    ("%05d", -5), ("%-05d", -5), ("%.3d", 5), ("%#.3x", 5), ("%c", "é"), ("%10.3e", 1234.5), ("%#.0f", 1),
    ("%#g", 1), ("%g", 1e-5), ("%g", 1e16), ("%.0e", 12345), ("%F", float("inf")), ("%05f", float("nan")),
    ("%-8.3f|", -1.5), ("%(a)s", {"a": 1}), ("%(a)-5s|", {"a": 1}), ("%((a))s", {"(a)": 2}), ("%s %s", [1, 2]),
    ("%*.*f", (8, 2, 3.14159)), ("%ld", 5), ("%hd %Ld", (5, 6)), ("%.2s", "ab"), ("%*d", (True, 5)),
    ("%5%", (1,)), ("%é", 1), ("%\x01", 1), ("%\u1234", 1), ("%99999999999999999999d", 1), ("%.99999999999d", 1),
    ("%c", True), ("%c", 10**30), ("%(a)s", {"a": 1, "b": 2}), ("%#s", 5), ("%+s", "a"), ("%05s", "ab"),
    ("%x", -255), ("%#X", -255), ("%#5x", 5), ("%#05x", 5), ("%-#6o", 8), ("% 05.1f", 2.25), ("%+.3e", -0.0),
    ("%.0f", 0.5), ("%.0f", 1.5), ("%#.3g", 1), ("%r", 1.5), ("%s %% %s", (1, 2)), ("%(x)s%%", {"x": 1}),
    ("%d", float("nan")), ("%d", float("inf")), ("%x", 10**30), ("%d", 10**30), ("%.40d", -7), ("%i", 2.99),
    ("%%%%", ()), ("%s-%s", ("é", "😀")), ("Σ%sΣ", "x"), ("%-*d|", (-4, 7)), ("%*d|", (-4, 7)), ("%.*s", (-1, "ab")),
    ("%+05d", 3), ("% 5d", -3), ("%+ d", 3), ("% +d", 3), ("%#o", 0), ("%#x", 0), ("%5c|", "x"), ("%-5c|", 0x3A3),
    ("%.1c", "x"), ("%s", ("a",)), ("%s", (("a",),)), ("%r", ([1],)), ("%(a)d%%", {"a": 3.7}), ("%E", 1e300),
    ("%G", 1e-300), ("%.3g", 123456), ("%10.4f|", float("-inf")), ("%-+10.2e|", 12.5), ("%010.2f", -3.14159),
]
for f, args in PCT_CASES:
    pct(f, args)

# format(value, spec): hand-picked
FMT_VALUES = [0, -1, 255, 1234567, -10**20, True, -0.0, 1.5, -1234.5678, 1e16, 1e-5, 2.5, float("-inf"),
              float("nan"), "", "abc", "Σ😀", None]
FMT_SPECS = ["", "abc", "d", "s", ",s", "_s", "+s", "#s", "=s", "=5", "z", "zd", "zs", ".3d", ".3", ",_", "_,", ",x", "_x",
             ",b", "_n", ",n", "c", "+c", "#c", ",c", "-c", ".", ".x", "10.", "5.2%", "z.1f", "zf", "x", "X", "e", "n",
             "%", "é<5", "<<5", "0=5", "05", "=+5", "+05", " 05", "010,d", "010,f", "<05d", "^05", "010_x", "#010x",
             "-#b", "#o", "09,", "z5", "c<", "1000000000000000000000", ".1000000000000000000000", "s.2", "F", "G", "E",
             ".0", "#.0e", "#.0", "#", ",.2f", "_.3e", "0", "00", "0>5", "g", "#g", "r", "=", "<", "^10", "x^10",
             "\x00<5", ".20f", ".17g", "+.2e", " .1%", "#.3g", "Σ^9", "😀>4", "٣", "0<8", "z.0e", ",.0f", "_b",
             "#_o", "#X", "_X", ",d", "15,.3f", "=^+10.1f", ">+,", "<+010,.1f", " ,"]
for v in FMT_VALUES:
    for s in FMT_SPECS:
        fmt(v, s)
for v, s in [(0x1F600, "c"), (65, "^5c"), (65, "=5c"), (65, "05c"), (-5, "=+10"), (-5, "0=10"), (-5, "x=10"),
             (5, "é^7"), ("ab", "😀^7"), (10**400, "e"), (10**5000, "d"), (0.125, ".2f"), (0.375, ".2f"),
             (5e-324, ".30e"), (1 / 3, ".17g"), (1e22, "f"), (-0.0001, "z.2f"), (-0.5, "z.0f"), (1234, "010,"),
             (1234, "09,"), (12345678, "_x"), (255, "#010_x"), (1234, "012n"), (1.0, ".3"), (1234.0, ".4"),
             (1234.0, ".5"), (12345.0, ".5"), (0.0001, ".3"), (1.5, "#.0"), (100.0, "#.3"), (123.456, "#.3g"),
             (1234567.891, "_"), (1e100, ","), (12345, ",e"), (1234.5, "^010,.1f"), (123, "\u0661\u0660"),
             (1e5, "#.1"), (1e-5, "#.1"), (12345.678, ".2"), (2**53 + 1, ".3e"), (-2**63, "_b"), (1, 5)]:
    fmt(v, s)
for v, s in [("", ""), ("x", "0"), ("x", "00"), ("x", "03"), ("", ">0"), (1.5, "0"), (0, "#"), (0, "#x"),
             (-0.0, "+"), (1e-7, ""), (123456789012345678, "e"), (0.1, "r"), (7, "\x85"), (7, "\U0001F600")]:
    fmt(v, s)
case("format_value", 1, [1, 2], f=lambda: format(1, 1, 2))

# --- random cases -----------------------------------------------------------------------------

ALPHABET = list("aAbBzZ09 _-.,\t\n") + ["é", "ß", "ÿ", "µ", "Σ", "ς", "σ", "İ", "ǅ", "ﬁ", "Ā", "\u3000", "\u2028",
                                         "\x85", "😀", "𝐀", "٣", "½", "\x00", "\u0301", "'", '"']


def rand_text(n=None):
    if n is None:
        n = random.choice([0, 1, 2, 3, 5, 8, 13])
    sub = random.sample(ALPHABET, random.randint(1, 6))
    return "".join(random.choice(sub) for _ in range(n))


for _ in range(800):
    t = rand_text()
    kind = random.random()
    if kind < 0.15:
        m(t, random.choice(["upper", "lower", "title", "capitalize", "swapcase", "casefold", "split", "splitlines",
                            "isidentifier", "isprintable", "istitle", "islower", "isupper", "isalnum", "isspace"]))
    elif kind < 0.45:
        sub = rand_text(random.choice([0, 1, 1, 2, 3]))
        name = random.choice(["find", "rfind", "count", "replace", "split", "rsplit", "partition", "rpartition",
                              "startswith", "endswith", "strip", "removeprefix"])
        if name == "replace":
            m(t, name, sub, rand_text(random.choice([0, 1, 2])), random.choice([-1, 0, 1, 2]))
        elif name in ("split", "rsplit"):
            m(t, name, sub if sub else None, random.choice([-1, 0, 1, 2]))
        elif name in ("find", "rfind", "count", "startswith", "endswith"):
            m(t, name, sub, random.choice([None, 0, 1, -2, 4]), random.choice([None, 0, 2, -1, 9]))
        else:
            m(t, name, sub)
    elif kind < 0.6:
        m(t, random.choice(["center", "ljust", "rjust"]), random.randint(0, 16), random.choice([" ", "*", "Σ", "😀"]))
    elif kind < 0.7:
        m(random.choice([",", "", "Σ", " - "]), "join", [rand_text() for _ in range(random.randint(0, 4))])
    elif kind < 0.85:
        m(t, "splitlines", random.choice([True, False]))
    else:
        m(t, "expandtabs", random.randint(0, 9))


def rand_spec():
    s = ""
    if random.random() < 0.3:
        s += random.choice(["", "*", "0", "é", "😀", " "]) + random.choice("<>^=")
    if random.random() < 0.3:
        s += random.choice("+- ")
    if random.random() < 0.1:
        s += "z"
    if random.random() < 0.2:
        s += "#"
    if random.random() < 0.2:
        s += "0"
    if random.random() < 0.5:
        s += str(random.randint(0, 25))
    if random.random() < 0.2:
        s += random.choice(",_")
    if random.random() < 0.5:
        s += "." + str(random.randint(0, 20))
    if random.random() < 0.7:
        s += random.choice("bcdoxXneEfFgG%s")
    return s


def rand_float():
    r = random.random()
    if r < 0.1:
        return random.choice([0.0, -0.0, float("inf"), float("-inf"), float("nan"), 0.5, 2.5, 1e16, 1e-7])
    if r < 0.4:
        return random.uniform(-1000, 1000)
    if r < 0.6:
        return float(random.randint(-10**6, 10**6)) / random.choice([1, 8, 100, 1024])
    return random.choice([-1, 1]) * 10 ** random.uniform(-320, 308)


for _ in range(1500):
    spec = rand_spec()
    r = random.random()
    if r < 0.45:
        fmt(rand_float(), spec)
    elif r < 0.85:
        fmt(random.choice([0, 1, -1, 7, 255, -4096, 10**random.randint(1, 40), -(10**random.randint(1, 25)) + 3,
                           0x1F600, True]), spec)
    else:
        fmt(rand_text(), spec)

for _ in range(800):
    flags = "".join(random.sample("-+ #0", random.randint(0, 2)))
    width = random.choice(["", str(random.randint(1, 15))])
    prec = random.choice(["", "." + str(random.randint(0, 12))])
    conv = random.choice("sradiuoxXeEfFgGc")
    arg = random.choice([rand_float(), random.randint(-10**9, 10**9), rand_text(2), 0x3A3, 10**25])
    pct("<%" + flags + width + prec + conv + ">", (arg,))


# --- output -----------------------------------------------------------------------------------

def write_cases(path):
    lines = []
    lines.append("// str_cases_test.inc — GENERATED by tests/unit/gen/gen_str_cases.py from CPython %s;"
                 % sys.version.split()[0])
    lines.append("// do not edit. Each line: ck.run(op, receiver, {args}, {kwargs}, expected, line).")
    lines.append("// clang-format off")
    per_fn = 200
    nfn = (len(cases) + per_fn - 1) // per_fn
    for k in range(nfn):
        lines.append("static void run_cases_%d(Checker& ck) {" % k)
        for op, recv, args, kwargs, expect in cases[k * per_fn:(k + 1) * per_fn]:
            a = ", ".join(cx(x) for x in args)
            kw = ", ".join("{%s, %s}" % (c_string(key), cx(val)) for key, val in kwargs.items())
            lines.append("  ck.run(%s, %s, {%s}, {%s}, %s, __LINE__);"
                         % (c_string(op), cx(recv), a, kw, c_string(expect)))
        lines.append("}")
    lines.append("static void (*const kCaseFns[])(Checker&) = {%s};"
                 % ", ".join("run_cases_%d" % k for k in range(nfn)))
    lines.append("// clang-format on")
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")
    print("wrote %s: %d cases" % (path, len(cases)))


def fnv(data, h=0xcbf29ce484222325):
    for b in data:
        h ^= b
        h = (h * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
    return h


def features(cp):
    """The text unicode_test.cc builds for one code point from unicode.h."""
    c = chr(cp)
    cased = c.islower() or c.isupper() or unicodedata.category(c) == "Lt"
    # Case_Ignorable, as lower()'s final-sigma rule reveals it.
    ignorable = ("A" + c + "\u03a3").lower()[-1] == "\u03c2" and ("A\u03a3" + c).lower()[1] == "\u03c2"
    bits = [c.isalpha(), c.isdecimal(), c.isdigit(), c.isnumeric(), c.isspace(), c.islower(), c.isupper(),
            c.istitle(), c.isprintable(), c.isidentifier(), ("a" + c).isidentifier(),
            len(("a" + c + "b").splitlines()) == 2, cased, ignorable]
    num = unicodedata.numeric(c, None)
    parts = ["".join("1" if b else "0" for b in bits)]
    for mapped in (c.lower(), c.upper(), c.title(), c.casefold()):
        parts.append(",".join("%x" % ord(x) for x in mapped))
    parts.append(str(unicodedata.decimal(c, -1)))
    parts.append(str(unicodedata.digit(c, -1)))
    parts.append("-" if num is None else repr(num))
    parts.append(unicodedata.category(c))
    return "|".join(parts) + ";"


def write_unicode(path):
    lines = []
    lines.append("// unicode_cases_test.inc — GENERATED by tests/unit/gen/gen_str_cases.py from CPython %s"
                 % sys.version.split()[0])
    lines.append("// (Unicode %s); do not edit. FNV-1a digests of the per-code-point feature" % unicodedata.unidata_version)
    lines.append("// text (see unicode_test.cc) for each block of 4096 code points, plus samples.")
    lines.append("// clang-format off")
    digests = []
    for block in range(0x110000 // 4096):
        h = 0xcbf29ce484222325
        for cp in range(block * 4096, (block + 1) * 4096):
            h = fnv(features(cp).encode(), h)
        digests.append(h)
    lines.append("static const uint64_t kBlockDigests[%d] = {" % len(digests))
    for i in range(0, len(digests), 4):
        lines.append("  " + " ".join("0x%016xull," % d for d in digests[i:i + 4]))
    lines.append("};")
    repr_digests = []
    for block in range(0x110000 // 4096):
        text = "".join(chr(cp) for cp in range(block * 4096, (block + 1) * 4096))
        data = (repr(text) + ascii(text)).encode("utf-8")
        repr_digests.append(fnv(data))
    lines.append("// FNV-1a of repr(s) + ascii(s) (UTF-8) where s holds the block's code points in order.")
    lines.append("static const uint64_t kReprDigests[%d] = {" % len(repr_digests))
    for i in range(0, len(repr_digests), 4):
        lines.append("  " + " ".join("0x%016xull," % d for d in repr_digests[i:i + 4]))
    lines.append("};")
    samples = [0, 9, 0x1c, 0x20, 0x41, 0x5f, 0x85, 0xa0, 0xad, 0xb5, 0xdf, 0xff, 0x130, 0x131, 0x149, 0x1c5, 0x345,
               0x3a3, 0x3c2, 0x390, 0x1e9e, 0x1f80, 0x1f88, 0x2028, 0x2160, 0x2460, 0x3000, 0x4e00, 0xd800, 0xe000,
               0xfb01, 0xfeff, 0xffff, 0x10400, 0x1d400, 0x1f600, 0xe0001, 0x10ffff]
    lines.append("static const struct { uint32_t cp; const char* features; } kSamples[] = {")
    for cp in samples:
        lines.append("  {0x%x, %s}," % (cp, c_string(features(cp))))
    lines.append("};")
    lines.append("// clang-format on")
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")
    print("wrote %s" % path)


write_cases(os.path.join(ROOT, "runtime", "objects", "str_cases_test.inc"))
write_unicode(os.path.join(ROOT, "runtime", "core", "unicode_cases_test.inc"))
