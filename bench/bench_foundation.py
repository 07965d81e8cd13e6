#!/usr/bin/env python3
"""bench_foundation.py — first Molt benchmarks, measured against CPython 3.12
(and PyPy when installed) in the same run.

Reports:
  - run time of bench/programs/*.py under CPython, PyPy and Molt (best of N);
  - the size of a stripped hello-world executable (native and wasm);
  - `molt run hello.py` wall time, cold (empty cache) and cached.

Usage: bench/bench_foundation.py [--molt PATH] [--repeat N] [--json FILE]
Run with any Python 3; it finds CPython 3.12 the way `molt doctor` does
unless MOLT_CPYTHON is set. Nothing here is a test: no time is asserted.
"""
import argparse
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def find_cpython():
    cands = [os.environ.get("MOLT_CPYTHON"), shutil.which("python3.12")]
    cands += sorted(glob.glob(os.path.expanduser("~/.pyenv/versions/3.12*/bin/python3.12")), reverse=True)
    for c in cands:
        if not c:
            continue
        try:
            out = subprocess.run([c, "-c", "import sys;print(sys.version_info[:2]==(3,12))"],
                                 capture_output=True, text=True, timeout=20).stdout.strip()
        except OSError:
            continue
        if out == "True":
            return c
    return None


def best_time(cmd, repeat, env=None):
    best = None
    out = None
    for _ in range(repeat):
        t0 = time.perf_counter()
        r = subprocess.run(cmd, capture_output=True, text=True, env=env)
        dt = time.perf_counter() - t0
        if r.returncode != 0:
            raise SystemExit(f"{' '.join(cmd)} failed:\n{r.stderr}")
        out = r.stdout
        best = dt if best is None else min(best, dt)
    return best, out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--molt", default=os.path.join(ROOT, "build", "release", "bin", "molt"))
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--json", help="also write the results as JSON to this file")
    args = ap.parse_args()

    cpython = find_cpython()
    if not cpython:
        raise SystemExit("CPython 3.12 not found (set MOLT_CPYTHON)")
    pypy = shutil.which("pypy3")
    molt = args.molt
    if not os.path.exists(molt):
        raise SystemExit(f"molt not found at {molt}; build it first (scripts/quickstart.sh)")
    env = dict(os.environ, PYTHONHASHSEED="0")
    results = {"programs": [], "sizes": {}, "molt_run": {}}
    work = tempfile.mkdtemp(prefix="molt-bench-")

    print(f"CPython: {cpython}")
    print(f"PyPy:    {pypy or 'not installed'}")
    print(f"molt:    {molt}\n")
    print(f"{'program':<16}{'CPython s':>11}{'PyPy s':>9}{'Molt s':>9}{'vs CPython':>12}{'vs PyPy':>9}")
    for prog in sorted(glob.glob(os.path.join(ROOT, "bench", "programs", "*.py"))):
        name = os.path.basename(prog)[:-3]
        if name == "hello":
            continue
        exe = os.path.join(work, name)
        subprocess.run([molt, "build", "--release", prog, "-o", exe], check=True)
        t_cpy, out_cpy = best_time([cpython, prog], args.repeat, env)
        t_molt, out_molt = best_time([exe], args.repeat)
        if out_cpy != out_molt:
            raise SystemExit(f"{name}: Molt's output differs from CPython's")
        t_pypy = best_time([pypy, prog], args.repeat)[0] if pypy else None
        row = {"program": name, "cpython_s": t_cpy, "pypy_s": t_pypy, "molt_s": t_molt,
               "speedup_vs_cpython": t_cpy / t_molt,
               "speedup_vs_pypy": (t_pypy / t_molt) if t_pypy else None}
        results["programs"].append(row)
        pypy_col = f"{t_pypy:9.3f}" if t_pypy else f"{'-':>9}"
        vs_pypy = f"{t_pypy / t_molt:8.1f}x" if t_pypy else f"{'-':>9}"
        print(f"{name:<16}{t_cpy:11.3f}{pypy_col}{t_molt:9.3f}{t_cpy / t_molt:11.1f}x{vs_pypy}")

    hello = os.path.join(ROOT, "bench", "programs", "hello.py")
    native = os.path.join(work, "hello")
    wasm = os.path.join(work, "hello.wasm")
    subprocess.run([molt, "build", "--release", hello, "-o", native], check=True)
    subprocess.run([molt, "build", "--release", "--target", "wasm", hello, "-o", wasm], check=True)
    results["sizes"] = {"hello_native_bytes": os.path.getsize(native), "hello_wasm_bytes": os.path.getsize(wasm)}
    print(f"\nstripped hello world: native {os.path.getsize(native):,} bytes, "
          f"wasm {os.path.getsize(wasm):,} bytes")

    cache = os.path.join(work, "cache")
    renv = dict(os.environ, MOLT_CACHE_DIR=cache)
    t0 = time.perf_counter()
    subprocess.run([molt, "run", hello], check=True, capture_output=True, env=renv)
    cold = time.perf_counter() - t0
    cached, _ = best_time([molt, "run", hello], args.repeat, renv)
    t_cpy_hello, _ = best_time([cpython, hello], args.repeat, env)
    results["molt_run"] = {"cold_s": cold, "cached_s": cached, "cpython_hello_s": t_cpy_hello}
    print(f"molt run hello.py: cold {cold * 1000:.0f} ms, cached {cached * 1000:.1f} ms "
          f"(CPython runs it in {t_cpy_hello * 1000:.1f} ms)")
    shutil.rmtree(work, ignore_errors=True)
    if args.json:
        with open(args.json, "w") as f:
            json.dump(results, f, indent=2)


if __name__ == "__main__":
    main()
