#!/usr/bin/env bash
# setup.sh — installs what coil needs (Debian packages) and builds it.
#   scripts/setup.sh [BUILD_DIR] [extra cmake args...]
# Installs only the packages that are missing, so it is quick on a machine
# that already has them.  BUILD_DIR defaults to build/.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build}
shift || true

packages=(re2c bison libboost-context-dev googletest libgtest-dev cmake g++ libgmp-dev make libpcre2-dev zlib1g-dev libssl-dev)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

cmake -S "$here" -B "$build" -DCMAKE_BUILD_TYPE=Release "$@" >/dev/null
cmake --build "$build" -j"$(nproc)"
