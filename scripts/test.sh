#!/usr/bin/env bash
# test.sh — set up Molt and run every test:
#   build/asan     debug build with ASan+UBSan: unit tests and the native
#                  differential run tests (the programs' runtime is
#                  sanitized too);
#   build/release  the release compiler: native and wasm run tests.
# Extra arguments are passed to ctest (e.g. -R run/native/arith).
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

molt_install_packages
molt_build "$MOLT_ROOT/build/asan" Debug -DMOLT_SANITIZE=ON -DMOLT_WASM=OFF
molt_build "$MOLT_ROOT/build/release" Release

export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"

molt_log "tests: sanitizer build (unit + native run tests)"
(cd "$MOLT_ROOT/build/asan" && ctest --output-on-failure -j "$MOLT_JOBS" "$@")
molt_log "tests: release build (native + wasm run tests)"
(cd "$MOLT_ROOT/build/release" && ctest --output-on-failure -j "$MOLT_JOBS" -L run "$@")
molt_log "all tests passed"
