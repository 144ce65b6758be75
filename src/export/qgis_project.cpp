// A QGIS project (.qgs, QGIS 3.22 format) over the exported GeoPackage, styled
// after a histmap map style, with the temporal controller set up on `states`.
#include <cstdio>
#include <filesystem>
#include <set>
#include <sstream>

#include <ogr_spatialref.h>

#include "export/export.hpp"
#include "export/qgis_style.hpp"
#include "export/state_properties.hpp"
#include "util/atomic_file.hpp"

namespace histmap {
namespace fs = std::filesystem;

namespace {

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

std::string rgba(const Rgb& c, int alpha = 255) {
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
  return "<layer class=\"LinePatternFill\" enabled=\"1\" locked=\"0\" pass=\"0\">" + prop("angle", std::to_string(angle)) +
         prop("color", rgba(c)) + prop("distance", std::to_string(distance)) + prop("distance_unit", "MM") +
         prop("line_width", std::to_string(width)) + prop("line_width_unit", "MM") + prop("offset", "0") +
         prop("offset_unit", "MM") +
         "<symbol type=\"line\" name=\"@0@0\" alpha=\"1\" clip_to_extent=\"1\" force_rhr=\"0\">"
         "<layer class=\"SimpleLine\" enabled=\"1\" locked=\"0\" pass=\"0\">" +
         prop("line_color", rgba(c)) + prop("line_width", std::to_string(width)) + prop("line_width_unit", "MM") +
         prop("line_style", "solid") + "</layer></symbol></layer>";
}

std::string dot_pattern(const Rgb& c, double distance, double size) {
  return "<layer class=\"PointPatternFill\" enabled=\"1\" locked=\"0\" pass=\"0\">" +
         prop("distance_x", std::to_string(distance)) + prop("distance_y", std::to_string(distance)) +
         prop("distance_x_unit", "MM") + prop("distance_y_unit", "MM") + prop("displacement_x", std::to_string(distance / 2)) +
         prop("displacement_x_unit", "MM") +
         "<symbol type=\"marker\" name=\"@0@0\" alpha=\"1\" clip_to_extent=\"1\" force_rhr=\"0\">"
         "<layer class=\"SimpleMarker\" enabled=\"1\" locked=\"0\" pass=\"0\">" +
         prop("name", "circle") + prop("color", rgba(c)) + prop("size", std::to_string(size)) + prop("size_unit", "MM") +
         prop("outline_style", "no") + "</layer></symbol></layer>";
}

std::string simple_line(const Rgb& c, double width, const std::string& style = "solid") {
  return "<layer class=\"SimpleLine\" enabled=\"1\" locked=\"0\" pass=\"0\">" + prop("line_color", rgba(c)) +
         prop("line_width", std::to_string(width)) + prop("line_width_unit", "MM") + prop("line_style", style) +
         prop("capstyle", "round") + prop("joinstyle", "round") + "</layer>";
}

std::string symbol(const std::string& type, int name, const std::string& layers) {
  return "<symbol type=\"" + type + "\" name=\"" + std::to_string(name) + "\" alpha=\"1\" clip_to_extent=\"1\" force_rhr=\"0\">" +
         layers + "</symbol>";
}

struct Rule {
  std::string filter, label, symbol_xml;
};

std::string rule_renderer(const std::vector<Rule>& rules) {
  std::ostringstream r, s;
  r << "<renderer-v2 type=\"RuleRenderer\" symbollevels=\"0\" forceraster=\"0\" enableorderby=\"0\"><rules key=\"root\">";
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
  return "<renderer-v2 type=\"singleSymbol\" symbollevels=\"0\" forceraster=\"0\" enableorderby=\"0\"><symbols>" + symbol_xml +
         "</symbols></renderer-v2>";
}

std::string labeling(const std::string& field, double size, const Rgb& colour, bool bold) {
  return "<labeling type=\"simple\"><settings calloutType=\"simple\"><text-style fieldName=\"" + field +
         "\" fontFamily=\"Noto Sans\" fontSize=\"" + std::to_string(size) + "\" fontSizeUnit=\"Point\" fontWeight=\"" +
         (bold ? "75" : "50") + "\" textColor=\"" + rgba(colour) +
         "\" isExpression=\"0\"><text-buffer bufferDraw=\"1\" bufferSize=\"0.7\" bufferSizeUnits=\"MM\" "
         "bufferColor=\"255,255,255,255\" bufferOpacity=\"0.8\"/></text-style>"
         "<placement placement=\"1\" offsetType=\"0\" dist=\"1\"/><rendering obstacle=\"1\"/></settings></labeling>";
}

// The states layer's style: fills by controller, then overlays that the rule
// renderer draws on top (all matching rules draw): conflict, uncertainty,
// claims (a hatch per claimant), designations.
std::string states_renderer(const Atlas& atlas, const Style& style) {
  std::vector<Rule> rules;
  int n = 0;
  auto colour_of = [&](const Polity& p) { return style.colour_of(p); };
  Rgb edge{0.45, 0.45, 0.45};
  for (const auto& p : atlas.polities)
    rules.push_back({"\"controller\" = '" + p.id + "'", "Controlled by " + name_of(p),
                     symbol("fill", n++, simple_fill(colour_of(p), 255, "solid", edge, 0.05, "solid"))});
  rules.push_back({"\"controller\" IS NULL AND \"assertions\" <> '[]'", "Claims or statuses, no controller asserted",
                   symbol("fill", n++, simple_fill(style.no_controller, 255, "solid", edge, 0.05, "solid"))});
  rules.push_back({"\"assertions\" = '[]'", "No assertion in the loaded sources",
                   symbol("fill", n++, simple_fill(style.no_assertion, 255, "solid", edge, 0.05, "solid"))});
  rules.push_back({"\"control_precision\" = 'uncertain'", "Control rests on an imprecise date (lighter, dotted edge)",
                   symbol("fill", n++, simple_fill(style.page, int(255 * (1 - style.uncertain_alpha)), "solid",
                                                   style.uncertain_outline.colour, 0.3, "dot"))});
  rules.push_back({"\"conflict\" = 1", "Sources disagree",
                   symbol("fill", n++, line_pattern(style.conflict.colour, 60, 2.5, 0.5) +
                                           simple_fill(style.page, 0, "no", style.conflict.colour, 0.6, "dash"))});
  const double angles[] = {45, -45, 15, -75, 75, -15};
  for (size_t i = 0; i < atlas.polities.size(); ++i) {
    const Polity& p = atlas.polities[i];
    rules.push_back({"\"claimants\" LIKE '%\"" + p.id + "\"%'", "Claimed by " + name_of(p),
                     symbol("fill", n++, line_pattern(colour_of(p), angles[i % 6], 1.6, 0.3))});
  }
  for (const auto& [type, ps] : style.designations) {
    if (ps.pattern == "none") continue;
    Rgb c = ps.colour_rule.front() == '#' ? ps.colour : style.text;
    std::string layer;
    if (ps.pattern == "dots") layer = dot_pattern(c, 2.0, 0.45);
    else if (ps.pattern == "circles") layer = dot_pattern(c, 3.0, 0.9);
    else if (ps.pattern == "horizontal") layer = line_pattern(c, 0, 1.6, 0.15);
    else if (ps.pattern == "vertical") layer = line_pattern(c, 90, 1.8, 0.12);
    else if (ps.pattern == "sparse") layer = line_pattern(c, 30, 3.2, 0.2);
    else if (ps.pattern == "crosshatch") layer = line_pattern(c, 45, 2, 0.15) + line_pattern(c, -45, 2, 0.15);
    else layer = simple_fill(style.page, 0, "no", c, 0.8, ps.pattern == "ring" ? "dash" : "solid");
    std::string label = type;
    for (auto& ch : label)
      if (ch == '_') ch = ' ';
    rules.push_back({"\"designations\" LIKE '%\"type\":\"" + type + "\"%'", "Designation: " + label, symbol("fill", n++, layer)});
  }
  return rule_renderer(rules);
}

std::string srs_xml(const OGRSpatialReference& srs, const std::string& authid, const std::string& description) {
  char* wkt = nullptr;
  const char* opts[] = {"FORMAT=WKT2_2018", nullptr};
  srs.exportToWkt(&wkt, opts);
  char* proj4 = nullptr;
  srs.exportToProj4(&proj4);
  std::string out = "<spatialrefsys><wkt>" + esc(wkt ? wkt : "") + "</wkt><proj4>" + esc(proj4 ? proj4 : "") +
                    "</proj4><authid>" + authid + "</authid><description>" + esc(description) + "</description></spatialrefsys>";
  CPLFree(wkt);
  CPLFree(proj4);
  return out;
}

struct LayerSpec {
  std::string id, name, geometry;  // geometry: Polygon, Line, Point, (empty: table)
  std::string renderer, labeling, temporal;
};

std::string qml(const LayerSpec& l) {
  return "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n<qgis version=\"3.22.16-Białowieża\" "
         "styleCategories=\"AllStyleCategories\" labelsEnabled=\"" +
         std::string(l.labeling.empty() ? "0" : "1") + "\">\n" + l.temporal + l.renderer + "\n" + l.labeling + "\n</qgis>\n";
}

}  // namespace

void write_qgis_project(const Atlas& atlas, const Resolver& resolver, const Style& style, const std::string& dir,
                        Report& report) {
  if (fs::exists(dir) && !fs::is_directory(dir)) {
    report.error(dir, "exists and is not a folder");
    return;
  }
  std::string tmp = temp_path_or_report(fs::path(dir).lexically_normal().string(), report);
  if (tmp.empty()) return;
  std::error_code ec;
  fs::remove_all(tmp, ec);
  fs::create_directories(fs::path(tmp) / "styles");
  write_geopackage(atlas, resolver, tmp + "/histmap.gpkg", report);
  if (report.has_errors()) {
    fs::remove_all(tmp, ec);
    return;
  }
  // Time range: the earliest and latest change points, to the day.
  const auto& cps = resolver.change_points();
  std::string first = cps.empty() ? "1918-01-01" : format_day(cps.front());
  std::string last = cps.empty() ? "1923-12-31" : format_day(cps.back());

  OGRSpatialReference wgs;
  wgs.SetWellKnownGeogCS("WGS84");
  OGRSpatialReference lcc;
  lcc.importFromProj4("+proj=lcc +lat_0=40.5 +lon_0=44.75 +lat_1=38.5 +lat_2=42.5 +datum=WGS84 +units=m +no_defs");
  const std::string layer_srs = srs_xml(wgs, "EPSG:4326", "WGS 84");

  std::vector<LayerSpec> layers = {
      {"places", "places", "Point",
       single_renderer(symbol("marker", 0,
                              "<layer class=\"SimpleMarker\" enabled=\"1\" locked=\"0\" pass=\"0\">" + prop("name", "circle") +
                                  prop("color", rgba(style.place_colour)) + prop("size", "1.4") + prop("outline_style", "no") +
                                  "</layer>")),
       labeling("name_en", 7, style.text, false), ""},
      {"governorates", "governorates", "Polygon",
       single_renderer(symbol("fill", 0, simple_fill(style.page, 0, "no", style.governorate_line.colour, 0.6, "solid"))), "", ""},
      {"uyezds", "uyezds", "Polygon",
       single_renderer(symbol("fill", 0, simple_fill(style.page, 0, "no", style.uyezd_line.colour, 0.2, "solid"))),
       labeling("name_en", 7.5, style.text, true), ""},
      {"states", "states (temporal)", "Polygon", qgis_states_renderer(atlas, resolver, style), "",
       "<temporal enabled=\"1\" mode=\"2\" startField=\"valid_from\" endField=\"valid_to\" startExpression=\"\" "
       "endExpression=\"\" durationField=\"\" durationUnit=\"d\" fixedDuration=\"0\" accumulate=\"0\">"
       "<fixedRange><start></start><end></end></fixedRange></temporal>"},
      {"rivers", "rivers", "Line", single_renderer(symbol("line", 0, simple_line(style.river, 0.25))), "", ""},
      {"water", "water", "Polygon",
       single_renderer(symbol("fill", 0, simple_fill(style.water, 255, "solid", style.water_line, 0.1, "solid"))), "", ""},
      {"countries", "modern countries", "Polygon",
       single_renderer(symbol("fill", 0, simple_fill(style.land, 255, "solid", style.modern_border.colour, 0.15, "dash"))), "", ""},
      {"assertions", "assertions", "", "", "", ""},
      {"sources", "sources", "", "", "", ""},
      {"polities", "polities", "", "", "", ""},
  };
  std::string sources_text;
  for (const auto& s : atlas.sources) sources_text += s.id + ": " + s.title + ". Perspective: " + s.perspective + "\n";

  std::ostringstream q;
  q << "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n"
    << "<qgis projectname=\"histmap: South Caucasus 1918-1923\" version=\"3.22.16-Białowieża\">\n"
    << "<homePath path=\"\"/>\n<title>histmap: South Caucasus 1918-1923, as the loaded sources assert it</title>\n"
    << "<projectCrs>" << srs_xml(lcc, "", "histmap Lambert conformal conic (South Caucasus)") << "</projectCrs>\n"
    << "<layer-tree-group>\n";
  for (const auto& l : layers)
    q << "<layer-tree-layer id=\"" << l.id << "\" name=\"" << esc(l.name) << "\" source=\"./histmap.gpkg|layername=" << l.id
      << "\" providerKey=\"ogr\" checked=\"" << (l.geometry.empty() ? "Qt::Unchecked" : "Qt::Checked")
      << "\" expanded=\"0\"/>\n";
  q << "</layer-tree-group>\n<projectlayers>\n";
  for (const auto& l : layers) {
    q << "<maplayer type=\"vector\"" << (l.geometry.empty() ? "" : " geometry=\"" + l.geometry + "\"")
      << " labelsEnabled=\"" << (l.labeling.empty() ? "0" : "1") << "\" styleCategories=\"AllStyleCategories\">\n"
      << "<id>" << l.id << "</id>\n<datasource>./histmap.gpkg|layername=" << l.id << "</datasource>\n"
      << "<layername>" << esc(l.name) << "</layername>\n";
    if (!l.geometry.empty()) q << "<srs>" << layer_srs << "</srs>\n";
    q << "<provider encoding=\"UTF-8\">ogr</provider>\n" << l.temporal << "\n" << l.renderer << "\n" << l.labeling << "\n</maplayer>\n";
    if (!l.renderer.empty()) write_file_atomic(tmp + "/styles/" + l.id + ".qml", qml(l));
  }
  q << "</projectlayers>\n"
    << "<layerorder>";
  for (const auto& l : layers) q << "<layer id=\"" << l.id << "\"/>";
  q << "</layerorder>\n"
    << "<ProjectTimeSettings timeStepUnit=\"d\" timeStep=\"1\" frameRate=\"4\" cumulativeTemporalRange=\"0\">"
    << "<TemporalRange><start>" << first << "T00:00:00Z</start><end>" << last << "T00:00:00Z</end></TemporalRange>"
    << "</ProjectTimeSettings>\n"
    << "<properties><Paths><Absolute type=\"bool\">false</Absolute></Paths></properties>\n"
    << "<projectMetadata><identifier>histmap-south-caucasus</identifier><title>histmap: South Caucasus 1918-1923</title>"
    << "<abstract>" << esc("Dated control, claim and status assertions resolved per piece and interval. Each area shows "
                           "what the loaded sources assert, not established fact; where sources disagree the states "
                           "layer marks a conflict. Sources:\n" + sources_text)
    << "</abstract><rights>" << esc("Boundaries: geoBoundaries (Runfola et al. 2020), CC BY-SA 3.0 and ODbL; "
                                    "© OpenStreetMap contributors (ODbL); GSHHG (LGPL).")
    << "</rights><creation>2000-01-01T00:00:00</creation></projectMetadata>\n"
    << "</qgis>\n";
  write_file_atomic(tmp + "/histmap.qgs", q.str());
  if (fs::exists(dir)) fs::remove_all(dir, ec);
  try {
    commit_temp(tmp, dir);
  } catch (const OutputError& e) {
    report.error(dir, e.what());
  }
}

}  // namespace histmap
