#!/usr/bin/env python3.12
"""gen_int_cases.py — writes runtime/objects/int_cases_test.inc, the table of
int/bool operations and the results CPython 3.12 gives for them, checked by
runtime/objects/int_cases_test.cc.

Run with CPython 3.12 from the repository root:
    python3.12 tests/unit/gen/gen_int_cases.py

Encoding of the table (see int_cases_test.cc):
  kValues[]: operands as Python literals ("-0x1f", "True", "float:0x1.8p+1").
  kCases[]:  {op, a, b, c, expect} with a/b/c indices into kValues (-1 = none).
  expect:    "0x.." / "-0x.." an int (its hex()), "f:<float.hex()>" a float,
             "True"/"False", "t:<q>,<r>" a divmod tuple of ints,
             "s:<text>" a str, "i:<n>" a C integer result,
             "b:<hex bytes>" bytes, "NotImplemented",
             "E:<ExcType>:<message>" an exception.
"""
import math
import random
import sys

assert sys.version_info[:2] == (3, 12), "expectations must come from CPython 3.12"
sys.set_int_max_str_digits(4300)

random.seed(20240312)

values = []
index = {}


def val(v):
    """Index of v in the value table."""
    if isinstance(v, bool):
        key = ("bool", v)
        text = "True" if v else "False"
    elif isinstance(v, float):
        key = ("float", v.hex())
        text = "float:" + v.hex()
    else:
        key = ("int", v)
        text = hex(v)
    if key not in index:
        index[key] = len(values)
        values.append(text)
    return index[key]


def enc(r):
    if r is NotImplemented:
        return "NotImplemented"
    if isinstance(r, bool):
        return "True" if r else "False"
    if isinstance(r, int):
        return hex(r)
    if isinstance(r, float):
        return "f:" + r.hex()
    if isinstance(r, tuple):
        return "t:%s,%s" % (hex(r[0]), hex(r[1]))
    if isinstance(r, str):
        return "s:" + r
    if isinstance(r, bytes):
        return "b:" + r.hex()
    raise TypeError(r)


def run(f):
    try:
        return enc(f())
    except Exception as e:  # noqa: BLE001 - every exception is an expectation
        return "E:%s:%s" % (type(e).__name__, e)


cases = []


def case(op, f, a=None, b=None, c=None, raw=None):
    ia = -1 if a is None else val(a)
    ib = -1 if b is None else val(b)
    ic = -1 if c is None else val(c)
    cases.append((op, ia, ib, ic, raw if raw is not None else run(f)))


# --- operands ---------------------------------------------------------------------
B = 2**47
boundary = [0, 1, -1, 2, -2, 3, -7, 10, 256,
            B - 1, B, B + 1, -B, -B - 1, -2 * B,
            2**31, 2**32 - 1, 2**32, 2**32 + 1,
            2**53, 2**53 + 1, -(2**53 + 1),
            2**63 - 1, 2**63, -(2**63), -(2**63) - 1, 2**64 - 1, 2**64, -(2**64) - 1,
            2**96 - 1, -(2**128) + 1, 10**20, -(10**30) - 7]
randoms = []
for bits in (70, 100, 150, 200, 500, 1000, 3000):
    for _ in range(2):
        x = random.getrandbits(bits) | (1 << (bits - 1))
        randoms.append(-x if random.random() < 0.5 else x)
patterns = [2**(32 * 3) - 1, -(2**(32 * 5) - 1), (2**(32 * 4) - 1) << 64, 0xAAAAAAAA55555555 << 100]

binops = {
    "add": lambda a, b: a + b,
    "sub": lambda a, b: a - b,
    "mul": lambda a, b: a * b,
    "floordiv": lambda a, b: a // b,
    "mod": lambda a, b: a % b,
    "divmod": lambda a, b: divmod(a, b),
    "truediv": lambda a, b: a / b,
    "and": lambda a, b: a & b,
    "or": lambda a, b: a | b,
    "xor": lambda a, b: a ^ b,
    "cmp": None,
}
for a in boundary:
    for b in boundary:
        for name, f in binops.items():
            if name == "cmp":
                case("cmp", None, a, b, raw="i:%d" % ((a > b) - (a < b)))
            else:
                case(name, (lambda f=f, a=a, b=b: f(a, b)), a, b)
small_randoms = [x for x in randoms if abs(x).bit_length() <= 200]
big_randoms = [x for x in randoms if abs(x).bit_length() > 200][::2]
for a in boundary[::3] + small_randoms + patterns:
    for b in small_randoms + patterns:
        for name, f in binops.items():
            if name == "cmp":
                continue
            case(name, (lambda f=f, a=a, b=b: f(a, b)), a, b)
            case(name, (lambda f=f, a=a, b=b: f(b, a)), b, a)
# Large operands: against a few small partners and each other; products of
# the largest are checked by identities in int_big_test.cc instead.
for a in big_randoms:
    for b in [-1, 7, 2**64 + 1] + big_randoms:
        for name, f in binops.items():
            if name == "cmp" or (name == "mul" and abs(a).bit_length() + abs(b).bit_length() > 2100):
                continue
            case(name, (lambda f=f, a=a, b=b: f(a, b)), a, b)
            if b != a:
                case(name, (lambda f=f, a=a, b=b: f(b, a)), b, a)

# Division with quotient digits near 2^32-1 and divisors with a high top digit
# exercise the estimate corrections of algorithm D.
for k in range(40):
    nb = random.choice([2, 3, 4, 7])
    b = (0x80000000 | random.getrandbits(31)) << (32 * (nb - 1)) | random.getrandbits(32 * (nb - 1))
    if k % 3 == 0:
        b = (1 << (32 * nb - 1)) | random.choice([0, 1, 2**32 - 1])
    q = (2**(32 * random.choice([1, 2, 3])) - 1) - random.getrandbits(3)
    r = random.getrandbits(32 * nb) % b
    a = b * q + r
    case("divmod", lambda a=a, b=b: divmod(a, b), a, b)
    case("divmod", lambda a=a, b=b: divmod(-a, b), -a, b)

# Operands for which algorithm D's quotient estimate is still one too large
# after its two-digit correction (found by simulating the algorithm), so
# the add-back step runs.
for a, b in [(0x8000000100000000fffffffefffffffe, 0xc0000000000000017fffffff),
             (0x180000001ffffffff00000001, 0xc0000000fffffffffffffffe),
             (0x2800000000000000100000002ffffffff, 0x8000000000000000fffffffe),
             (0xfffffffe000000010000000080000000, 0xffffffff00000000fffffffe),
             (0xfffffffffffffffefffffffe00000000, 0x8000000100000001fffffffe),
             (0x80000001800000007fffffff, 0x8000000180000000ffffffff)]:
    for sa, sb in [(1, 1), (-1, 1), (1, -1), (-1, -1)]:
        case("divmod", lambda a=sa * a, b=sb * b: divmod(a, b), sa * a, sb * b)
        case("truediv", lambda a=sa * a, b=sb * b: a / b, sa * a, sb * b)

# --- shifts ---------------------------------------------------------------------------
shift_counts = [0, 1, 15, 16, 17, 31, 32, 33, 47, 48, 63, 64, 65, 100, 1000, -1, 2**70, -(2**70)]
for a in boundary[::2] + randoms[:4] + [-(2**200) - 1, -(2**200), 2**200 - 1]:
    for s in shift_counts:
        if s >= 2**62 and a not in (0,):
            case("lshift", None, a, s, raw="E:MemoryError:")
        else:
            case("lshift", lambda a=a, s=s: a << s, a, s)
        case("rshift", lambda a=a, s=s: a >> s, a, s)

# --- powers ----------------------------------------------------------------------------
bases = [0, 1, -1, 2, -2, 3, -3, 10, 7, -7, 2**32, B, -B, 2**64 + 1, 12345678901234567890]
exps = [0, 1, 2, 3, 5, 17, 31, 47, 64, 100, 200, -1, -2, -3, -1075, -1074]
for a in bases:
    for e in exps:
        case("pow", lambda a=a, e=e: a ** e, a, e)
case("pow", lambda: 2 ** -(10**400), 2, -(10**400))
case("pow", lambda: (10**400) ** -1, 10**400, -1)
case("pow", lambda: 1 ** (10**400), 1, 10**400)
case("pow", lambda: (-1) ** (10**400 + 1), -1, 10**400 + 1)
case("pow", lambda: 0 ** (10**400), 0, 10**400)
case("pow", None, 2, 10**400, raw="E:MemoryError:")
mods = [1, -1, 2, 3, 7, -7, 1000000007, 2**32 - 5, 2**32 + 15, -(2**61 - 1), 2**127 - 1, 10**40 + 7, 0]
for a in [0, 1, -1, 2, 3, -5, 10**30 + 3, -(2**100) - 7, 6]:
    for e in [0, 1, 2, 65537, -1, -2, 2**100 + 1]:
        for m in mods:
            case("pow3", lambda a=a, e=e, m=m: pow(a, e, m), a, e, m)

# --- unary and inspection ----------------------------------------------------------
for a in boundary + randoms + patterns:
    case("neg", lambda a=a: -a, a)
    case("abs", lambda a=a: abs(a), a)
    case("invert", lambda a=a: ~a, a)
    case("pos", lambda a=a: +a, a)
    case("bit_length", lambda a=a: "%d" % a.bit_length(), a)
    case("bit_count", lambda a=a: "%d" % a.bit_count(), a)
    case("hash", None, a, raw="i:%d" % hash(a))
    case("float", lambda a=a: float(a), a)
    case("repr", lambda a=a: repr(a), a)
    case("hex", lambda a=a: hex(a), a)
    case("oct", lambda a=a: oct(a), a)
    case("bin", lambda a=a: bin(a), a)
    case("bool", lambda a=a: bool(a), a)
for x in [2**1024 - 2**970, 2**1024 - 2**970 - 1, 2**1024 - 2**971, 2**1024, 2**54 + 1, 2**54 + 2, 2**54 + 3,
          2**54 + 6, 2**80 + 2**27, 2**80 + 2**27 + 1, 2**80 + 3 * 2**27, -(2**80 + 2**28)]:
    case("float", lambda x=x: float(x), x)

# --- int <-> float ---------------------------------------------------------------------
floats = [0.0, -0.0, 0.5, -0.5, 1.0, -1.5, 2.0**47 - 1, 2.0**47, -(2.0**47), 2.0**52 + 0.5, 2.0**53, 2.0**63,
          -(2.0**63), 2.0**64, 1e20, -1e20, 1.7976931348623157e308, 5e-324, float("inf"), float("-inf"),
          float("nan"), 123456789.987]
for x in floats:
    case("from_double", lambda x=x: int(x), x)
cmp_ints = [0, 1, -1, B, 2**53, 2**53 + 1, -(2**53 + 1), 2**63, 2**64 + 1, 10**20, 2**1024, -(2**1024), 2**1023]
for a in cmp_ints:
    for x in floats + [float(2**53 + 2), 2.0**1023, float(2**64), 1e20 + 65536.0]:
        r = "i:2" if math.isnan(x) else "i:%d" % ((a > x) - (a < x))
        case("cmp_double", None, a, x, raw=r)

# --- true division rounding ----------------------------------------------------------
for _ in range(60):
    a = random.getrandbits(random.choice([54, 60, 100, 300, 1100])) * random.choice([1, -1])
    b = random.getrandbits(random.choice([1, 54, 70, 200, 1100])) + 1
    case("truediv", lambda a=a, b=b: a / b, a, b)
for a, b in [(2**1100, 2**76), (2**1100, 2**77 - 1), (1, 2**1074), (1, 2**1075), (3, 2**1076), (1, 2**1076),
             (2**53 + 1, 2**60), (2**54 + 3, 1), (-(2**60) - 1, 3), (1, -(2**2000)), (0, -(2**100)),
             (10**400, 10**399), (2**1024 - 2**970, 1), (2**1024 - 2**970 - 1, 1)]:
    case("truediv", lambda a=a, b=b: a / b, a, b)

# --- bytes -------------------------------------------------------------------------------
for a in [0, 1, -1, 127, 128, -128, -129, 255, 256, -256, 2**31, -(2**31), -(2**31) - 1, 2**63, -(2**63),
          2**64 - 1, 2**64, -(2**64), 2**100 + 12345]:
    for n in [0, 1, 2, 4, 8, 9, 16]:
        for little in (False, True):
            for signed in (False, True):
                order = "little" if little else "big"
                case("to_bytes", lambda a=a, n=n, o=order, s=signed: a.to_bytes(n, o, signed=s), a, n,
                     (1 if little else 0) + (2 if signed else 0))
for data in ["", "00", "ff", "7f", "80", "0080", "8000", "ffffffff", "00000080", "0100000000", "ff" * 9,
             "80" + "00" * 15, "0123456789abcdef0123456789abcdef01"]:
    for little in (False, True):
        for signed in (False, True):
            bs = bytes.fromhex(data)
            order = "little" if little else "big"
            cases.append(("from_bytes", -1, -1, val((1 if little else 0) + (2 if signed else 0)),
                          enc(int.from_bytes(bs, order, signed=signed)) + "|" + data))

# --- bool and slot behaviour -------------------------------------------------------------
for a in [True, False]:
    for b in [True, False, 0, 1, 2, -1, 2**64]:
        for name, f in [("and", lambda a, b: a & b), ("or", lambda a, b: a | b), ("xor", lambda a, b: a ^ b),
                        ("add", lambda a, b: a + b), ("sub", lambda a, b: a - b), ("mul", lambda a, b: a * b),
                        ("floordiv", lambda a, b: a // b), ("truediv", lambda a, b: a / b),
                        ("lshift", lambda a, b: a << b), ("cmp", None)]:
            if name == "cmp":
                case("slot_cmp", None, a, b, raw="i:%d" % ((a > b) - (a < b)))
                case("slot_cmp", None, b, a, raw="i:%d" % ((b > a) - (b < a)))
                continue
            case("slot_" + name, lambda f=f, a=a, b=b: f(a, b), a, b)
            case("slot_" + name, lambda f=f, a=a, b=b: f(b, a), b, a)
    case("slot_repr", lambda a=a: repr(a), a)
    case("slot_hash", None, a, raw="i:%d" % hash(a))
    case("slot_neg", lambda a=a: -a, a)
    case("slot_invert", lambda a=a: ~int(a), a)
    case("slot_pos", lambda a=a: +a, a)
    case("slot_abs", lambda a=a: abs(a), a)
    case("slot_pow", lambda a=a: a ** a, a, a)
    case("slot_pow3", lambda a=a: pow(a, True, 2), a, True, 2)
    case("slot_float", lambda a=a: float(a), a)
for a, b in [(1, 1.5), (1.5, 1), (True, 0.5)]:
    case("slot_add", None, a, b, raw="NotImplemented")
case("slot_pow3", None, 2, 3, 1.5, raw="NotImplemented")

# --- output ------------------------------------------------------------------------------------
out = []
out.append("// int_cases_test.inc — GENERATED by tests/unit/gen/gen_int_cases.py from CPython %s;"
           % sys.version.split()[0])
out.append("// do not edit. Operations on ints and bools with the results CPython gives.")
out.append("// clang-format off")
out.append("static const char* const kValues[] = {")
for v in values:
    out.append('"%s",' % v)
out.append("};")
out.append("static const IntCase kCases[] = {")
for op, a, b, c, e in cases:
    esc = e.replace("\\", "\\\\").replace('"', '\\"')
    out.append('{"%s",%d,%d,%d,"%s"},' % (op, a, b, c, esc))
out.append("};")
out.append("// clang-format on")
with open("runtime/objects/int_cases_test.inc", "w") as f:
    f.write("\n".join(out) + "\n")
print(len(values), "values,", len(cases), "cases")
