#!/usr/bin/python3
"""Opens the exported project in the QGIS application (under xvfb-run), as a
user double-clicking histmap.qgz would, and checks what the window shows: every
layer-tree entry has its layer, the canvas is drawn in the project CRS at a map
scale, the map is not empty when opened, and after stepping the temporal
controller to a day it shows the controller colours `histmap state` gives.

Usage: test_qgis_window.py HISTMAP_BINARY [SCREENSHOT_COPY.png]
"""
import collections
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile

from qgis.PyQt.QtGui import QColor, QImage

failures = []


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        failures.append(what)


def colours(path):
    img = QImage(path)
    return collections.Counter(QColor(img.pixel(x, y)).getRgb()[:3] for x in range(0, img.width(), 3)
                               for y in range(0, img.height(), 3))


def main():
    binary = sys.argv[1]
    work = tempfile.mkdtemp(prefix="histmap-qgis-window-")
    project = os.path.join(work, "project")
    subprocess.run([binary, "export", "--qgis", project], check=True)
    env = dict(os.environ, HISTMAP_QGIS_OUT=work, HISTMAP_QGIS_DATE="1920-08-20",
               XDG_RUNTIME_DIR=os.environ.get("XDG_RUNTIME_DIR", "/tmp/histmap-xdg"))
    env.pop("QT_QPA_PLATFORM", None)  # a real X display (xvfb)
    os.makedirs(env["XDG_RUNTIME_DIR"], mode=0o700, exist_ok=True)
    profiles = os.path.join(work, "profiles")
    startup = os.path.join(os.path.dirname(os.path.abspath(__file__)), "qgis_window_startup.py")
    run = subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24", "qgis", "--nologo", "--noversioncheck",
                          "--noplugins", "--profiles-path", profiles, "--project", os.path.join(project, "histmap.qgz"),
                          "--code", startup], env=env, capture_output=True, text=True, timeout=300)
    result_path = os.path.join(work, "result.json")
    check(os.path.exists(result_path), "QGIS opened the project and ran the check script"
          + ("" if os.path.exists(result_path) else f" (exit {run.returncode}: {run.stderr[-400:]})"))
    if not os.path.exists(result_path):
        return 1
    result = json.load(open(result_path))
    check(len(result["tree"]) == 11 and all(ok for _, ok in result["tree"]),
          f"every layer-tree entry in the QGIS window has its layer: {result['tree']}")
    check("Lambert" in result["crs"], f"the canvas is in the project CRS: {result['crs']}")
    check(200000 < result["scale"] < 20000000, f"the canvas opens at a map scale (1:{result['scale']:.0f}), not 1:1")
    check(result["temporal_range"][0] == "1920-08-20", f"the temporal controller shows 1920-08-20: {result['temporal_range']}")
    for name in ["canvas-open.png", "canvas-dated.png"]:
        c = colours(os.path.join(work, name))
        white = c.get((255, 255, 255), 0) / sum(c.values())
        check(white < 0.5 and len(c) > 30, f"{name} is a map, not an empty canvas (white {white:.0%}, {len(c)} colours)")
    # The dated canvas shows the controllers' fill colours of `histmap state` on that day.
    state = json.loads(subprocess.run([binary, "state", "--date", "1920-08-20", "--by-piece", "--format", "json"],
                                      check=True, capture_output=True, text=True).stdout)
    db = sqlite3.connect(os.path.join(project, "histmap.gpkg"))
    colour_of = dict(db.execute("SELECT id, colour FROM polities").fetchall())
    # Control on an imprecise date is drawn lighter; compare the exact fills.
    controllers = {e["controller"] for e in state
                   if e["controller"] and e["control_precision"] == "certain" and not e["conflict"]}
    dated = colours(os.path.join(work, "canvas-dated.png"))
    for c in sorted(controllers):
        rgb = tuple(int(colour_of[c][i:i + 2], 16) for i in (1, 3, 5))
        check(dated.get(rgb, 0) > 50, f"the canvas on 1920-08-20 shows {c}'s colour {colour_of[c]} ({dated.get(rgb, 0)} samples)")
    named = {e["controller"] for e in state if e["controller"]}
    check(len(controllers) >= 1 and len(named) >= 2,
          f"histmap state names controllers on 1920-08-20 (certain: {sorted(controllers)}, any: {sorted(named)})")
    if len(sys.argv) > 2:
        shutil.copy(os.path.join(work, "window.png"), sys.argv[2])
    print(f"{len(failures)} failed" if failures else "all QGIS window checks passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
