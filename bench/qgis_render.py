#!/usr/bin/python3
"""One map the way QGIS draws it, from scratch: start PyQGIS, open the project
`histmap export --qgis DIR` wrote, render its visible layers (labels on, as
saved) at the project's view for one day, write a PNG. The whole-process
counterpart of `histmap render --date DATE --size WxH -o FILE.png`.

Usage: qgis_render.py PROJECT.qgz DATE WIDTH HEIGHT OUT.png
"""
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from qgis.core import (QgsApplication, QgsDateTimeRange, QgsMapRendererParallelJob, QgsMapSettings,
                       QgsProject)
from qgis.PyQt.QtCore import QDate, QDateTime, QSize, QTime, Qt


def main(project_path, date, width, height, out):
    app = QgsApplication([], False)
    app.initQgis()
    project = QgsProject.instance()
    if not project.read(project_path):
        sys.exit(f"qgis_render.py: {project_path}: QGIS cannot open it")
    nodes = project.layerTreeRoot().findLayers()
    settings = QgsMapSettings()
    settings.setLayers([n.layer() for n in nodes if n.isVisible() and n.layer().isSpatial()])
    settings.setDestinationCrs(project.crs())
    settings.setOutputSize(QSize(width, height))
    settings.setExtent(project.viewSettings().defaultViewExtent())
    day = QDate.fromString(date, "yyyy-MM-dd")
    settings.setIsTemporal(True)
    settings.setTemporalRange(QgsDateTimeRange(QDateTime(day, QTime(0, 0), Qt.UTC),
                                               QDateTime(day, QTime(23, 59, 59), Qt.UTC)))
    job = QgsMapRendererParallelJob(settings)
    job.start()
    job.waitForFinished()
    if not job.renderedImage().save(out, "PNG"):
        sys.exit(f"qgis_render.py: cannot write {out}")
    app.exitQgis()


if __name__ == "__main__":
    if len(sys.argv) != 6:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5])
