#!/bin/bash
# histmap vs QGIS, whole process, measured side by side in one run: each round runs
#   histmap render --date DATE --size 1600x1200 -o FILE.png
# and then PyQGIS started from scratch (bench/qgis_render.py) opening the project
# `histmap export --qgis` wrote and rendering the same size and date. Prints every
# round, the medians and their ratio.
# Usage: bench/vs_qgis.sh [HISTMAP_BINARY] [ROUNDS] [DATE]
set -euo pipefail
histmap=${1:-build-release/histmap}
rounds=${2:-7}
date=${3:-1920-12-01}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export QT_QPA_PLATFORM=offscreen

"$histmap" export --qgis "$work/qgis" >/dev/null  # the project QGIS opens (not timed)
now_ms() { date +%s%3N; }
ours=() theirs=()
for ((i = 1; i <= rounds; i++)); do
  t0=$(now_ms)
  "$histmap" render --date "$date" --size 1600x1200 --force -o "$work/histmap.png"
  t1=$(now_ms)
  /usr/bin/python3 "$here/qgis_render.py" "$work/qgis/histmap.qgz" "$date" 1600 1200 "$work/qgis.png" 2>/dev/null
  t2=$(now_ms)
  ours+=($((t1 - t0))) theirs+=($((t2 - t1)))
  echo "round $i: histmap $((t1 - t0)) ms, QGIS $((t2 - t1)) ms"
done
median() { printf '%s\n' "$@" | sort -n | sed -n "$((($# + 1) / 2))p"; }
m_ours=$(median "${ours[@]}") m_theirs=$(median "${theirs[@]}")
echo "median of $rounds: histmap $m_ours ms, QGIS $m_theirs ms, ratio $(echo "scale=3; $m_ours / $m_theirs" | bc)"
