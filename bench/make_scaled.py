#!/usr/bin/env python3
"""Writes a synthetic dataset N times the size of a given one (pieces, places, regions, assertions).

usage: make_scaled.py SOURCE_DATASET FACTOR OUT_DIR

Copy k (0..N-1) of every piece, place, region and assertion gets the id suffix `_k` (copy 0
keeps its ids) and is shifted k % 5 * 16 degrees east and k // 5 * 9 degrees north, so the
copies tile the globe without overlapping and every reference stays inside its own copy.
Polities, sources and the base layers are shared; source sets (sets/<id>/) keep their folders. The result is a valid dataset
(histmap validate passes when the source does); it is for benchmarks and for the bad-input
catalogue's large case, and is not committed.
"""
import copy
import json
import pathlib
import shutil
import sys

import yaml

COLS, DX, DY = 5, 16.0, 9.0


def suffix(k):
    return "" if k == 0 else f"_{k}"


def ids(value, k):
    if isinstance(value, list):
        return [v + suffix(k) for v in value]
    return value + suffix(k)


def shift_coords(c, dx, dy):
    if isinstance(c[0], (int, float)):
        return [round(c[0] + dx, 7), round(c[1] + dy, 7)] + list(c[2:])
    return [shift_coords(x, dx, dy) for x in c]


def scaled_geojson(path, factor, id_lists):
    fc = json.loads(path.read_text(encoding="utf-8"))
    out = []
    for k in range(factor):
        dx, dy = k % COLS * DX, k // COLS * DY
        for feat in fc["features"]:
            f = json.loads(json.dumps(feat))
            f["properties"]["id"] = ids(f["properties"]["id"], k)
            for key in id_lists:
                if key in f["properties"] and f["properties"][key] is not None:
                    f["properties"][key] = ids(f["properties"][key], k)
            f["geometry"]["coordinates"] = shift_coords(f["geometry"]["coordinates"], dx, dy)
            out.append(f)
    fc["features"] = out
    return json.dumps(fc, ensure_ascii=False, separators=(",", ":"))


def dump(data):
    # BaseLoader kept every scalar a string; the dumper quotes what would read as another type.
    return yaml.dump(data, allow_unicode=True, sort_keys=False, width=1000)


def scaled_records(path, top, factor, id_keys):
    doc = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    records = []
    for k in range(factor):
        for rec in doc[top]:
            r = copy.deepcopy(rec)
            for key in id_keys:
                if key in r:
                    r[key] = ids(r[key], k)
            records.append(r)
    doc[top] = records
    return dump(doc)


def scaled_set(src, out, factor):
    """A source set folder (or a dataset's own texts): regions and assertions copied per tile."""
    (out / "assertions").mkdir(parents=True, exist_ok=True)
    for name in ("polities.yaml", "sources.yaml", "set.yaml"):
        if (src / name).is_file():
            shutil.copy(src / name, out / name)
    for f in sorted((src / "assertions").glob("*.yaml")):
        (out / "assertions" / f.name).write_text(
            scaled_records(f, "assertions", factor, ["id", "region", "overrides", "contradicts"]), encoding="utf-8")


def main():
    src, factor, out = pathlib.Path(sys.argv[1]), int(sys.argv[2]), pathlib.Path(sys.argv[3])
    if factor < 1 or factor > COLS * 9:
        sys.exit(f"make_scaled.py: factor {factor} is not 1..{COLS * 9} (the copies must fit on the globe)")
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    if (src / "base").is_dir():
        shutil.copytree(src / "base", out / "base")
    (out / "pieces.geojson").write_text(scaled_geojson(src / "pieces.geojson", factor, []), encoding="utf-8")
    if (src / "places.geojson").is_file():
        (out / "places.geojson").write_text(scaled_geojson(src / "places.geojson", factor, ["seat_of"]),
                                            encoding="utf-8")
    # Shared tables at the top; each source set (sets/<id>/, or the top folder's own texts) keeps its folder.
    shutil.copy(src / "polities.yaml", out / "polities.yaml")
    folders = [(src, out)] + [(d, out / "sets" / d.name) for d in sorted((src / "sets").glob("*")) if d.is_dir()]
    for s, o in folders:
        o.mkdir(parents=True, exist_ok=True)
        if (s / "regions.yaml").is_file():
            (o / "regions.yaml").write_text(
                scaled_records(s / "regions.yaml", "regions", factor, ["id", "parent", "pieces", "includes"]),
                encoding="utf-8")
        if s != src or (s / "sources.yaml").is_file():
            scaled_set(s, o, factor)


if __name__ == "__main__":
    main()
