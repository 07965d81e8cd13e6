#!/usr/bin/env bash
# check.sh MOLT DIR — compile-time rejection tests.
#
# Each DIR/*.py starts with a line `# error: LINE:COL: MESSAGE`: `molt build`
# must fail with exit status 1 and print exactly `FILE:LINE:COL: error:
# MESSAGE` as its first line (FILE as given on the command line).
set -uo pipefail
molt="$1"
dir="$2"
failed=0
count=0
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
for f in "$dir"/*.py; do
  count=$((count + 1))
  expected="$(sed -n 's/^# error: //p' "$f" | head -1)"
  if [ -z "$expected" ]; then
    echo "FAIL $f: no '# error:' header"
    failed=1
    continue
  fi
  actual="$("$molt" build "$f" -o "$out/prog" 2>&1 >/dev/null | head -1)"
  status=$?
  "$molt" build "$f" -o "$out/prog" >/dev/null 2>&1
  status=$?
  want="$f:${expected%%: *}: error: ${expected#*: }"
  if [ "$status" -ne 1 ] || [ "$actual" != "$want" ]; then
    echo "FAIL $f"
    echo "  expected (exit 1): $want"
    echo "  actual   (exit $status): $actual"
    failed=1
  fi
done
echo "$count compile-error tests checked"
exit $failed
