#!/usr/bin/env bash
# Scale benchmark: the shipped dataset against synthetic copies N times its size
# (bench/make_scaled.py), every stage timed by bench_scale, plus whole commands.
# Usage: [REPEATS=3] bench/scale.sh [BUILD_DIR] [FACTOR...]     (default: build, factors 1 20)
# Prints a Markdown table: median ms per stage for each factor, and per stage the
# growth from 1x to the largest factor divided by that factor (1.0 = linear).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
shift || true
factors=("$@")
[ ${#factors[@]} -eq 0 ] && factors=(1 20)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
declare -A ms
stages=()
for f in "${factors[@]}"; do
  if [ "$f" = 1 ]; then data=geodata; else data=$work/x$f; python3 bench/make_scaled.py geodata "$f" "$data"; fi
  while IFS=$'\t' read -r stage value; do
    [[ " ${stages[*]} " == *" $stage "* ]] || stages+=("$stage")
    ms[$stage,$f]=$value
  done < <("$build"/bench/bench_scale "$data" "${REPEATS:-3}")
  # Whole commands as a user runs them (process start and loading included).
  for cmd in "render --date 1920-12-01 --size 1600x1200 --force -o $work/m.png" \
             "export --date 1920-12-01 --force -o $work/d.geojson" \
             "export --temporal --force -o $work/t.gpkg" "validate"; do
    name="cli: ${cmd%% -o*}"
    name=${name/ --force/}
    s=$(date +%s%N); "$build"/histmap $cmd --data "$data" >/dev/null; e=$(date +%s%N)
    [[ " ${stages[*]} " == *" $name "* ]] || stages+=("$name")
    ms[$name,$f]=$(( (e - s) / 1000000 ))
  done
  rm -rf "$data.unused"
done
last=${factors[-1]}
printf '| stage |'; for f in "${factors[@]}"; do printf ' %sx |' "$f"; done; printf ' growth / %s |\n' "$last"
printf '|---|'; for _ in "${factors[@]}"; do printf -- '---:|'; done; printf -- '---:|\n'
for s in "${stages[@]}"; do
  printf '| %s |' "$s"
  for f in "${factors[@]}"; do printf ' %s |' "${ms[$s,$f]}"; done
  awk -v a="${ms[$s,1]:-0}" -v b="${ms[$s,$last]}" -v n="$last" \
    'BEGIN { if (a > 0 && n > 1) printf " %.2f |\n", b / a / n; else print " |" }'
done
