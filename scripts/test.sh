#!/usr/bin/env bash
# The README's second command (and what .ci/run calls): the whole test suite.
# 1. the suite on a normal build, then clang-tidy on the C++ files changed against
# main (warnings only); 2. the suite again under AddressSanitizer and
# UndefinedBehaviorSanitizer; 3. where ../shared/sources exists, a rebuild of
# geodata/ from the sources, which must equal the committed files byte for byte;
# 4. each libFuzzer target briefly (scripts/fuzz.sh), so they cannot rot.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh --test
jobs=$(nproc)
# playwright-core for the browser test, from package-lock.json (it drives Debian's chromium).
(cd tests/web && npm ci --no-audit --no-fund --loglevel=error)

echo "== build and test (RelWithDebInfo)"
cmake -S . -B build >/dev/null
cmake --build build -j"$jobs"
(cd build && ctest -j"$jobs" --output-on-failure)

echo "== clang-tidy on the C++ files changed against main (warnings, not fatal)"
bash scripts/tidy.sh build

echo "== build and test under ASan + UBSan"
cmake -S . -B build-sanitize -DHISTMAP_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug >/dev/null
cmake --build build-sanitize -j"$jobs"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export LSAN_OPTIONS=suppressions="$PWD/tests/lsan.supp":print_suppressions=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
(cd build-sanitize && ctest -j"$jobs" --output-on-failure)

echo "== fuzz smoke run (each target ${HISTMAP_FUZZ_SECONDS:-25} s)"
bash scripts/fuzz.sh "${HISTMAP_FUZZ_SECONDS:-25}"

if [ -d ../shared/sources ]; then
  echo "== geodata/ is up to date with ../shared/sources"
  bash scripts/check-geodata.sh build/histmap ../shared/sources
else
  echo "== ../shared/sources not present: geodata staleness check skipped"
fi
