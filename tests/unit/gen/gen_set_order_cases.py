#!/usr/bin/env python3.12
"""gen_set_order_cases.py — writes runtime/objects/set_order_cases_test.inc:
random programs of set, frozenset and dict operations with the reprs (and
so the iteration orders), popped items and frozenset hashes CPython 3.12
gives with PYTHONHASHSEED=0, checked by runtime/objects/set_order_test.cc.

Run with CPython 3.12 from the repository root:
    PYTHONHASHSEED=0 python3.12 tests/unit/gen/gen_set_order_cases.py

A program is a list of lines over registers r0..r3 (see set_order_test.cc):
    new R set|frozenset I...   R = set([values...])
    list R I...                R = [values...]
    dnew R I...                R = {value: index for each index}
    add R I / discard R I / remove R I / pop R / clear R / update R S
    op D A OP B                D = A OP B   (OP in | & - ^)
    iop A OP B                 A OP= B      (OP in |= &= -= ^=)
    call D A METHOD B...       D = A.METHOD(B...)
    dset R I J / ddel R I / dpop R I / dpopitem R / dsetdefault R I J
    dupdate R S / dcopy D R / dclear R / dkeys D R / ditems D R
    expect R TEXT              repr(R) == TEXT (or the exception text)
    rnew R TYPE KIND LO HI SEED  a large set/frozenset/dict of range(LO, HI)
                               values (ints, or strs "k<i>"), inserted in
                               the order permutation(HI - LO, SEED) (0:
                               ascending)
    radd R K LO HI STEP / rdel R K LO HI STEP   add / discard a range
    rpop R N TEXT              N pops give the list TEXT
    expectsum R LEN FNV        repr(R) has LEN characters and FNV-1a hash FNV
    hash R H                   hash(R) == H (frozensets)
I and J index the value table; TEXT is the rest of the line.
"""
import os
import random
import sys

assert sys.version_info[:2] == (3, 12), "expectations must come from CPython 3.12"
assert os.environ.get("PYTHONHASHSEED") == "0", "run with PYTHONHASHSEED=0"

OUT = "runtime/objects/set_order_cases_test.inc"

VALUES = []
for i in list(range(-3, 40)) + [64, 72, 80, 88, 128, 136, 1 << 20, (1 << 20) + 8, 2**40 + 3, 2**47 - 1, -2**47,
                                2**47, 2**61 - 1, 2**61, 2**62 + 5, -(2**61) + 1, 10**20, -10**20]:
    VALUES.append(("i", i))
for s in ["", "a", "b", "c", "ab", "ba", "abc", "key", "value", "x" * 8, "x" * 9, "hello world", "é", "ñandú",
          "€uro", "日本", "😀", "a\x00b", "A", "Z", "spam", "eggs", "the quick brown fox"]:
    VALUES.append(("s", s))
for f in [0.5, 1.0, 2.5, -0.0, 1e100, 3.0]:
    VALUES.append(("f", f))


def value(i):
    return VALUES[i][1]


rng = random.Random(4242)
N = len(VALUES)


def pick():
    # Mostly ints and strs that collide in small tables.
    return rng.randrange(N)


def picks(k):
    return [pick() for _ in range(k)]


def index_of(k):
    """The table index of key k (same type and value), or a random index."""
    for n in range(N):
        if type(value(n)) is type(k) and value(n) == k:
            return n
    return pick()


def run_program(length):
    regs = {}
    lines = []

    def emit_expect(r):
        try:
            t = repr(regs[r])
        except Exception as e:  # pragma: no cover
            t = "!! %s: %s" % (type(e).__name__, e)
        lines.append("expect r%d %s" % (r, t))

    kinds = {}
    for r in range(4):
        kind = rng.choice(["set", "set", "frozenset", "dict"])
        vals = picks(rng.randrange(0, 25))
        if kind == "dict":
            regs[r] = {value(i): i for i in vals}
            lines.append("dnew r%d %s" % (r, " ".join(map(str, vals))))
        else:
            regs[r] = (set if kind == "set" else frozenset)(value(i) for i in vals)
            lines.append("new r%d %s %s" % (r, kind, " ".join(map(str, vals))))
        kinds[r] = kind
        emit_expect(r)

    for _ in range(length):
        r = rng.randrange(4)
        x = regs[r]
        if isinstance(x, dict):
            op = rng.choice(["dset"] * 4 + ["ddel"] * 2 + ["dpop", "dpopitem", "dsetdefault", "dupdate", "dcopy",
                                                         "dclear", "dkeys", "ditems"])
            if op == "dset":
                i, j = pick(), pick()
                x[value(i)] = j
                lines.append("dset r%d %d %d" % (r, i, j))
            elif op == "ddel":
                i = pick() if rng.random() < 0.3 or not x else None
                if i is None:
                    i = index_of(rng.choice(list(x)))
                try:
                    del x[value(i)]
                    res = "ok"
                except KeyError as e:
                    res = "!! KeyError: %r" % (e.args[0],)
                lines.append("ddel r%d %d %s" % (r, i, res))
            elif op == "dpop":
                i = pick()
                try:
                    res = repr(x.pop(value(i)))
                except KeyError as e:
                    res = "!! KeyError: %r" % (e.args[0],)
                lines.append("dpop r%d %d %s" % (r, i, res))
            elif op == "dpopitem":
                try:
                    res = repr(x.popitem())
                except KeyError as e:
                    res = "!! KeyError: %r" % (e.args[0],)
                lines.append("dpopitem r%d %s" % (r, res))
            elif op == "dsetdefault":
                i, j = pick(), pick()
                res = repr(x.setdefault(value(i), j))
                lines.append("dsetdefault r%d %d %d %s" % (r, i, j, res))
            elif op == "dupdate":
                s = rng.randrange(4)
                src = regs[s]
                if isinstance(src, dict):
                    x.update(src)
                    lines.append("dupdate r%d r%d" % (r, s))
                else:
                    continue
            elif op == "dcopy":
                d = rng.randrange(4)
                if d == r:
                    continue
                regs[d] = x.copy()
                lines.append("dcopy r%d r%d" % (d, r))
                emit_expect(d)
            elif op == "dclear":
                x.clear()
                lines.append("dclear r%d" % r)
            elif op in ("dkeys", "ditems"):
                d = rng.randrange(4)
                if d == r:
                    continue
                regs[d] = set(x.keys()) if op == "dkeys" else set(x.items())
                lines.append("%s r%d r%d" % (op, d, r))
                emit_expect(d)
            emit_expect(r)
            continue
        mutable = isinstance(x, set)
        ops = ["op", "op", "call", "call"]
        if mutable:
            ops += ["add"] * 4 + ["discard"] * 2 + ["remove", "pop", "update", "iop", "iop", "clear"]
        op = rng.choice(ops)
        if op == "add":
            i = pick()
            x.add(value(i))
            lines.append("add r%d %d" % (r, i))
        elif op in ("discard", "remove"):
            if x and rng.random() < 0.7:
                i = index_of(rng.choice(list(x)))
            else:
                i = pick()
            if op == "discard":
                x.discard(value(i))
                lines.append("discard r%d %d" % (r, i))
            else:
                try:
                    x.remove(value(i))
                    res = "ok"
                except KeyError as e:
                    res = "!! KeyError: %r" % (e.args[0],)
                lines.append("remove r%d %d %s" % (r, i, res))
        elif op == "pop":
            try:
                res = repr(x.pop())
            except KeyError as e:
                res = "!! KeyError: %r" % (e.args[0],)
            lines.append("pop r%d %s" % (r, res))
        elif op == "clear":
            x.clear()
            lines.append("clear r%d" % r)
        elif op == "update":
            s = rng.randrange(4)
            x.update(regs[s])
            lines.append("update r%d r%d" % (r, s))
        elif op == "op":
            a, b, d = r, rng.randrange(4), rng.randrange(4)
            o = rng.choice("|&-^")
            try:
                res = {"|": lambda p, q: p | q, "&": lambda p, q: p & q, "-": lambda p, q: p - q,
                       "^": lambda p, q: p ^ q}[o](regs[a], regs[b])
            except TypeError:
                continue
            regs[d] = res
            lines.append("op r%d r%d %s r%d" % (d, a, o, b))
            emit_expect(d)
            if isinstance(res, frozenset):
                lines.append("hash r%d %d" % (d, hash(res)))
        elif op == "iop":
            b = rng.randrange(4)
            if not isinstance(regs[b], (set, frozenset)):
                continue
            o = rng.choice(["|=", "&=", "-=", "^="])
            if o == "|=":
                x |= regs[b]
            elif o == "&=":
                x &= regs[b]
            elif o == "-=":
                x -= regs[b]
            else:
                x ^= regs[b]
            lines.append("iop r%d %s r%d" % (r, o, b))
        elif op == "call":
            meth = rng.choice(["union", "intersection", "difference", "symmetric_difference", "copy",
                               "issubset", "issuperset", "isdisjoint"] +
                              (["intersection_update", "difference_update", "symmetric_difference_update",
                                "update"] if mutable else []))
            nargs = 0 if meth == "copy" else 1 if meth.startswith(("symmetric", "is")) else rng.randrange(0, 3)
            args = [rng.randrange(4) for _ in range(nargs)]
            d = rng.randrange(4)
            res = getattr(x, meth)(*[regs[a] for a in args])
            line = "call r%d r%d %s %s" % (d, r, meth, " ".join("r%d" % a for a in args))
            if res is None or isinstance(res, bool):
                lines.append(line.rstrip() + " -> " + repr(res))
            else:
                regs[d] = res
                lines.append(line.rstrip())
                emit_expect(d)
                continue
        emit_expect(r)
    for r in range(4):
        if isinstance(regs[r], frozenset):
            lines.append("hash r%d %d" % (r, hash(regs[r])))
    return lines


def fnv(text):
    h = 0xcbf29ce484222325
    for b in text.encode("utf-8"):
        h = ((h ^ b) * 0x100000001b3) & ((1 << 64) - 1)
    return h


def range_values(kind, lo, hi, step):
    return [i if kind == "int" else "k%d" % i for i in range(lo, hi, step)]


def permutation(n, seed):
    """A Fisher-Yates shuffle of range(n) driven by a 64-bit LCG (reproduced
    by set_order_test.cc)."""
    a = list(range(n))
    state = seed
    for i in range(n - 1, 0, -1):
        state = (state * 6364136223846793005 + 1442695040888963407) & ((1 << 64) - 1)
        j = (state >> 33) % (i + 1)
        a[i], a[j] = a[j], a[i]
    return a


def run_big_program():
    """Large tables: resizes, many deletions (dummies), re-insertions."""
    lines = []
    kind = rng.choice(["int", "str"])
    container = rng.choice(["set", "set", "frozenset", "dict"])
    n = rng.choice([50, 200, 1000, 3000])
    lo = rng.choice([0, -500, 1 << 30])
    seed = rng.randrange(1 << 32) if rng.random() < 0.5 else 0
    values = range_values(kind, lo, lo + n, 1)
    if seed:
        values = [values[i] for i in permutation(n, seed)]
    x = {v: 0 for v in values} if container == "dict" else (set if container == "set" else frozenset)(values)
    lines.append("rnew r0 %s %s %d %d %d" % (container, kind, lo, lo + n, seed))

    def expect():
        t = repr(x)
        lines.append("expectsum r0 %d %d" % (len(t), fnv(t)))

    expect()
    if container == "frozenset":
        lines.append("hash r0 %d" % hash(x))
        return lines
    for _ in range(rng.randrange(1, 6)):
        a = lo + rng.randrange(-n // 4, n)
        b = a + rng.randrange(1, n)
        step = rng.choice([1, 2, 3, 7])
        vals = range_values(kind, a, b, step)
        if rng.random() < 0.5:
            for v in vals:
                if container == "dict":
                    x.pop(v, None)
                else:
                    x.discard(v)
            lines.append("rdel r0 %s %d %d %d" % (kind, a, b, step))
        else:
            for v in vals:
                if container == "dict":
                    x[v] = 1
                else:
                    x.add(v)
            lines.append("radd r0 %s %d %d %d" % (kind, a, b, step))
        expect()
    if container == "set" and rng.random() < 0.5:
        popped = [x.pop() for _ in range(min(len(x), 5))]
        lines.append("rpop r0 %d %s" % (len(popped), repr(popped)))
        expect()
    return lines


def run_algebra_program():
    """Set algebra on large sets (results are built by CPython's algorithms,
    whose table layouts decide the iteration order)."""
    lines = []
    regs = {}

    def expect(r):
        t = repr(regs[r])
        lines.append("expectsum r%d %d %d" % (r, len(t), fnv(t)))

    for r in range(3):
        kind = rng.choice(["int", "str"]) if r == 0 else lines_kind
        container = rng.choice(["set", "frozenset"])
        n = rng.choice([10, 100, 700, 2000])
        lo = rng.randrange(-1000, 1000)
        seed = rng.randrange(1 << 32) if rng.random() < 0.5 else 0
        values = range_values(kind, lo, lo + n, 1)
        if seed:
            values = [values[i] for i in permutation(n, seed)]
        regs[r] = (set if container == "set" else frozenset)(values)
        lines.append("rnew r%d %s %s %d %d %d" % (r, container, kind, lo, lo + n, seed))
        expect(r)
        if r == 0:
            lines_kind = kind
    for _ in range(rng.randrange(3, 12)):
        a, b, d = rng.randrange(3), rng.randrange(3), rng.randrange(3)
        choice = rng.random()
        if choice < 0.5:
            o = rng.choice("|&-^")
            regs[d] = {"|": lambda p, q: p | q, "&": lambda p, q: p & q, "-": lambda p, q: p - q,
                       "^": lambda p, q: p ^ q}[o](regs[a], regs[b])
            lines.append("op r%d r%d %s r%d" % (d, a, o, b))
            expect(d)
        elif choice < 0.8 or not isinstance(regs[a], set):
            meth = rng.choice(["union", "intersection", "difference", "symmetric_difference", "copy"])
            args = [] if meth == "copy" else [b]
            regs[d] = getattr(regs[a], meth)(*[regs[x] for x in args])
            lines.append(("call r%d r%d %s %s" % (d, a, meth, " ".join("r%d" % x for x in args))).rstrip())
            expect(d)
        else:
            meth = rng.choice(["intersection_update", "difference_update", "symmetric_difference_update", "update"])
            getattr(regs[a], meth)(regs[b])
            lines.append("call r%d r%d %s r%d -> None" % (d, a, meth, b))
            expect(a)
    for r in range(3):
        if isinstance(regs[r], frozenset):
            lines.append("hash r%d %d" % (r, hash(regs[r])))
    return lines


programs = [run_program(rng.randrange(5, 40)) for _ in range(250)]
programs += [run_algebra_program() for _ in range(40)]
programs += [run_big_program() for _ in range(60)]


def c_string(s):
    out = []
    for ch in s.encode("utf-8"):
        if ch in (0x22, 0x5C):
            out.append("\\" + chr(ch))
        elif 0x20 <= ch < 0x7F:
            out.append(chr(ch))
        else:
            out.append("\\%03o" % ch)
    return '"' + "".join(out) + '"'


with open(OUT, "w") as f:
    f.write("// set_order_cases_test.inc — GENERATED by tests/unit/gen/gen_set_order_cases.py from CPython %s\n"
            % sys.version.split()[0])
    f.write("// with PYTHONHASHSEED=0; do not edit.\n// clang-format off\n")
    f.write("static const TableValue kTableValues[] = {\n")
    for kind, v in VALUES:
        if kind == "i":
            f.write("    {'i', \"%d\"},\n" % v)
        elif kind == "s":
            f.write("    {'s', %s, %d},\n" % (c_string(v), len(v.encode("utf-8"))))
        else:
            f.write("    {'f', \"%s\"},\n" % float.hex(v))
    f.write("};\n")
    f.write("static const char* const kTablePrograms[] = {\n")
    for p in programs:
        f.write("    %s,\n" % c_string("\n".join(p)))
    f.write("};\n")
print(len(programs), "programs written to", OUT)
