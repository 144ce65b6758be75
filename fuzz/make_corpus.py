#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz targets from the shipped and test data.

usage: make_corpus.py SOURCE_DIR OUT_DIR
OUT_DIR/fuzz_date: every date written in the data, one per file, plus the forms
geodata/README.md documents; OUT_DIR/fuzz_yaml: each YAML table behind its
selector byte (0 regions, 1 polities, 2 sources, 3 assertions);
OUT_DIR/fuzz_geojson: small piece and place files behind theirs (0 pieces,
1 places), and single features of the shipped pieces.
"""
import hashlib
import json
import pathlib
import re
import sys

src = pathlib.Path(sys.argv[1])
out = pathlib.Path(sys.argv[2])
MAX_SEED = 64 * 1024  # larger seeds slow every execution down


def put(target, data):
    d = out / target
    d.mkdir(parents=True, exist_ok=True)
    (d / hashlib.sha1(data).hexdigest()).write_bytes(data)


datasets = [src / "geodata", src / "tests/data/synthetic", src / "tests/data/fidelity_set",
            src / "tests/data/broken", src / "tests/data/broken_geometry"]
datasets += sorted(p for p in (src / "tests/data/broken_input").iterdir() if p.is_dir())
datasets += sorted(p for p in (src / "tests/data/bad").glob("*/*") if p.is_dir()) if (src / "tests/data/bad").is_dir() else []

selector = {"regions.yaml": 0, "polities.yaml": 1, "sources.yaml": 2}
dates = {"1920-08-16", "1920-08", "1920-22", "1920", "[1919-01-11..1919-01-20]", "1920-12~", "1920?", "..", "",
         "1920-02-29", "1921-02-29|1920-01-01", "1920-01|1920-03~", "1923-24"}
for ds in datasets:
    for f in sorted(ds.rglob("*")):
        if not f.is_file() or f.stat().st_size > MAX_SEED:
            continue
        data = f.read_bytes()
        if f.suffix in (".yaml", ".yml"):
            sel = selector.get(f.name, 3 if f.parent.name == "assertions" else None)
            if sel is not None:
                put("fuzz_yaml", bytes([sel]) + data)
            for m in re.finditer(rb"\b(?:from|to|date|start|end): *([^,}\n]+)", data):
                dates.add(m.group(1).strip().strip(b"\"'").decode("utf-8", "replace"))
        elif f.name in ("pieces.geojson", "places.geojson"):
            put("fuzz_geojson", bytes([0 if f.name == "pieces.geojson" else 1]) + data)

# Single small features of the shipped pieces and places, each as its own collection.
for name, sel in (("pieces.geojson", 0), ("places.geojson", 1)):
    path = src / "geodata" / name
    if not path.is_file():
        continue
    features = json.loads(path.read_text())["features"]
    for feat in sorted(features, key=lambda f: len(json.dumps(f)))[:6]:
        fc = {"type": "FeatureCollection", "features": [feat]}
        put("fuzz_geojson", bytes([sel]) + json.dumps(fc).encode())

for d in sorted(dates):
    put("fuzz_date", d.encode())
print(f"corpus: {', '.join(f'{t.name} {len(list(t.iterdir()))}' for t in sorted(out.iterdir()))}")
