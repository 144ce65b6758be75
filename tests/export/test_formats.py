#!/usr/bin/python3
"""`histmap export --date D -o FILE` and `--temporal -o FILE` in every vector
format: each file opens in ogrinfo with the same feature count, the same fields
(Shapefile: through its FILE.fields.txt map of short names) and the same values
as the GeoJSON. An unknown extension is refused with exit 2 and the list of formats.

Usage: test_formats.py HISTMAP_BINARY
"""
import os
import re
import subprocess
import sys
import tempfile

failures = []
FORMATS = [".gpkg", ".fgb", ".shp", ".csv", ".kml"]
# Fields a reader adds on its own: KML's Name/Description, CSV's WKT geometry column.
READER_FIELDS = {".kml": {"Name", "Description", "name", "description", "timestamp", "begin", "end", "altitudeMode",
                          "tessellate", "extrude", "visibility", "drawOrder", "icon", "snippet"},
                 ".csv": {"WKT"}}


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        failures.append(what)


def ogrinfo(path, where):
    """Feature count, field names and one feature's values (chosen by `where`), as ogrinfo prints them."""
    layer = ["states"] if path.endswith(".gpkg") else ["-al"]
    summary = subprocess.run(["ogrinfo", "-ro", "-so", path, *layer], check=True, capture_output=True, text=True).stdout
    count = int(re.search(r"Feature Count: (\d+)", summary).group(1))
    fields = [f for f in re.findall(r"^(\w+): [\w()]+ \(", summary, re.M) if f != "Geometry"]
    one = subprocess.run(["ogrinfo", "-ro", "-q", "-where", where, path, *layer], capture_output=True, text=True).stdout
    values = dict(re.findall(r"^  (\w+) \([\w() ]+\) = (.*)$", one, re.M))
    return count, fields, values


def same_value(a, b):
    empty = {None, "", "(null)"}
    # Formats without a DATE type (FlatGeobuf) give a date-time at midnight.
    return a == b or (a in empty and b in empty) or bool(a and b and (a.startswith(b + " 00:00:00") or b.startswith(a + " 00:00:00")))


def shapefile_names(shp):
    note = os.path.splitext(shp)[0] + ".fields.txt"
    check(os.path.exists(note), f"{os.path.basename(note)} maps the shortened field names")
    rows = [line.split("\t") for line in open(note, encoding="utf-8").read().splitlines() if "\t" in line]
    return {r[0]: r[1] for r in rows}


def compare(binary, work, mode, args, where):
    ref = os.path.join(work, f"{mode}.geojson")
    subprocess.run([binary, "export", *args, "-o", ref], check=True)
    ref_count, ref_fields, ref_values = ogrinfo(ref, where)
    check(ref_count > 100 and "piece" in ref_fields and "state_text" in ref_fields,
          f"{mode}: the GeoJSON has {ref_count} features and {len(ref_fields)} fields")
    for ext in FORMATS:
        path = os.path.join(work, f"{mode}{ext}")
        run = subprocess.run([binary, "export", *args, "-o", path], capture_output=True, text=True)
        check(run.returncode == 0, f"{mode}{ext}: export succeeds {run.stderr.strip()[:200]}")
        if run.returncode != 0:
            continue
        count, fields, values = ogrinfo(path, where)
        if ext == ".shp":
            names = shapefile_names(path)
            fields = [names.get(f, f) for f in fields]
            values = {names.get(k, k): v for k, v in values.items()}
        fields = [f for f in fields if f not in READER_FIELDS.get(ext, set())]
        check(count == ref_count, f"{mode}{ext}: {count} features, as the GeoJSON ({ref_count})")
        check(fields == ref_fields, f"{mode}{ext}: same fields as the GeoJSON"
              + ("" if fields == ref_fields else f" (missing {sorted(set(ref_fields) - set(fields))[:5]},"
                                                  f" extra {sorted(set(fields) - set(ref_fields))[:5]})"))
        check(len(ref_values) > 10, f"{mode}: the GeoJSON feature where {where} has values")
        for key in ["piece", "controller", "uyezd_name_en", "precision", "valid_from", "state_text"]:
            if key in ref_values:
                check(same_value(values.get(key), ref_values[key]),
                      f"{mode}{ext}: {key} = {ref_values[key][:60]} (got {(values.get(key) or '')[:60]})")


def main():
    binary = sys.argv[1]
    work = tempfile.mkdtemp(prefix="histmap-formats-")
    compare(binary, work, "date", ["--date", "1920-08-20"], "piece = 'arm_goris'")
    compare(binary, work, "temporal", ["--temporal"], "CAST(state_id AS integer) = 100")
    bad = subprocess.run([binary, "export", "--date", "1920-08-20", "-o", os.path.join(work, "x.xlsx")],
                         capture_output=True, text=True)
    check(bad.returncode == 2 and "x.xlsx" in bad.stderr and ".fgb" in bad.stderr and ".shp" in bad.stderr,
          f"an unknown extension is refused with exit 2 and the list of formats: {bad.stderr.strip()[:160]}")
    check(not os.path.exists(os.path.join(work, "x.xlsx")), "nothing is written for an unknown extension")
    forced = subprocess.run([binary, "export", "--temporal", "--format", "gpkg", "-o", os.path.join(work, "g.data")],
                            capture_output=True, text=True)
    check(forced.returncode == 0 and ogrinfo(os.path.join(work, "g.data"), "state_id = 1")[0] > 100, "--format gpkg overrides the extension")
    print(f"{len(failures)} failed" if failures else "all format checks passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
