#!/usr/bin/env bash
# Installs the Debian 12 packages histmap needs, only those missing.
# With --test also what the test suite drives: QGIS, Chromium, Node.js and clang-tidy.
# Run as root (or through sudo). Safe to run again: it does nothing when all are present.
set -euo pipefail
with_tests=0
[ "${1:-}" = "--test" ] && with_tests=1

packages=(
  build-essential cmake pkg-config
  libgdal-dev gdal-bin libproj-dev proj-bin
  libcairo2-dev libpango1.0-dev fonts-noto-core
  catch2 nlohmann-json3-dev libyaml-cpp-dev libcli11-dev
  gmt gmt-gshhg-high gmt-dcw
  poppler-utils python3 python3-yaml ffmpeg
)
if [ $with_tests -eq 1 ]; then
  # clang: the libFuzzer smoke run of scripts/test.sh (scripts/fuzz.sh); clang-tidy: scripts/tidy.sh.
  packages+=(qgis python3-qgis qgis-providers chromium xvfb xauth clang clang-tidy)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

# Node.js runs the browser test; install Debian's only where none is on the PATH.
if [ $with_tests -eq 1 ] && { ! command -v node >/dev/null || ! command -v npm >/dev/null; }; then
  for p in nodejs npm; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
fi

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null; then SUDO="sudo"; else
    echo "install-deps: these packages are missing and I am not root: ${missing[*]}" >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
