#!/usr/bin/python3
"""Opens the project `histmap export --qgis DIR --lang hy` writes, the way a QGIS
user meets it (headless PyQGIS): the .qgz file, the layer tree, the saved view,
the project CRS, labels, relations and map tips, the temporal controller; then
renders the visible layers for several dates and compares colours at points
inside pieces with `histmap state`, and exports the print layout to PDF.

Usage: test_qgis_project.py HISTMAP_BINARY [OUTPUT_DIR_FOR_PICTURES]
"""
import collections
import json
import os
import re
import sqlite3
import subprocess
import sys
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from qgis.core import (QgsApplication, QgsCoordinateTransform, QgsDateTimeRange, QgsExpression,
                       QgsExpressionContext, QgsExpressionContextUtils, QgsGeometry, QgsLayoutExporter,
                       QgsMapRendererParallelJob, QgsMapSettings, QgsPointXY, QgsProject, QgsRectangle,
                       QgsRenderContext, QgsUnitTypes, QgsVectorLayerTemporalProperties)
from qgis.PyQt.QtCore import QDate, QDateTime, QSize, QTime, Qt
from qgis.PyQt.QtGui import QColor, QImage

failures = []
SAMPLE = ["aze_qubadli", "aze_shusha", "aze_barda", "arm_goris", "aze_babek", "aze_agdam", "arm_yeghegnadzor"]


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        failures.append(what)


def histmap_state(binary, date):
    out = subprocess.run([binary, "state", "--date", date, "--by-piece", "--format", "json"],
                         check=True, capture_output=True, text=True).stdout
    return {e["piece"]: e for e in json.loads(out)}


def day_range(date):
    day = QDate.fromString(date, "yyyy-MM-dd")
    return QgsDateTimeRange(QDateTime(day, QTime(0, 0), Qt.UTC), QDateTime(day, QTime(23, 59, 59), Qt.UTC))


def tree_layers(project):
    """The layers as the Layers panel shows them: through the layer tree."""
    nodes = project.layerTreeRoot().findLayers()
    check(len(nodes) == 11, f"the layer tree has 11 entries (got {len(nodes)})")
    for node in nodes:
        check(node.layer() is not None and node.layer().isValid(), f"layer tree entry '{node.name()}' resolves to a valid layer")
    return {n.layer().source().split("layername=")[-1]: n.layer() for n in nodes if n.layer() is not None}, nodes


def check_frame(binary, project, layers):
    crs = project.crs()
    check(crs.isValid() and "Lambert" in crs.description(), f"project CRS is the Lambert conic (got '{crs.description()}')")
    view = project.viewSettings().defaultViewExtent()
    check(not view.isEmpty() and view.crs() == crs, "the project has a default view extent in the project CRS")
    to_map = QgsCoordinateTransform(layers["states"].crs(), crs, project)
    pieces = to_map.transformBoundingBox(layers["uyezds"].extent())
    check(view.contains(pieces) and view.width() < 2.5 * pieces.width(),
          "the default view frames the pieces (contains them, not much wider)")
    ts = project.timeSettings()
    begin, end = ts.temporalRange().begin().date().toString("yyyy-MM-dd"), ts.temporalRange().end().date().toString("yyyy-MM-dd")
    changes = re.findall(r"^(\d{4}-\d\d-\d\d) ", subprocess.run([binary, "timeline"], check=True, capture_output=True,
                                                                  text=True).stdout, re.M)
    check((begin, end) == (min(changes), max(changes)),
          f"the time range {begin} .. {end} runs from the first to the last change ({min(changes)} .. {max(changes)})")
    check(ts.timeStepUnit() == QgsUnitTypes.TemporalDays and ts.timeStep() == 1, "time step: 1 day")
    tp = layers["states"].temporalProperties()
    check(tp.isActive() and tp.mode() == QgsVectorLayerTemporalProperties.ModeFeatureDateTimeStartAndEndFromFields
          and tp.startField() == "valid_from" and tp.endField() == "valid_to",
          "states is temporal from valid_from / valid_to")
    return to_map


def check_labels_and_tips(project, layers, gpkg):
    db = sqlite3.connect(gpkg)
    for name in ["uyezds", "places"]:
        layer = layers[name]
        check(layer.labelsEnabled(), f"{name} are labelled")
        settings = layer.labeling().settings()
        check("name_hy" in settings.fieldName, f"{name} labels are in Armenian (--lang hy): {settings.fieldName}")
        feat = next(layer.getFeatures())
        ctx = QgsExpressionContext(QgsExpressionContextUtils.globalProjectLayerScopes(layer))
        ctx.setFeature(feat)
        text = QgsExpression(settings.fieldName).evaluate(ctx)
        check(bool(text), f"{name} label of {feat['id']} is not empty: {text}")
    missing = db.execute("SELECT id FROM uyezds WHERE name_ka IS NULL OR name_ka = ''").fetchall()
    if missing:
        uy = layers["uyezds"]
        ctx = QgsExpressionContext(QgsExpressionContextUtils.globalProjectLayerScopes(uy))
        ctx.setFeature(next(uy.getFeatures(f"\"id\" = '{missing[0][0]}'")))
        expr = "coalesce(\"name_ka\", \"name_en\")"
        check(bool(QgsExpression(expr).evaluate(ctx)), "a uyezd without a Georgian name falls back to English")
    states = layers["states"]
    for f in ["uyezd_name_en", "uyezd_name_hy", "controller_name", "controller_name_ka", "state_text", "state_id"]:
        check(states.fields().indexOf(f) >= 0, f"states has field {f}")
    relations = project.relationManager().relations()
    check(len(relations) == 2 and all(r.isValid() for r in relations.values()), "both relations are valid")
    to_links = project.relationManager().relation("histmap_states_to_state_assertions")
    feat = next(states.getFeatures("\"conflict\" AND \"valid_from\" > '1920-01-01'"))
    ids = json.loads(feat["assertions"]) + json.loads(feat["set_aside"])
    linked = [f["assertion"] for f in to_links.getRelatedFeatures(feat)]
    check(sorted(linked) == sorted(ids), f"the relation gives the state's {len(ids)} assertions ({feat['piece']})")
    ctx = QgsExpressionContext(QgsExpressionContextUtils.globalProjectLayerScopes(states))
    ctx.setFeature(feat)
    rendered = QgsExpression.replaceExpressionText(states.mapTipTemplate(), ctx)
    para = db.execute("SELECT paraphrase, source, locator FROM assertions WHERE id = ?", (ids[0],)).fetchone()
    check(para[0][:40] in rendered and para[1] in rendered and para[2] in rendered,
          "the map tip shows an assertion's paraphrase, source and locator")
    check(feat["state_text"] and feat["state_text"] in rendered and "disagree" in feat["state_text"],
          f"the map tip says the state in words: {feat['state_text'][:90]}")
    check(states.fields().indexOf("behind") >= 0 and para[0][:40] in (feat["behind"] or ""),
          "identify shows the virtual field 'behind' with the assertions")
    ctx = QgsExpressionContext(QgsExpressionContextUtils.globalProjectLayerScopes(states))
    ctx.setFeature(feat)
    matching = [r.label() for r in states.renderer().rootRule().children()
                if "conflict" in r.filterExpression() and QgsExpression(r.filterExpression()).evaluate(ctx)]
    check(matching, "a 'sources disagree' rule of the legend matches a piece in conflict")


def render(project, nodes, date, size=(1000, 750)):
    settings = QgsMapSettings()
    settings.setLayers([n.layer() for n in nodes if n.isVisible() and n.layer().isSpatial()])
    settings.setDestinationCrs(project.crs())
    settings.setOutputSize(QSize(*size))
    settings.setBackgroundColor(QColor(255, 255, 255))
    settings.setExtent(project.viewSettings().defaultViewExtent())
    settings.setIsTemporal(True)
    settings.setTemporalRange(day_range(date))
    settings.setFlag(QgsMapSettings.DrawLabeling, False)
    job = QgsMapRendererParallelJob(settings)
    job.start()
    job.waitForFinished()
    return job.renderedImage(), settings


def compare_colours(binary, project, layers, nodes, to_map, colour_of, out):
    states = layers["states"]
    compared_total = 0
    for date in ["1919-06-01", "1920-02-01", "1920-08-20", "1921-09-01"]:
        by_piece = histmap_state(binary, date)
        image, settings = render(project, nodes, date)
        image.save(os.path.join(out, f"qgis-{date}.png"))
        m2p = settings.mapToPixel()
        checked = 0
        for piece in SAMPLE:
            expect = by_piece[piece]["controller"]
            if expect is None or by_piece[piece]["conflict"]:
                continue
            geom = next(states.getFeatures(f"\"piece\" = '{piece}'")).geometry()
            inner = geom.buffer(-0.03, 4)
            box = inner.boundingBox()
            seen = collections.Counter()
            for i in range(1, 12):
                for j in range(1, 12):
                    pt = QgsPointXY(box.xMinimum() + box.width() * i / 12, box.yMinimum() + box.height() * j / 12)
                    if inner.contains(QgsGeometry.fromPointXY(pt)):
                        px = m2p.transform(to_map.transform(pt))
                        seen[QColor(image.pixel(int(px.x()), int(px.y()))).name()] += 1
            if not seen:
                continue
            hint, top = colour_of[expect].lower(), seen.most_common(1)[0][0]
            if by_piece[piece]["control_precision"] == "uncertain":
                a, b = QColor(hint), QColor(top)  # drawn lighter: between the fill and white
                ok = all(cb >= ca - 2 for ca, cb in [(a.red(), b.red()), (a.green(), b.green()), (a.blue(), b.blue())])
            else:
                ok = top == hint
            check(ok, f"{date} {piece}: QGIS draws {top}, histmap state says {expect} ({hint})")
            checked += 1
        compared_total += checked
    check(compared_total >= 2, f"at least two piece colours compared over the dates ({compared_total})")


def check_layout(project, out):
    layout = project.layoutManager().layoutByName("histmap map")
    check(layout is not None, "the project has the print layout 'histmap map'")
    if layout is None:
        return
    items = {i.id(): i for i in layout.items() if hasattr(i, "id")}
    for name in ["histmap_map", "histmap_legend", "histmap_scalebar", "histmap_north_arrow"]:
        check(name in items, f"layout has {name}")
    items["histmap_map"].setTemporalRange(day_range("1920-08-20"))
    items["histmap_legend"].refresh()
    labels = [i for i in layout.items() if i.__class__.__name__ == "QgsLayoutItemLabel"]
    texts = [lab.currentText() for lab in labels]
    check(any("20 August 1920" in t for t in texts), f"the title follows the map's date: {texts[:1]}")
    check(any("geoBoundaries" in t and "s004" in t for t in texts), "the credits name the sources and boundaries")
    pdf = os.path.join(out, "layout-1920-08-20.pdf")
    result = QgsLayoutExporter(layout).exportToPdf(pdf, QgsLayoutExporter.PdfExportSettings())
    check(result == QgsLayoutExporter.Success and os.path.getsize(pdf) > 10000, "the layout exports to PDF")
    legend = items["histmap_legend"]  # filtered when drawn: only what the map shows on the day
    entries = legend.model().rowCount(legend.model().index(0, 0))
    rules = len(project.mapLayersByName("states (temporal)")[0].renderer().rootRule().children())
    # QGIS 3.22 filters a layout legend by extent, not by the map item's date (docs/qgis.md): every rule shows.
    check(0 < entries <= rules, f"the layout legend lists the states layer's rules ({entries} of {rules} entries)")
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-singlefile", pdf, pdf[:-4]], check=True)
    page = QImage(pdf[:-4] + ".png")
    check(page.width() > page.height(), "the PDF page is landscape")
    colours = collections.Counter(QColor(page.pixel(x, y)).name() for x in range(0, page.width(), 4)
                                  for y in range(0, page.height(), 4))
    white = colours.get("#ffffff", 0) / sum(colours.values())
    check(white < 0.7 and len(colours) > 20, f"the PDF page shows a map (white {white:.0%}, {len(colours)} colours)")


def main():
    binary = sys.argv[1]
    work = tempfile.mkdtemp(prefix="histmap-qgis-")
    out = sys.argv[2] if len(sys.argv) > 2 else work
    outdir = os.path.join(work, "project")
    subprocess.run([binary, "export", "--qgis", outdir, "--lang", "hy"], check=True)
    gpkg = os.path.join(outdir, "histmap.gpkg")
    colour_of = dict(sqlite3.connect(gpkg).execute("SELECT id, colour FROM polities").fetchall())

    app = QgsApplication([], False)
    app.initQgis()
    project = QgsProject.instance()
    check(project.read(os.path.join(outdir, "histmap.qgz")), "histmap.qgz opens")
    layers, nodes = tree_layers(project)
    to_map = check_frame(binary, project, layers)
    check_labels_and_tips(project, layers, gpkg)
    compare_colours(binary, project, layers, nodes, to_map, colour_of, out)
    check_layout(project, out)
    # --crs: a registered CRS arrives with its code, which the QGIS status bar shows.
    utm = os.path.join(work, "project-utm")
    subprocess.run([binary, "export", "--qgis", utm, "--crs", "EPSG:32638"], check=True)
    check(project.read(os.path.join(utm, "histmap.qgz")), "the --crs EPSG:32638 project opens")
    crs = project.crs()
    check(crs.authid() == "EPSG:32638" and "UTM zone 38N" in crs.description(),
          f"--crs EPSG:32638 gives the project that CRS with its code: {crs.authid()} {crs.description()}")
    app.exitQgis()
    print(f"{len(failures)} failed" if failures else "all QGIS checks passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
