#!/usr/bin/env bash
# clang-tidy (.clang-tidy) over the C++ files under src/ that this branch changes
# against its merge base with main (origin/main when there is a remote; skipped
# when there is neither), or over all of src/ with --all. Warnings are printed; the exit status is 0 unless
# clang-tidy itself is missing or the build folder has no compile_commands.json.
# Usage: scripts/tidy.sh [BUILD_DIR] [--all]
set -euo pipefail
cd "$(dirname "$0")/.."
build=build
all=0
for arg in "$@"; do
  if [ "$arg" = "--all" ]; then all=1; else build=$arg; fi
done
command -v clang-tidy >/dev/null || { echo "tidy: clang-tidy is not installed (scripts/install-deps.sh --test)" >&2; exit 1; }
[ -f "$build/compile_commands.json" ] || { echo "tidy: $build/compile_commands.json missing; configure with cmake first" >&2; exit 1; }

files=()
if [ $all -eq 0 ]; then
  base=""
  for ref in origin/main main; do
    if git rev-parse --verify -q "$ref" >/dev/null; then base=$(git merge-base HEAD "$ref"); break; fi
  done
  if [ -n "$base" ]; then
    while IFS= read -r f; do [ -f "$f" ] && files+=("$f"); done < <(git diff --name-only "$base" -- 'src/*.cpp')
    echo "tidy: ${#files[@]} changed file(s) under src/ since $(git rev-parse --short "$base")"
  else
    # A checkout with no main to compare with (CI on a bare commit): checking every
    # file would take most of an hour on two cores, so say so and skip.
    echo "tidy: no main branch to compare with; skipped (scripts/tidy.sh --all checks every file)"
    exit 0
  fi
fi
if [ $all -eq 1 ]; then
  while IFS= read -r f; do files+=("$f"); done < <(git ls-files 'src/*.cpp')
  echo "tidy: all ${#files[@]} files under src/"
fi
[ ${#files[@]} -eq 0 ] && exit 0

out=$(mktemp)
trap 'rm -f "$out"' EXIT
printf '%s\n' "${files[@]}" | xargs -P "$(nproc)" -n 1 clang-tidy -p "$build" --quiet 2>/dev/null >"$out" || true
warnings=$(grep -c ': warning: ' "$out" || true)
cat "$out"
echo "tidy: $warnings warning(s) (reported, not fatal)"
