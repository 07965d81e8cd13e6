#!/usr/bin/env python3.12
"""check_invalid.py - invalid-syntax cases: Molt's error against CPython's.

Every .py file in the given directory (default: tests/parse/invalid/) must
make CPython 3.12 raise SyntaxError (or IndentationError/TabError) when
compiled, and Molt (parse + check_semantic_syntax) must report the same
exception class, on the same line, with the same message. CPython's expected
error is computed at test time. Column differences are reported but do not
fail the test.

Usage:
  python3.12 check_invalid.py --tool "build/bin/molt-parse-dev --batch --check" [DIR] [-v]
"""

import argparse
import os
import shlex
import subprocess
import sys
import warnings


def cpython_error(path):
    with open(path, "rb") as f:
        data = f.read()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            compile(data, path, "exec")
        except SyntaxError as e:
            return (type(e).__name__, e.lineno or 0, e.offset or 0, e.msg)
        except (ValueError, MemoryError, RecursionError) as e:
            return (type(e).__name__, 0, 0, str(e))
    return None


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--tool", required=True)
    ap.add_argument("dir", nargs="?", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "invalid"))
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    if sys.version_info[:2] != (3, 12):
        sys.exit("check_invalid.py must run under CPython 3.12")
    files = sorted(os.path.join(args.dir, f) for f in os.listdir(args.dir) if f.endswith(".py"))
    proc = subprocess.run(shlex.split(args.tool), input="".join(f + "\n" for f in files), capture_output=True,
                          text=True, encoding="utf-8", errors="surrogateescape")
    molt = {}
    path = None
    lines = iter(proc.stdout.splitlines())
    for line in lines:
        if line.startswith("#FILE "):
            path = line[6:]
        elif line == "#OK":
            next(lines, None)
            next(lines, None)
            molt[path] = None
        elif line.startswith("#ERROR "):
            parts = line[7:].split("\t", 3)
            molt[path] = (parts[0], int(parts[1]), int(parts[2]), parts[3])
    failures = 0
    column_diffs = 0
    for f in files:
        expected = cpython_error(f)
        name = os.path.basename(f)
        if f not in molt:
            failures += 1
            print("FAIL %s: molt gave no answer (exit %d) %s" % (name, proc.returncode, proc.stderr[-300:]))
            continue
        got = molt[f]
        if expected is None:
            failures += 1
            print("FAIL %s: CPython accepts this file (not an invalid-syntax case)" % name)
        elif got is None:
            failures += 1
            print("FAIL %s: CPython raises %s, molt accepts it" % (name, expected))
        elif (got[0], got[1], got[3]) != (expected[0], expected[1], expected[3]):
            failures += 1
            print("FAIL %s:\n    cpython: %s line %d: %s\n    molt:    %s line %d: %s"
                  % (name, expected[0], expected[1], expected[3], got[0], got[1], got[3]))
        elif got[2] != expected[2]:
            column_diffs += 1
            if args.verbose:
                print("COLUMN %s: cpython offset %d, molt %d (%s)" % (name, expected[2], got[2], expected[3]))
    print("invalid-syntax cases: %d of %d match CPython (class, line, message); %d differ only in column"
          % (len(files) - failures, len(files), column_diffs))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
