# common.sh — shared by quickstart.sh and test.sh: install what is missing,
# configure and build. Sourced, not run.
#
# Idempotent: packages already installed are skipped, and an up-to-date
# build tree makes the build a no-op.
set -euo pipefail

MOLT_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MOLT_JOBS="${MOLT_JOBS:-2}"

# Debian packages Molt needs (DESIGN.md section 2).
MOLT_PACKAGES=(
  cmake ninja-build
  llvm-19-dev clang-19 lld-19
  wasi-libc libclang-rt-19-dev-wasm32 libc++-19-dev-wasm32 libc++abi-19-dev-wasm32
  libgtest-dev libbenchmark-dev
)

molt_log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

molt_install_packages() {
  local missing=()
  for pkg in "${MOLT_PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$pkg")
    fi
  done
  if ! command -v node >/dev/null 2>&1; then
    missing+=(nodejs)
  fi
  if [ ${#missing[@]} -eq 0 ]; then
    return 0
  fi
  molt_log "installing: ${missing[*]}"
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    sudo="sudo"
  fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# molt_build DIR BUILD_TYPE [extra cmake args...]
molt_build() {
  local dir="$1" type="$2"
  shift 2
  if [ ! -f "$dir/build.ninja" ]; then
    molt_log "configuring $dir ($type)"
    cmake -S "$MOLT_ROOT" -B "$dir" -G Ninja \
      -DCMAKE_BUILD_TYPE="$type" \
      -DCMAKE_CXX_COMPILER=clang++-19 -DCMAKE_C_COMPILER=clang-19 "$@" >/dev/null
  fi
  molt_log "building $dir"
  ninja -C "$dir" -j "$MOLT_JOBS"
}
