#!/usr/bin/env python3.12
"""oracle.py - the parser oracle: Molt's AST dump against CPython's.

Walks every .py file under CPython 3.12's Lib/ (or the given roots) and
compares, file by file:
  - where CPython parses the file, Molt's dump must equal
    ast.dump(ast.parse(source), include_attributes=True) byte for byte;
  - where CPython raises SyntaxError (or IndentationError/TabError), Molt
    must report an error on the same line.
With --compile, the comparison is with compile() instead (the tool must
also run the semantic syntax check, e.g. `molt-parse-dev --batch --check`):
where CPython compiles the file, Molt must accept it; where compile()
raises SyntaxError, Molt must report one on the same line with the same
message. This checks check_semantic_syntax against CPython's compiler.

Prints the number of matching files and the first differences; exits 1 if
any file differs.

Usage:
  python3.12 oracle.py --tool "build/bin/molt-parse-dev --batch" [--lib DIR]...
         [--jobs N] [--show N] [--filter SUBSTRING] [--list-failures FILE]

The tool command reads file names on stdin and answers, per file,
  #FILE <name>                     then either
  #OK / <dump on one line> / #END  or
  #ERROR <class>\t<line>\t<offset>\t<message>
Run it under CPython 3.12 (PYTHONHASHSEED=0); CPython's dumps are computed
in the same run, so nothing is checked in.
"""

import argparse
import ast
import multiprocessing
import os
import shlex
import subprocess
import sys
import time
import warnings


def default_lib():
    import sysconfig
    return sysconfig.get_paths()["stdlib"]


def collect(roots, substring):
    files = []
    for root in roots:
        if os.path.isfile(root):
            files.append(root)
            continue
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames.sort()
            for name in sorted(filenames):
                if name.endswith(".py"):
                    path = os.path.join(dirpath, name)
                    if substring is None or substring in path:
                        files.append(path)
    return files


def cpython_compile_result(path):
    """('OK', None) or ('ERR', (class, line, offset, msg)) or ('EXC', text)."""
    with open(path, "rb") as f:
        data = f.read()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            compile(data, path, "exec", dont_inherit=True)
        except SyntaxError as e:
            return "ERR", (type(e).__name__, e.lineno or 0, e.offset or 0, e.msg)
        except (ValueError, MemoryError, RecursionError) as e:
            return "EXC", "%s: %s" % (type(e).__name__, e)
    return "OK", None


def cpython_result(path):
    """('OK', dump) or ('ERR', (class, line, offset, msg)) or ('EXC', text)."""
    with open(path, "rb") as f:
        data = f.read()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            tree = ast.parse(data, path)
        except SyntaxError as e:
            return "ERR", (type(e).__name__, e.lineno or 0, e.offset or 0, e.msg)
        except (ValueError, MemoryError, RecursionError) as e:
            return "EXC", "%s: %s" % (type(e).__name__, e)
    try:
        return "OK", ast.dump(tree, include_attributes=True)
    except (ValueError, RecursionError) as e:
        return "EXC", "%s: %s" % (type(e).__name__, e)


def read_molt(stream):
    """Yields (path, kind, payload) records from the tool's output."""
    path = None
    while True:
        line = stream.readline()
        if not line:
            return
        line = line.rstrip("\n")
        if line.startswith("#FILE "):
            path = line[6:]
        elif line == "#OK":
            dump = stream.readline().rstrip("\n")
            end = stream.readline().rstrip("\n")
            if end != "#END":
                yield path, "BAD", "malformed tool output"
                return
            yield path, "OK", dump
        elif line.startswith("#ERROR "):
            parts = line[7:].split("\t", 3)
            while len(parts) < 4:
                parts.append("")
            try:
                lineno = int(parts[1])
                offset = int(parts[2])
            except ValueError:
                lineno = offset = -1
            yield path, "ERR", (parts[0], lineno, offset, parts[3])


def first_difference(a, b):
    i = 0
    n = min(len(a), len(b))
    while i < n and a[i] == b[i]:
        i += 1
    lo = max(0, i - 120)
    return "at char %d:\n      cpython: ...%s\n      molt:    ...%s" % (
        i, a[lo:i + 120], b[lo:i + 120])


def check_chunk(args):
    tool, files, compile_mode = args
    results = []
    proc = subprocess.Popen(shlex.split(tool), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, encoding="utf-8", errors="surrogateescape")
    # Feed all names at once from a thread-free writer: the tool answers
    # one file at a time, so write everything first.
    proc.stdin.write("".join(f + "\n" for f in files))
    proc.stdin.close()
    seen = {}
    for path, kind, payload in read_molt(proc.stdout):
        seen[path] = (kind, payload)
    proc.wait()
    stderr = proc.stderr.read()
    for path in files:
        expected = cpython_compile_result(path) if compile_mode else cpython_result(path)
        got = seen.get(path)
        if got is None:
            results.append((path, False, "molt produced no result (exit %d): %s" % (proc.returncode, stderr[-500:]),
                            False))
            continue
        ekind, epayload = expected
        gkind, gpayload = got
        if ekind == "OK" and compile_mode:
            if gkind == "OK":
                results.append((path, True, "", True))
            else:
                results.append((path, False, "CPython compiles it, molt reports %s" % (gpayload,), False))
        elif ekind == "OK":
            if gkind == "OK" and gpayload == epayload:
                results.append((path, True, "", True))
            elif gkind == "OK":
                results.append((path, False, "dump differs " + first_difference(epayload, gpayload), False))
            else:
                results.append((path, False, "CPython parses it, molt reports %s" % (gpayload,), False))
        elif ekind == "ERR":
            if gkind == "ERR" and gpayload[1] == epayload[1] and (not compile_mode or gpayload[3] == epayload[3]):
                exact = gpayload[0] == epayload[0] and gpayload[3] == epayload[3]
                results.append((path, True, "" if exact else "same line, different error: cpython %s, molt %s"
                                % (epayload, gpayload), exact))
            elif gkind == "ERR":
                results.append((path, False, "error on a different line: cpython %s, molt %s"
                                % (epayload, gpayload), False))
            else:
                results.append((path, False, "CPython raises %s, molt parses it" % (epayload,), False))
        else:
            # CPython fails outside SyntaxError (ValueError for a huge
            # literal repr, RecursionError): Molt must not crash; any answer
            # is accepted.
            results.append((path, gkind in ("OK", "ERR"), "cpython: " + epayload, True))
    return results


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--tool", required=True, help="command of the batch dumper")
    ap.add_argument("--lib", action="append", help="root to walk (default: this interpreter's Lib/)")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--show", type=int, default=10, help="differences to print")
    ap.add_argument("--filter", help="only files whose path contains this")
    ap.add_argument("--list-failures", help="write failing paths here")
    ap.add_argument("--compile", action="store_true",
                    help="compare with compile() (the tool runs the semantic check) instead of ast.parse")
    args = ap.parse_args()
    if sys.version_info[:2] != (3, 12):
        sys.exit("oracle.py must run under CPython 3.12")

    roots = args.lib or [default_lib()]
    files = collect(roots, args.filter)
    if not files:
        sys.exit("no .py files found")
    t0 = time.time()
    jobs = max(1, args.jobs)
    # Many small chunks balance the two processes; each chunk is one tool run.
    nchunks = max(jobs * 8, 1)
    chunks = [files[i::nchunks] for i in range(nchunks)]
    chunks = [(args.tool, c, args.compile) for c in chunks if c]
    results = []
    with multiprocessing.Pool(jobs) as pool:
        for r in pool.imap_unordered(check_chunk, chunks):
            results.extend(r)
    results.sort()
    ok = sum(1 for r in results if r[1])
    exact = sum(1 for r in results if r[1] and r[3])
    failures = [r for r in results if not r[1]]
    notes = [r for r in results if r[1] and r[2]]
    print("oracle%s: %d of %d files match CPython 3.12 (%d with the exact error message), %.1fs"
          % (" (compile)" if args.compile else "", ok, len(results), exact, time.time() - t0))
    for path, _, msg, _ in failures[:args.show]:
        print("FAIL %s\n    %s" % (path, msg))
    if len(failures) > args.show:
        print("... and %d more failures" % (len(failures) - args.show))
    for path, _, msg, _ in notes[:args.show]:
        print("NOTE %s\n    %s" % (path, msg))
    if args.list_failures:
        with open(args.list_failures, "w") as f:
            for path, _, _, _ in failures:
                f.write(path + "\n")
    return 0 if not failures else 1


if __name__ == "__main__":
    sys.exit(main())
