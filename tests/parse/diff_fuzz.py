#!/usr/bin/env python3.12
"""diff_fuzz.py - differential fuzzing of the front end against CPython 3.12.

Takes snippets of real code from CPython's Lib/, mutates them (deleting,
inserting or swapping characters and tokens, duplicating lines), and
compares Molt with CPython on each mutant: where CPython parses it the dumps
must be equal; where it raises SyntaxError, Molt must raise the same class
on the same line with the same message. Mismatches are grouped by kind and
the smallest example of each is printed (and saved with --save DIR).

Usage:
  python3.12 diff_fuzz.py --tool "build/bin/molt-parse-dev --batch" [--count 20000] [--seed 1]
                          [--save DIR] [--compile]

Not part of ctest (it is random); run it by hand when changing the parser.
"""

import argparse
import ast
import collections
import os
import random
import shlex
import subprocess
import sys
import sysconfig
import tempfile
import warnings

INSERTS = ["(", ")", "[", "]", "{", "}", ":", ",", ".", "=", "==", "*", "**", "'", '"', '"""', "\\", "#",
           " ", "\t", "\n", "    ", "f'", "b'", "r'", "lambda", "if", "else", "for", "in", "not", "and", "await",
           "async", "yield", "return", "def", "class", "import", "from", "as", "with", "match", "case", "_",
           "type", "1", "0x", "1e", "1_", "j", ";", "@", "->", ":=", "!", "<>", "$", "?", "€", "\x00", "\x0c",
           "{x}", "{", "}", "!r", "global", "nonlocal", "del", "pass", "*a", "**k", "/", "->", "...", "-"]


def snippets(lib, rng, count):
    files = []
    for dirpath, dirnames, filenames in os.walk(lib):
        for name in filenames:
            if name.endswith(".py"):
                files.append(os.path.join(dirpath, name))
    files.sort()
    out = []
    while len(out) < count:
        path = rng.choice(files)
        try:
            with open(path, encoding="utf-8") as f:
                lines = f.read().splitlines(keepends=True)
        except (UnicodeDecodeError, OSError):
            continue
        if not lines:
            continue
        start = rng.randrange(len(lines))
        size = rng.randint(1, 12)
        chunk = lines[start:start + size]
        # Dedent the chunk so that it starts at column 0 more often.
        indent = len(chunk[0]) - len(chunk[0].lstrip(" "))
        chunk = [l[indent:] if l[:indent].strip() == "" else l for l in chunk]
        out.append("".join(chunk))
    return out


def mutate(text, rng):
    for _ in range(rng.randint(1, 3)):
        if not text:
            text = rng.choice(INSERTS)
            continue
        op = rng.randrange(5)
        i = rng.randrange(len(text) + 1)
        if op == 0 and i < len(text):
            text = text[:i] + text[i + 1:]
        elif op == 1:
            text = text[:i] + rng.choice(INSERTS) + text[i:]
        elif op == 2 and i + 1 < len(text):
            text = text[:i] + text[i + 1] + text[i] + text[i + 2:]
        elif op == 3:
            lines = text.splitlines(keepends=True)
            if lines:
                j = rng.randrange(len(lines))
                lines.insert(j, lines[j])
                text = "".join(lines)
        else:
            j = rng.randrange(len(text) + 1)
            a, b = sorted((i, j))
            text = text[:a] + text[b:]
    return text


def cpython(data, compile_mode):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            if compile_mode:
                compile(data, "<fuzz>", "exec", dont_inherit=True)
                return ("OK", None)
            return ("OK", ast.dump(ast.parse(data), include_attributes=True))
        except SyntaxError as e:
            return ("ERR", (type(e).__name__, e.lineno or 0, e.msg))
        except (ValueError, MemoryError, RecursionError, OverflowError) as e:
            return ("EXC", type(e).__name__)


def run_molt(tool, paths):
    r = subprocess.run(shlex.split(tool), input="".join(p + "\n" for p in paths), capture_output=True, text=True,
                       encoding="utf-8", errors="surrogateescape")
    res = {}
    cur = None
    lines = iter(r.stdout.split("\n"))
    for line in lines:
        if line.startswith("#FILE "):
            cur = line[6:]
        elif line == "#OK":
            res[cur] = ("OK", next(lines, ""))
        elif line.startswith("#ERROR "):
            p = line[7:].split("\t", 3)
            res[cur] = ("ERR", (p[0], int(p[1]), p[3]))
    return res, r.returncode, r.stderr


def classify(exp, got):
    if got is None:
        return "crash"
    if exp[0] == "EXC":
        return None
    if exp[0] == "OK" and got[0] == "OK":
        return None if exp[1] is None or exp[1] == got[1] else "dump differs"
    if exp[0] == "OK":
        return "molt rejects valid code: " + got[1][2][:60]
    if got[0] == "OK":
        return "molt accepts invalid code: " + exp[1][2][:60]
    if exp[1][1] != got[1][1]:
        return "line differs: %s / %s" % (exp[1][2][:40], got[1][2][:40])
    if exp[1][0] != got[1][0] or exp[1][2] != got[1][2]:
        return "message differs: %s / %s" % (exp[1][2][:50], got[1][2][:50])
    return None


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--tool", required=True)
    ap.add_argument("--lib", default=sysconfig.get_paths()["stdlib"])
    ap.add_argument("--count", type=int, default=20000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--save", help="directory to store one example per mismatch kind")
    ap.add_argument("--compile", action="store_true", help="compare with compile() (use a --check tool)")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    texts = [mutate(s, rng) for s in snippets(args.lib, rng, args.count)]
    kinds = collections.defaultdict(list)
    with tempfile.TemporaryDirectory() as tmp:
        for base in range(0, len(texts), 500):
            batch = texts[base:base + 500]
            paths = []
            for i, t in enumerate(batch):
                p = os.path.join(tmp, "m%06d.py" % (base + i))
                with open(p, "w", encoding="utf-8", errors="surrogatepass") as f:
                    f.write(t)
                paths.append(p)
            got, rc, err = run_molt(args.tool, paths)
            for p, t in zip(paths, batch):
                with open(p, "rb") as f:
                    data = f.read()
                k = classify(cpython(data, args.compile), got.get(p))
                if k:
                    kinds[k].append(data)
    total = sum(len(v) for v in kinds.values())
    print("mutants: %d, mismatches: %d (%d kinds)" % (len(texts), total, len(kinds)))
    for k, examples in sorted(kinds.items(), key=lambda kv: -len(kv[1])):
        smallest = min(examples, key=len)
        print("%5d  %s\n       e.g. %r" % (len(examples), k, smallest[:200]))
        if args.save:
            os.makedirs(args.save, exist_ok=True)
            name = "".join(c if c.isalnum() else "_" for c in k)[:60]
            with open(os.path.join(args.save, name + ".py"), "wb") as f:
                f.write(smallest)
    return 0


if __name__ == "__main__":
    sys.exit(main())
