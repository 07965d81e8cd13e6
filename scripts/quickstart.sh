#!/usr/bin/env bash
# quickstart.sh — set up Molt on a fresh Debian 12 machine and run the sample
# program: installs missing packages, builds the release compiler into
# build/release, then `molt run examples/hello.py`.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

molt_install_packages
molt_build "$MOLT_ROOT/build/release" Release
molt_log "molt run examples/hello.py"
"$MOLT_ROOT/build/release/bin/molt" run "$MOLT_ROOT/examples/hello.py"
