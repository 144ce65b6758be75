#!/bin/sh
# cmake --install into a temporary prefix, then run the installed histmap from
# another folder: it must find its data under <prefix>/share/histmap, not in
# the source tree. Usage: test_install.sh BUILD_DIR
set -eu
build=$1
prefix=$(mktemp -d /tmp/histmap-prefix-XXXXXX)
elsewhere=$(mktemp -d /tmp/histmap-elsewhere-XXXXXX)
trap 'rm -rf "$prefix" "$elsewhere"' EXIT
fail() { echo "FAIL $*"; exit 1; }

cmake --install "$build" --prefix "$prefix" >/dev/null
for f in bin/histmap share/histmap/geodata/pieces.geojson share/histmap/geodata/regions.yaml \
         share/histmap/styles/default.yaml share/doc/histmap/README.md; do
  [ -e "$prefix/$f" ] || fail "$f is not installed"
done
echo "ok   binary, geodata, styles and docs are installed"

cd "$elsewhere"
unset HISTMAP_DATA
"$prefix/bin/histmap" state --date 1920-08-20 --format json > state.json || fail "installed histmap state fails"
grep -q '"controller"' state.json || fail "installed histmap state printed no states"
echo "ok   installed histmap state runs from another folder"
"$prefix/bin/histmap" state --help | grep -q "$prefix/share/histmap/geodata" \
  || fail "the default --data is not <prefix>/share/histmap/geodata"
echo "ok   the default dataset is <prefix>/share/histmap/geodata"
"$prefix/bin/histmap" render --date 1920-08-20 --style print -o map.png >/dev/null || fail "installed render cannot find its style"
echo "ok   installed render finds the installed styles"

# Without the installed data it fails, naming the installed folder: so it was that folder it read.
mv "$prefix/share/histmap/geodata/pieces.geojson" "$elsewhere/pieces.moved"
if "$prefix/bin/histmap" state --date 1920-08-20 > out.txt 2> err.txt; then fail "state ran without pieces.geojson"; fi
grep -q "$prefix/share/histmap" err.txt || fail "the error does not name the installed data: $(head -c 300 err.txt)"
echo "ok   without its pieces the installed histmap names the installed folder"
mv "$elsewhere/pieces.moved" "$prefix/share/histmap/geodata/pieces.geojson"
HISTMAP_DATA="$prefix/share/histmap/geodata" "$prefix/bin/histmap" state --date 1920-08-20 > /dev/null \
  || fail "HISTMAP_DATA is not honoured"
echo "ok   HISTMAP_DATA is honoured"
echo "all install checks passed"
