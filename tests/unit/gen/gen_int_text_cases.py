#!/usr/bin/env python3.12
"""gen_int_text_cases.py — writes runtime/objects/int_text_cases_test.inc: int(str,
base) inputs, str() of ints under several int_max_str_digits limits, and
the results or exact error messages CPython 3.12 gives, checked by
runtime/objects/int_text_test.cc.

Run with CPython 3.12 from the repository root:
    python3.12 tests/unit/gen/gen_int_text_cases.py

kParseCases[]: {utf8 text, its length in bytes, base, expect}; expect is hex(result) or
               "E:<ExcType>:<message>".
kReprCases[]:  {hex of the value, limit, expect}; expect is "s:<str(value)>"
               (long results as "d:<len>:<first 30>:<last 30>") or "E:...".
kHugeCases[]:  {base, exp, addend, digest of str(base**exp + addend), digest of
               str(that * 10**7 + 1234567)} with no digit limit; the digest is
               "d:<len>:<first 30>:<last 30>:<polynomial hash>" (see digest()),
               and the second string is parsed back by the test.
"""
import random
import sys

assert sys.version_info[:2] == (3, 12), "expectations must come from CPython 3.12"
random.seed(4300)


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


def run(f):
    try:
        return hex(f())
    except Exception as e:  # noqa: BLE001
        return "E:%s:%s" % (type(e).__name__, e)


parse = []


def p(text, base=10):
    parse.append((text, base, run(lambda: int(text, base))))


sys.set_int_max_str_digits(4300)
for t in ["0", "-0", "+0", "1", "-1", "+1", "123", " 123 ", "\t\n\x0b\x0c\r 42 \r\n", "12\x1c", "\x1c12",
          "1_000", "1__000", "_1", "1_", "1 2", "- 1", "+-1", "--1", "", " ", "-", "+", "abc", "12a",
          "0x10", "0o10", "0b10", "00", "000", "0_0", "00_1", "0_7", "010", "1e5", "1.0", "١٢٣",
          "\u0e50\u0e51", "\U0001D7CE\U0001D7CF", "１２", "\x8512\xa0", "\u2000 12 \u3000", "1\u200b2",
          "é", "12é", "'", "'\"", "\"", "\\", "a\\b", "\x00", "1\x00", "\x7f", "é" * 300, "a" * 300,
          "9" * 30, "-" + "9" * 50, "4294967296", "140737488355327", "140737488355328", "-140737488355328",
          "-140737488355329", "18446744073709551616", "1_2_3_4_5_6_7_8_9_0_1_2_3_4_5_6_7_8_9_0"]:
    p(t)
for t, b in [("0x1f", 0), ("0X1F", 0), ("0x_1f", 0), ("0x__1f", 0), ("0x", 0), ("0x_", 0), ("0o17", 0),
             ("0O17", 0), ("0b101", 0), ("0B_1_0", 0), ("0b2", 0), ("0o8", 0), ("017", 0), ("0", 0), ("00", 0),
             ("0_0", 0), ("-0x10", 0), (" 0x10 ", 0), ("1_000", 0), ("", 0), ("0x1f", 16), ("1f", 16),
             ("0X_1F", 16), ("0x", 16), ("0b1", 16), ("0b1", 2), ("0b_1", 2), ("0o7", 8), ("0o7", 16),
             ("z", 36), ("Z", 36), ("zz_top", 36), ("10", 2), ("12", 2), ("777", 8), ("8", 8), ("ff", 15),
             ("ee", 15), ("1", 1), ("1", 37), ("1", -1), ("10", 3), ("kf12oi", 36), ("1\u0e51", 16),
             ("z\u0e51", 36), ("0x1\u0e51", 0), ("\u0e50x1", 0)]:
    p(t, b)
# Lengths around the 4300-digit limit and the limit's independence of
# power-of-two bases; syntax errors win over the limit.
for t, b in [("1" * 4300, 10), ("1" * 4301, 10), ("0" * 4301, 10), ("1_" * 4300 + "1", 10),
             ("-" + "1" * 4301, 10), (" " + "1" * 4301 + " ", 10), ("1" * 4301, 0), ("1" * 4301, 16),
             ("1" * 5000, 2), ("1" * 4301, 36), ("1" * 4301 + "!", 10), ("z" * 4301 + "!", 36),
             ("0x" + "f" * 5000, 0), ("1" * 4301, 8), ("1" * 4301, 32)]:
    p(t, b)
# Random texts of every base, long enough for the divide-and-conquer path.
for _ in range(30):
    base = random.choice([3, 5, 7, 10, 10, 10, 12, 36])
    n = random.choice([1, 9, 10, 19, 20, 100, 1000, 4300])
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"[:base]
    t = random.choice(digits[1:]) + "".join(random.choice(digits) for _ in range(n - 1))
    p(t, base)

reprs = []


def r(v, limit):
    sys.set_int_max_str_digits(limit)
    try:
        s = str(v)
        exp = "s:" + s if len(s) <= 80 else "d:%d:%s:%s" % (len(s), s[:30], s[-30:])
    except Exception as e:  # noqa: BLE001
        exp = "E:%s:%s" % (type(e).__name__, e)
    reprs.append((hex(v), limit, exp))


for v in [0, 1, -1, 2**47 - 1, 2**47, -(2**47), 10**9, 10**9 - 1, 10**18, 10**19 - 1, 2**64, -(2**64),
          10**100, 10**100 - 1, -(10**100) + 1, 2**1000, 3**5000]:
    r(v, 4300)
for limit in [4300, 0, 640, 641]:
    for v in [10**4299, 10**4299 - 1, -(10**4299), 10**4300 - 1, 10**4300, -(10**4300), 10**640 - 1, 10**640,
              2**14285, 2**14286, 2**14300, 7**20000]:
        r(v, limit)
sys.set_int_max_str_digits(0)
for bits in [3000, 3900, 4000, 10000]:
    v = random.getrandbits(bits) | (1 << (bits - 1))
    r(v, 0)
    r(-v, 0)


def digest(s):
    """A checksum of a decimal string, recomputed by int_text_test.cc."""
    h = 0
    for ch in s:
        h = (h * 131 + ord(ch)) % (2**31 - 1)
    return "d:%d:%s:%s:%d" % (len(s), s[:30], s[-30:], h)


# Huge values given as base**exp + addend, so the table stays small.
huge = []
for base, exp, add in [(10, 20000, 0), (10, 20000, -1), (10, 30011, 10**9), (3, 100000, 0), (7, 200003, -7),
                       (2, 300000, 1), (-3, 99999, 5)]:
    v = base**exp + add
    huge.append((base, exp, add, digest(str(v)), digest(str(v * 10**7 + 1234567))))

lines = ["// int_text_cases_test.inc — GENERATED by tests/unit/gen/gen_int_text_cases.py from CPython %s;"
         % sys.version.split()[0],
         "// do not edit. int(str, base) and str(int) with CPython's results and messages.",
         "// clang-format off",
         "static const ParseCase kParseCases[] = {"]
for text, base, exp in parse:
    lines.append("{%s, %d, %d, %s}," % (c_string(text), len(text.encode()), base, c_string(exp)))
lines.append("};")
lines.append("static const ReprCase kReprCases[] = {")
for h, limit, exp in reprs:
    lines.append("{%s, %d, %s}," % (c_string(h), limit, c_string(exp)))
lines.append("};")
lines.append("static const HugeCase kHugeCases[] = {")
for base, exp, add, d1, d2 in huge:
    lines.append("{%d, %d, %s, %s, %s}," % (base, exp, c_string(str(add)), c_string(d1), c_string(d2)))
lines.append("};")
lines.append("// clang-format on")
with open("runtime/objects/int_text_cases_test.inc", "w") as f:
    f.write("\n".join(lines) + "\n")
print(len(parse), "parse cases,", len(reprs), "repr cases")
