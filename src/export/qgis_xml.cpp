// QGIS 3.22 XML pieces (see qgis_xml.hpp).
#include "export/qgis_xml.hpp"

#include <cstdio>
#include <sstream>

#include <cpl_conv.h>

namespace histmap::qgis {

std::string esc(const std::string& s) {
  std::string o;
  for (char c : s) {
    switch (c) {
      case '&': o += "&amp;"; break;
      case '<': o += "&lt;"; break;
      case '>': o += "&gt;"; break;
      case '"': o += "&quot;"; break;
      case '\'': o += "&apos;"; break;
      default: o += c;
    }
  }
  return o;
}

std::string rgba(const Rgb& c, int alpha) {
  char b[48];
  std::snprintf(b, sizeof b, "%d,%d,%d,%d", int(c.r * 255 + .5), int(c.g * 255 + .5), int(c.b * 255 + .5), alpha);
  return b;
}

std::string prop(const std::string& k, const std::string& v) { return "<prop k=\"" + k + "\" v=\"" + esc(v) + "\"/>"; }

// Symbol layers (QGIS symbol XML).
std::string simple_fill(const Rgb& fill, int alpha, const std::string& style, const Rgb& line, double width,
                        const std::string& line_style) {
  return "<layer class=\"SimpleFill\" enabled=\"1\" locked=\"0\" pass=\"0\">" + prop("color", rgba(fill, alpha)) +
         prop("style", style) + prop("outline_color", rgba(line)) + prop("outline_width", std::to_string(width)) +
         prop("outline_width_unit", "MM") + prop("outline_style", line_style) + prop("joinstyle", "round") + "</layer>";
}

std::string line_pattern(const Rgb& c, double angle, double distance, double width) {
  return "<layer class=\"LinePatternFill\" enabled=\"1\" locked=\"0\" pass=\"0\">" +
         prop("angle", std::to_string(angle)) + prop("color", rgba(c)) + prop("distance", std::to_string(distance)) +
         prop("distance_unit", "MM") + prop("line_width", std::to_string(width)) + prop("line_width_unit", "MM") +
         prop("offset", "0") + prop("offset_unit", "MM") +
         "<symbol type=\"line\" name=\"@0@0\" alpha=\"1\" clip_to_extent=\"1\" force_rhr=\"0\">"
         "<layer class=\"SimpleLine\" enabled=\"1\" locked=\"0\" pass=\"0\">" +
         prop("line_color", rgba(c)) + prop("line_width", std::to_string(width)) + prop("line_width_unit", "MM") +
         prop("line_style", "solid") + "</layer></symbol></layer>";
}

std::string dot_pattern(const Rgb& c, double distance, double size) {
  return "<layer class=\"PointPatternFill\" enabled=\"1\" locked=\"0\" pass=\"0\">" +
         prop("distance_x", std::to_string(distance)) + prop("distance_y", std::to_string(distance)) +
         prop("distance_x_unit", "MM") + prop("distance_y_unit", "MM") +
         prop("displacement_x", std::to_string(distance / 2)) + prop("displacement_x_unit", "MM") +
         "<symbol type=\"marker\" name=\"@0@0\" alpha=\"1\" clip_to_extent=\"1\" force_rhr=\"0\">"
         "<layer class=\"SimpleMarker\" enabled=\"1\" locked=\"0\" pass=\"0\">" +
         prop("name", "circle") + prop("color", rgba(c)) + prop("size", std::to_string(size)) +
         prop("size_unit", "MM") + prop("outline_style", "no") + "</layer></symbol></layer>";
}

std::string simple_line(const Rgb& c, double width, const std::string& style) {
  return "<layer class=\"SimpleLine\" enabled=\"1\" locked=\"0\" pass=\"0\">" + prop("line_color", rgba(c)) +
         prop("line_width", std::to_string(width)) + prop("line_width_unit", "MM") + prop("line_style", style) +
         prop("capstyle", "round") + prop("joinstyle", "round") + "</layer>";
}

std::string symbol(const std::string& type, int name, const std::string& layers) {
  return "<symbol type=\"" + type + "\" name=\"" + std::to_string(name) +
         "\" alpha=\"1\" clip_to_extent=\"1\" force_rhr=\"0\">" + layers + "</symbol>";
}

std::string rule_renderer(const std::vector<Rule>& rules) {
  std::ostringstream r, s;
  r << "<renderer-v2 type=\"RuleRenderer\" symbollevels=\"0\" forceraster=\"0\" enableorderby=\"0\"><rules "
       "key=\"root\">";
  for (size_t i = 0; i < rules.size(); ++i) {
    r << "<rule key=\"r" << i << "\" symbol=\"" << i << "\" label=\"" << esc(rules[i].label) << "\"";
    if (!rules[i].filter.empty()) r << " filter=\"" << esc(rules[i].filter) << "\"";
    r << "/>";
    s << rules[i].symbol_xml;
  }
  r << "</rules><symbols>" << s.str() << "</symbols></renderer-v2>";
  return r.str();
}

std::string single_renderer(const std::string& symbol_xml) {
  return "<renderer-v2 type=\"singleSymbol\" symbollevels=\"0\" forceraster=\"0\" enableorderby=\"0\"><symbols>" +
         symbol_xml + "</symbols></renderer-v2>";
}

std::string simple_marker(const Rgb& c, double size) {
  return "<layer class=\"SimpleMarker\" enabled=\"1\" locked=\"0\" pass=\"0\">" + prop("name", "circle") +
         prop("color", rgba(c)) + prop("size", std::to_string(size)) + prop("size_unit", "MM") +
         prop("outline_style", "no") + "</layer>";
}

// placement: 0 around point, 1 over point/centroid (QgsPalLayerSettings::Placement).
std::string labeling(const std::string& expression, double size_pt, const Rgb& colour, bool bold, int placement) {
  return "<labeling type=\"simple\"><settings calloutType=\"simple\"><text-style fieldName=\"" + esc(expression) +
         "\" isExpression=\"1\" fontFamily=\"Noto Sans\" fontSize=\"" + std::to_string(size_pt) +
         "\" fontSizeUnit=\"Point\" fontWeight=\"" + (bold ? "75" : "50") + "\" textColor=\"" + rgba(colour) +
         "\"><text-buffer bufferDraw=\"1\" bufferSize=\"0.8\" bufferSizeUnits=\"MM\" "
         "bufferColor=\"255,255,255,255\" bufferOpacity=\"0.85\"/></text-style>"
         "<placement placement=\"" +
         std::to_string(placement) +
         "\" offsetType=\"0\" dist=\"1\" distUnits=\"MM\"/>"
         "<rendering obstacle=\"1\" fontMinPixelSize=\"3\" fontLimitPixelSize=\"0\" "
         "displayAll=\"0\"/></settings></labeling>";
}

std::string srs_xml(const OGRSpatialReference& srs, const std::string& authid, const std::string& description) {
  char* wkt = nullptr;
  const char* opts[] = {"FORMAT=WKT2_2018", nullptr};
  srs.exportToWkt(&wkt, opts);
  char* proj4 = nullptr;
  srs.exportToProj4(&proj4);
  std::string out = "<spatialrefsys><wkt>" + esc(wkt ? wkt : "") + "</wkt><proj4>" + esc(proj4 ? proj4 : "") +
                    "</proj4><authid>" + authid + "</authid><description>" + esc(description) +
                    "</description></spatialrefsys>";
  CPLFree(wkt);
  CPLFree(proj4);
  return out;
}

}  // namespace histmap::qgis
