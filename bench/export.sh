#!/usr/bin/env bash
# Benchmark: writing the temporal GeoPackage and a single-date GeoJSON (median of
# N runs, data loading included, as a user runs the command), and the file sizes.
# Usage: bench/export.sh [BINARY] [RUNS]
set -euo pipefail
bin=${1:-build-release/histmap}
runs=${2:-5}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
time_cmd() {
  for _ in $(seq "$runs"); do
    s=$(date +%s%N); "$@" >/dev/null; e=$(date +%s%N); echo $(( (e - s) / 1000000 ))
  done | median
}
echo "temporal GeoPackage:      $(time_cmd "$bin" export --temporal --force -o "$out/states.gpkg") ms, $(du -h "$out/states.gpkg" | cut -f1)"
echo "temporal GeoJSON:         $(time_cmd "$bin" export --temporal --force -o "$out/states.geojson") ms, $(du -h "$out/states.geojson" | cut -f1)"
echo "GeoJSON for 1920-08-20:   $(time_cmd "$bin" export --date 1920-08-20 --force -o "$out/d.geojson") ms, $(du -h "$out/d.geojson" | cut -f1)"
echo "  dissolved:              $(time_cmd "$bin" export --date 1920-08-20 --dissolve --force -o "$out/dd.geojson") ms, $(du -h "$out/dd.geojson" | cut -f1)"
echo "QGIS project:             $(time_cmd "$bin" export --qgis "$out/qgis" --force) ms"
