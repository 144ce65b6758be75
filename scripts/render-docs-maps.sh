#!/usr/bin/env bash
# Renders the maps committed under docs/maps/: the dates the fidelity review checks
# against the texts. Usage: scripts/render-docs-maps.sh [path/to/histmap]
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-build/histmap}
mkdir -p docs/maps
for d in 1918-06-15 1919-06-01 1920-06-01 1920-08-20 1920-12-01 1921-03-20 1921-09-01 1923-07-15; do
  "$bin" render --date "$d" --size 1600x1130 -o "docs/maps/$d.png" --force
done
echo "render-docs-maps: docs/maps/*.png written"
