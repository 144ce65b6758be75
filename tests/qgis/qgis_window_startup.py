# Runs inside the QGIS application (qgis --code): waits for the project to draw,
# steps the temporal controller to HISTMAP_QGIS_DATE as a user would (animated
# navigation, frame of that day), saves the canvas and the whole window, writes
# what the window shows to result.json and quits.
import json
import os

from qgis.core import QgsProject, QgsTemporalNavigationObject
from qgis.PyQt.QtCore import QDate, QTimer
from qgis.utils import iface

OUT = os.environ["HISTMAP_QGIS_OUT"]
DATE = QDate.fromString(os.environ.get("HISTMAP_QGIS_DATE", "1920-08-20"), "yyyy-MM-dd")
result = {}


def after_render(then):
    """Calls `then` once the canvas has redrawn and stayed idle for two seconds."""
    canvas = iface.mapCanvas()
    canvas.refresh()

    def poll(quiet, tries):
        if tries < 240 and (canvas.isDrawing() or quiet < 4):
            QTimer.singleShot(500, lambda: poll(0 if canvas.isDrawing() else quiet + 1, tries + 1))
        else:
            then()
    QTimer.singleShot(1000, lambda: poll(0, 0))


def opened():
    canvas = iface.mapCanvas()
    project = QgsProject.instance()
    result["tree"] = [[n.name(), n.layer() is not None and n.layer().isValid()]
                      for n in project.layerTreeRoot().findLayers()]
    result["crs"] = canvas.mapSettings().destinationCrs().description()
    result["scale"] = canvas.scale()
    canvas.saveAsImage(os.path.join(OUT, "canvas-open.png"))
    nav = canvas.temporalController()
    nav.setNavigationMode(QgsTemporalNavigationObject.Animated)
    start = project.timeSettings().temporalRange().begin().date()
    nav.setCurrentFrameNumber(start.daysTo(DATE))
    after_render(dated)


def dated():
    canvas = iface.mapCanvas()
    result["temporal_range"] = [canvas.temporalRange().begin().toString("yyyy-MM-dd"),
                                canvas.temporalRange().end().toString("yyyy-MM-dd")]
    canvas.saveAsImage(os.path.join(OUT, "canvas-dated.png"))
    iface.mainWindow().grab().save(os.path.join(OUT, "window.png"))
    with open(os.path.join(OUT, "result.json"), "w") as f:
        json.dump(result, f)
    os._exit(0)  # no "save the project?" question


iface.mainWindow().showMaximized()
QTimer.singleShot(3000, lambda: after_render(opened))
