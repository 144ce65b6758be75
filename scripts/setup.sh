#!/usr/bin/env bash
# The README's first command: install what is missing, build, and run the
# main job on the shipped data.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)" --target histmap
mkdir -p output
./build/histmap validate -o output/validate.txt --force || { cat output/validate.txt; exit 1; }
tail -n 2 output/validate.txt
./build/histmap state --date 1920-12-01 --region nakhichevan
./build/histmap state --date 1920-12-01 --format json -o output/state-1920-12-01.json --force
./build/histmap render --date 1920-12-01 -o output/map-1920-12-01.pdf --force
./build/histmap render --date 1920-12-01 --size 1600x1130 -o output/map-1920-12-01.png --force
echo "setup: built ./build/histmap; wrote output/state-1920-12-01.json, output/map-1920-12-01.pdf and .png"
