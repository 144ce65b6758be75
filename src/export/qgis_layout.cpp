// The QGIS print layout: the figure `histmap render` makes (map, dated title,
// legend, scale bar, north arrow, source and attribution credits) on an A4
// landscape page. The title's date is the map item's temporal range, so it
// follows whatever date the map is set to.
#include <sstream>

#include "export/qgis_parts.hpp"
#include "export/qgis_xml.hpp"
#include "symbology/dataset_words.hpp"

namespace histmap::qgis {
namespace {

// QgsLayoutItemRegistry types (QGraphicsItem::UserType + 100 + n).
enum ItemType { kPage = 65638, kMap = 65639, kPicture = 65640, kLabel = 65641, kLegend = 65642, kScaleBar = 65646 };
constexpr const char* kMapUuid = "{6d1f5c0e-0000-4000-8000-000000000001}";
constexpr double kMapX = 10, kMapY = 22, kMapW = 190, kMapH = 166;

struct Box {
  double x, y, w, h;
};

std::string num(double v) {
  std::ostringstream o;
  o.precision(12);
  o << v;
  return o.str();
}

std::string item(ItemType type, int n, const Box& b, const std::string& attrs, const std::string& children = "") {
  char uuid[64];
  std::snprintf(uuid, sizeof uuid, "{6d1f5c0e-0000-4000-8000-%012d}", n);
  const std::string pos = num(b.x) + "," + num(b.y) + ",mm";
  return "<LayoutItem type=\"" + std::to_string(type) + "\" uuid=\"" + uuid + "\" templateUuid=\"" + uuid +
         "\" position=\"" + pos + "\" positionOnPage=\"" + pos + "\" size=\"" + num(b.w) + "," + num(b.h) +
         ",mm\" zValue=\"" + std::to_string(n) +
         "\" visibility=\"1\" referencePoint=\"0\" itemRotation=\"0\" opacity=\"1\" "
         "outlineWidthM=\"0.3,mm\" frameJoinStyle=\"miter\" " +
         attrs +
         ">"
         "<FrameColor red=\"60\" green=\"60\" blue=\"60\" alpha=\"255\"/><BackgroundColor red=\"255\" green=\"255\" "
         "blue=\"255\" alpha=\"255\"/>" +
         children + "</LayoutItem>\n";
}

std::string font(const char* tag, double pt, bool bold) {
  return std::string("<") + tag + " description=\"Noto Sans," + num(pt) + ",-1,5," + (bold ? "75" : "50") +
         ",0,0,0,0,0\" style=\"\"/>";
}

std::string label(int n, const Box& b, const std::string& text, double pt, bool bold) {
  return item(kLabel, n, b,
              "id=\"\" frame=\"false\" background=\"false\" halign=\"1\" valign=\"32\" htmlState=\"0\" "
              "marginX=\"0\" marginY=\"0\" labelText=\"" +
                  esc(text) + "\"",
              font("LabelFont", pt, bold) + "<FontColor red=\"30\" green=\"30\" blue=\"30\" alpha=\"255\"/>");
}

// The pieces' extent widened to the map item's shape, so the scale is exact.
OGREnvelope fitted(OGREnvelope e) {
  const double want = kMapW / kMapH, w = e.MaxX - e.MinX, h = e.MaxY - e.MinY;
  if (w / h < want) {
    const double grow = (h * want - w) / 2;
    e.MinX -= grow, e.MaxX += grow;
  } else {
    const double grow = (w / want - h) / 2;
    e.MinY -= grow, e.MaxY += grow;
  }
  return e;
}

std::string map_item(const ProjectFrame& frame) {
  const OGREnvelope e = fitted(frame.extent);
  const std::string attrs =
      "id=\"histmap_map\" frame=\"true\" background=\"true\" keepLayerSet=\"false\" "
      "drawCanvasItems=\"false\" mapRotation=\"0\" followPreset=\"false\" followPresetName=\"\" "
      "isTemporal=\"1\" temporalRangeBegin=\"" +
      frame.first + "T00:00:00\" temporalRangeEnd=\"" + frame.first + "T23:59:59\"";
  const std::string children = "<Extent xmin=\"" + num(e.MinX) + "\" ymin=\"" + num(e.MinY) + "\" xmax=\"" +
                               num(e.MaxX) + "\" ymax=\"" + num(e.MaxY) + "\"/><crs>" + frame.project_srs +
                               "</crs><LayerSet/>";
  std::string out = item(kMap, 1, {kMapX, kMapY, kMapW, kMapH}, attrs, children);
  // The uuid of item 1 is the map's: kMapUuid.
  return out;
}

std::string legend_item(int n) {
  const std::string styles =
      "<styles><style name=\"title\" marginBottom=\"2\" alignment=\"1\">" + font("styleFont", 11, true) +
      "</style><style name=\"group\" marginTop=\"2\" alignment=\"1\">" + font("styleFont", 8, true) +
      "</style><style name=\"subgroup\" marginTop=\"2\" alignment=\"1\">" + font("styleFont", 8, true) +
      "</style><style name=\"symbol\" marginTop=\"1\" alignment=\"1\">" + font("styleFont", 7, false) +
      "</style><style name=\"symbolLabel\" marginTop=\"1\" marginLeft=\"1.5\" alignment=\"1\">" +
      font("styleFont", 7, false) + "</style></styles>";
  // Only the states layer: the base layers explain themselves.
  const std::string tree = "<layer-tree-group><customproperties/><layer-tree-layer id=\"" + layer_id("states") +
                           "\" name=\"What the loaded sources assert\" source=\"./histmap.gpkg|layername=states\" "
                           "providerKey=\"ogr\" checked=\"Qt::Checked\" expanded=\"1\"><customproperties/>"
                           "</layer-tree-layer></layer-tree-group>";
  return item(kLegend, n, {kMapX + kMapW + 5, kMapY, 82, kMapH},
              "id=\"histmap_legend\" frame=\"false\" background=\"true\" title=\"Legend\" map_uuid=\"" +
                  std::string(kMapUuid) +
                  "\" legendFilterByMap=\"1\" legendFilterByAtlas=\"0\" resizeToContents=\"1\" "
                  "columnCount=\"1\" splitLayer=\"0\" equalColumnWidth=\"0\" symbolWidth=\"6\" symbolHeight=\"3.5\" "
                  "boxSpace=\"1\" columnSpace=\"2\" wrapChar=\"\" fontColor=\"#1e1e1e\" titleAlignment=\"1\" "
                  "symbolAlignment=\"1\" lineSpacing=\"1\"",
              styles + tree);
}

std::string scale_bar_item(int n) {
  return item(kScaleBar, n, {kMapX + 4, kMapY + kMapH - 14, 60, 10},
              "id=\"histmap_scalebar\" frame=\"false\" background=\"true\" style=\"Single Box\" mapUuid=\"" +
                  std::string(kMapUuid) +
                  "\" unitType=\"km\" unitLabel=\"km\" numMapUnitsPerScaleBarUnit=\"1\" "
                  "numUnitsPerSegment=\"50\" numSegments=\"2\" numSegmentsLeft=\"0\" numSubdivisions=\"1\" "
                  "segmentSizeMode=\"0\" minBarWidth=\"30\" maxBarWidth=\"60\" height=\"2\" labelBarSpace=\"1.5\" "
                  "boxContentSpace=\"1\" alignment=\"0\" labelVerticalPlacement=\"0\" labelHorizontalPlacement=\"0\"",
              font("scaleBarFont", 7, false));
}

std::string north_arrow_item(int n) {
  return item(kPicture, n, {kMapX + kMapW - 14, kMapY + 4, 9, 14},
              "id=\"histmap_north_arrow\" frame=\"false\" background=\"false\" mode=\"0\" resizeMode=\"0\" "
              "file=\":/images/north_arrows/layout_default_north_arrow.svg\" mapUuid=\"" +
                  std::string(kMapUuid) +
                  "\" northMode=\"0\" northOffset=\"0\" pictureRotation=\"0\" anchorPoint=\"0\" "
                  "svgFillColor=\"255,255,255,255\" svgBorderColor=\"0,0,0,255\" svgBorderWidth=\"0.2\"");
}

std::string credits_text(const Atlas& atlas) {
  std::string text = "Sources: ";
  for (size_t i = 0; i < atlas.sources.size(); ++i)
    text += (i ? "; " : "") + atlas.sources[i].id + " " + atlas.sources[i].title;
  return text + ". Each area shows what these sources assert, not established fact. " +
         data_credit(atlas, words_for("en"));
}

}  // namespace

std::string print_layout_xml(const Atlas& atlas, const Style& /*style*/, const ProjectFrame& frame) {
  const std::string title = dataset_title(atlas, words_for("en")) +
                            " on [% format_date(item_variables('histmap_map')['map_start_time'], 'd MMMM yyyy') %], "
                            "as the loaded sources assert it";
  std::ostringstream q;
  q << "<Layout name=\"histmap map\" units=\"mm\" printResolution=\"300\" worldFileMap=\"\">\n"
    << "<PageCollection>" << item(kPage, 0, {0, 0, 297, 210}, "id=\"\" frame=\"false\" background=\"true\"")
    << "<GuideCollection visible=\"1\"/></PageCollection>\n"
    << map_item(frame) << label(2, {kMapX, 6, 277, 12}, title, 15, true) << legend_item(3) << scale_bar_item(4)
    << north_arrow_item(5) << label(6, {kMapX, kMapY + kMapH + 3, 277, 16}, credits_text(atlas), 6.5, false)
    << "<Atlas enabled=\"0\" coverageLayer=\"\" hideCoverage=\"0\" filterFeatures=\"0\" sortFeatures=\"0\" "
       "pageNameExpression=\"\" filenamePattern=\"\"/>\n</Layout>\n";
  return q.str();
}

}  // namespace histmap::qgis
