#!/usr/bin/env bash
# Runs the libFuzzer targets in fuzz/ one after another, each for a set time.
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]     (default 30 s; all three targets)
# Builds them with clang in build-fuzz/ (-DHISTMAP_FUZZ=ON), seeds the corpora from
# the shipped and test data, and keeps what each run learnt in build-fuzz/corpus-work/.
# A crash, hang (>10 s per input), leak or sanitizer report stops the run with
# exit 1; the input is written to build-fuzz/artifacts/<target>/. After fixing the
# library, copy it to tests/data/fuzz-regressions/<target>/ (ctest replays it).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(fuzz_date fuzz_yaml fuzz_geojson)

if ! command -v clang++ >/dev/null; then
  echo "fuzz.sh: clang++ is not installed (scripts/install-deps.sh --test installs it)" >&2
  exit 1
fi
CXX=clang++ cmake -S . -B build-fuzz -DHISTMAP_FUZZ=ON -DBUILD_TESTING=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build-fuzz -j"$(nproc)" --target "${targets[@]}"

rm -rf build-fuzz/corpus-seed
python3 fuzz/make_corpus.py . build-fuzz/corpus-seed
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export LSAN_OPTIONS=suppressions="$PWD/tests/lsan.supp":print_suppressions=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

for t in "${targets[@]}"; do
  work=build-fuzz/corpus-work/$t
  artifacts=build-fuzz/artifacts/$t/
  mkdir -p "$work" "$artifacts" build-fuzz/logs
  log=build-fuzz/logs/$t.log
  echo "== $t for ${seconds}s (log: $log)"
  # Seeds and earlier regressions are read; new inputs go to the work corpus.
  regress=tests/data/fuzz-regressions/$t
  seeds=(build-fuzz/corpus-seed/$t)
  [ -d "$regress" ] && seeds+=("$regress")
  max_len=65536
  [ "$t" = fuzz_date ] && max_len=1024  # beyond 40 characters a date is refused by length alone
  status=0
  build-fuzz/fuzz/"$t" "$work" "${seeds[@]}" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -max_len="$max_len" -print_final_stats=1 -artifact_prefix="$artifacts" >"$log" 2>&1 || status=$?
  grep -E '^stat::number_of_executed_units|^stat::peak_rss_mb|^#[0-9]+ *DONE' "$log" | sed 's/^/   /' || true
  if [ $status -ne 0 ]; then
    echo "fuzz.sh: $t found a problem (exit $status); see $log and $artifacts" >&2
    grep -E 'ERROR|SUMMARY|runtime error|Test unit written' "$log" | head -20 >&2 || true
    exit 1
  fi
done
echo "fuzz.sh: no findings"
