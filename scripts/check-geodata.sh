#!/usr/bin/env bash
# Rebuilds geodata/ from the sources into a scratch folder and fails if any
# generated file differs from the committed one (CI's staleness check).
# Usage: scripts/check-geodata.sh HISTMAP_BINARY SOURCES_DIR
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$1
sources=$2

# The sources must be the ones PROVENANCE.md lists (checksums).
if [ -f "$sources/PROVENANCE.md" ]; then
  grep -oE '\| [a-z-]+/[^ |]+ \|.*\| [0-9a-f]{64} \|' "$sources/PROVENANCE.md" |
    awk -F'|' '{gsub(/ /,"",$2); gsub(/ /,"",$(NF-1)); print $(NF-1)"  "$2}' >/tmp/histmap-provenance.$$
  (cd "$sources" && sha256sum --quiet -c /tmp/histmap-provenance.$$) || {
    echo "check-geodata: a source file's checksum differs from PROVENANCE.md" >&2; rm -f /tmp/histmap-provenance.$$; exit 1; }
  rm -f /tmp/histmap-provenance.$$
fi

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
"$bin" geodata build --sources "$sources" --input geodata/source --out "$scratch" 2>"$scratch/build.log" || {
  cat "$scratch/build.log" >&2; exit 1; }
rm -f "$scratch/build.log"
status=0
for f in pieces.geojson regions.yaml places.geojson REPORT.md base/water.geojson base/rivers.geojson base/countries.geojson; do
  if ! cmp -s "$scratch/$f" "geodata/$f"; then
    echo "check-geodata: geodata/$f is stale: 'histmap geodata build --sources $sources' gives a different file" >&2
    status=1
  fi
done
[ $status -eq 0 ] && echo "check-geodata: geodata/ matches a fresh build from $sources"
exit $status
