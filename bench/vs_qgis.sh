#!/bin/bash
# histmap vs QGIS, whole process, measured side by side in one run. Each round runs
#   histmap render --date DATE --size 1600x1200 -o FILE.png           (cache warm)
#   the same with HISTMAP_CACHE=off                                     (everything parsed and projected)
#   PyQGIS from scratch (bench/qgis_render.py): open the project `histmap export --qgis`
#   wrote and render the same size and date
# One untimed run of each first, so every one starts with the files in the page cache
# (and histmap with its own cache filled). Prints every round, the medians and the ratios.
# Usage: bench/vs_qgis.sh [HISTMAP_BINARY] [ROUNDS] [DATE]
set -euo pipefail
histmap=${1:-build-release/histmap}
rounds=${2:-7}
date=${3:-1920-12-01}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR=${XDG_RUNTIME_DIR:-/tmp/histmap-xdg}

"$histmap" export --qgis "$work/qgis" >/dev/null  # the project QGIS opens (not timed)
ours() { "$histmap" render --date "$date" --size 1600x1200 --force -o "$work/histmap.png"; }
ours_cold() { HISTMAP_CACHE=off ours; }
qgis() { /usr/bin/python3 "$here/qgis_render.py" "$work/qgis/histmap.qgz" "$date" 1600 1200 "$work/qgis.png" 2>/dev/null; }
now_ms() { date +%s%3N; }
timed() {
  local t0
  t0=$(now_ms)
  "$@"
  echo $(($(now_ms) - t0))
}
ours; ours_cold; qgis  # warm-up
warm=() cold=() theirs=()
for ((i = 1; i <= rounds; i++)); do
  warm+=("$(timed ours)") cold+=("$(timed ours_cold)") theirs+=("$(timed qgis)")
  echo "round $i: histmap ${warm[-1]} ms (no cache ${cold[-1]} ms), QGIS ${theirs[-1]} ms"
done
median() { printf '%s\n' "$@" | sort -n | sed -n "$((($# + 1) / 2))p"; }
w=$(median "${warm[@]}") c=$(median "${cold[@]}") q=$(median "${theirs[@]}")
echo "median of $rounds: histmap $w ms, histmap without cache $c ms, QGIS $q ms"
awk -v w="$w" -v c="$c" -v q="$q" 'BEGIN { printf "ratio to QGIS: %.2f (without cache %.2f)\n", w / q, c / q }'
