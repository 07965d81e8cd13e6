#!/usr/bin/env python3.12
"""bench_parse.py - parse throughput of Molt's front end against CPython's
ast.parse, over every .py file of CPython 3.12's Lib/, in the same run.

Both sides parse the same in-memory sources (file reading is not timed);
each side's time is the best of --repeat runs. CPython's time is
ast.parse(source_bytes) per file (its C parser plus the conversion to Python
AST objects, which is what `ast.parse` costs a caller); Molt's is
parse_module() per file in `molt-parse-dev --bench`. Files CPython rejects
are left out of both sides. Prints lines/second for each and the ratio.

Usage:
  python3.12 bench/parse/bench_parse.py --tool build-rel/bin/molt-parse-dev [--lib DIR] [--repeat 3] [--json]

Build the tool in Release mode (no sanitizers) for meaningful numbers.
"""

import argparse
import ast
import json
import os
import subprocess
import sys
import sysconfig
import time
import warnings


def collect(root):
    out = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for name in sorted(filenames):
            if name.endswith(".py"):
                out.append(os.path.join(dirpath, name))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--tool", required=True, help="path of molt-parse-dev (Release build)")
    ap.add_argument("--lib", default=sysconfig.get_paths()["stdlib"])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--json", action="store_true", help="print the result as JSON too")
    args = ap.parse_args()

    files = collect(args.lib)
    sources = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for path in files:
            with open(path, "rb") as f:
                data = f.read()
            try:
                ast.parse(data)
            except (SyntaxError, ValueError):
                continue
            sources.append((path, data))
    lines = sum(data.count(b"\n") for _, data in sources)

    best_cpython = float("inf")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            for _, data in sources:
                ast.parse(data)
            best_cpython = min(best_cpython, time.perf_counter() - t0)

    names = "".join(path + "\n" for path, _ in sources)
    r = subprocess.run([args.tool, "--bench", "--repeat=%d" % args.repeat], input=names, capture_output=True,
                       text=True, check=True)
    fields = dict(item.split("=") for item in r.stdout.split())
    molt_seconds = float(fields["seconds"])
    if int(fields["failed"]) != 0:
        print("warning: molt failed on %s files" % fields["failed"], file=sys.stderr)

    cpy_lps = lines / best_cpython
    molt_lps = lines / molt_seconds
    print("parse throughput over %d files, %d lines (best of %d)" % (len(sources), lines, args.repeat))
    print("  %-22s %10.3f s  %12.0f lines/s" % ("CPython 3.12 ast.parse", best_cpython, cpy_lps))
    print("  %-22s %10.3f s  %12.0f lines/s" % ("Molt parse_module", molt_seconds, molt_lps))
    print("  ratio (Molt / CPython): %.2fx" % (molt_lps / cpy_lps))
    if args.json:
        print(json.dumps({"files": len(sources), "lines": lines, "cpython_seconds": best_cpython,
                          "molt_seconds": molt_seconds, "cpython_lines_per_second": cpy_lps,
                          "molt_lines_per_second": molt_lps, "ratio": molt_lps / cpy_lps}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
