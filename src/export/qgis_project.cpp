// A QGIS project (QGIS 3.22) over the exported GeoPackage: layers with long
// ids (QGIS 3.22 replaces ids of ten characters or fewer, which would cut the
// layer tree off its layers), the project CRS, a saved view, the temporal
// controller, labels, map tips with the assertions behind each state through
// relations, and a print layout. Written as histmap.qgz and histmap.qgs.
#include <filesystem>
#include <sstream>

#include <ogr_spatialref.h>

#include "export/export.hpp"
#include "export/qgis_parts.hpp"
#include "export/qgis_style.hpp"
#include "export/qgis_xml.hpp"
#include "export/state_properties.hpp"
#include "symbology/dataset_words.hpp"
#include "util/atomic_file.hpp"

namespace histmap {
namespace fs = std::filesystem;
using namespace qgis;

namespace {

struct LayerSpec {
  std::string table, name, geometry;  // geometry: Polygon, Line, Point, (empty: table)
  std::string renderer, labeling, temporal, extra;
  std::string id() const { return layer_id(table); }
};

std::string label_expression(const std::string& lang) {
  return lang == "en" ? "\"name_en\"" : "coalesce(\"name_" + lang + "\", \"name_en\")";
}

// What the identify panel and map tip say about a state: the words, then each
// assertion behind it (through the link table) with source, locator and paraphrase.
std::string states_extra(const std::string& lang) {
  const std::string behind = "relation_aggregate('" + std::string(kRelationStateLinks) +
                             "', 'concatenate', with_variable('a', get_feature('" + layer_id("assertions") +
                             "', 'id', \"assertion\"), \"assertion\" || ' (' || attribute(@a, 'source') || ', ' || "
                             "attribute(@a, 'locator') || '): ' || attribute(@a, 'paraphrase')), concatenator:='\n')";
  const std::string uyezd = "coalesce(\"uyezd_name_" + lang + "\", \"uyezd_name_en\", \"piece\")";
  std::string tip = "<b>[% " + uyezd +
                    " %]</b> ([% \"piece\" %])<br>[% format_date(\"valid_from\", 'yyyy-MM-dd') %] to "
                    "[% coalesce(format_date(\"valid_to\", 'yyyy-MM-dd'), 'open end') %]<br>[% \"state_text\" %]<br>"
                    "<small>[% replace(\"behind\", '\n', '<br>') %]</small>";
  return "<expressionfields><field name=\"behind\" type=\"10\" typeName=\"string\" length=\"0\" precision=\"0\" "
         "subType=\"0\" comment=\"Assertions behind this state: source, locator, paraphrase\" expression=\"" +
         esc(behind) + "\"/></expressionfields>\n<previewExpression>" +
         esc(uyezd + " || ' ' || format_date(\"valid_from\", 'yyyy-MM-dd')") + "</previewExpression>\n<mapTip>" +
         esc(tip) +
         "</mapTip>\n<aliases><alias field=\"state_text\" name=\"State on these days\"/>"
         "<alias field=\"behind\" name=\"Assertions behind it\"/></aliases>\n";
}

std::vector<LayerSpec> layer_specs(const Atlas& atlas, const Resolver& resolver, const Style& style,
                                   const std::string& lang) {
  const std::string names = label_expression(lang);
  return {
      {"places", "places", "Point", single_renderer(symbol("marker", 0, simple_marker(style.place_colour, 1.4))),
       labeling(names, 7, style.text, false, 0), "", ""},
      {"governorates", "governorates", "Polygon",
       single_renderer(
           symbol("fill", 0, simple_fill(style.page, 0, "no", style.governorate_line.colour, 0.6, "solid"))),
       "", "", ""},
      {"uyezds", "uyezds", "Polygon",
       single_renderer(symbol("fill", 0, simple_fill(style.page, 0, "no", style.uyezd_line.colour, 0.2, "solid"))),
       labeling(names, 7.5, style.text, true, 1), "", ""},
      {"states", "states (temporal)", "Polygon", qgis_states_renderer(atlas, resolver, style, lang), "",
       "<temporal enabled=\"1\" mode=\"2\" startField=\"valid_from\" endField=\"valid_to\" startExpression=\"\" "
       "endExpression=\"\" durationField=\"\" durationUnit=\"d\" fixedDuration=\"0\" accumulate=\"0\">"
       "<fixedRange><start></start><end></end></fixedRange></temporal>",
       states_extra(lang)},
      {"rivers", "rivers", "Line", single_renderer(symbol("line", 0, simple_line(style.river, 0.25))), "", "", ""},
      {"water", "water", "Polygon",
       single_renderer(symbol("fill", 0, simple_fill(style.water, 255, "solid", style.water_line, 0.1, "solid"))), "",
       "", ""},
      {"countries", "modern countries", "Polygon",
       single_renderer(
           symbol("fill", 0, simple_fill(style.land, 255, "solid", style.modern_border.colour, 0.15, "dash"))),
       "", "", ""},
      {"assertions", "assertions", "", "", "", "", "<previewExpression>\"id\"</previewExpression>"},
      {"state_assertions", "state assertions (link table)", "", "", "", "", ""},
      {"sources", "sources", "", "", "", "", ""},
      {"polities", "polities", "", "", "", "", ""},
  };
}

std::string qml(const LayerSpec& l) {
  return "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n<qgis version=\"3.22.16-Białowieża\" "
         "styleCategories=\"AllStyleCategories\" labelsEnabled=\"" +
         std::string(l.labeling.empty() ? "0" : "1") + "\">\n" + l.temporal + l.renderer + "\n" + l.labeling + "\n" +
         l.extra + "</qgis>\n";
}

std::string layer_tree_xml(const std::vector<LayerSpec>& layers) {
  std::ostringstream q;
  q << "<layer-tree-group>\n";
  for (const auto& l : layers)
    q << "<layer-tree-layer id=\"" << l.id() << "\" name=\"" << esc(l.name)
      << "\" source=\"./histmap.gpkg|layername=" << l.table << "\" providerKey=\"ogr\" checked=\""
      << (l.geometry.empty() ? "Qt::Unchecked" : "Qt::Checked") << "\" expanded=\"" << (l.table == "states" ? "1" : "0")
      << "\"/>\n";
  q << "</layer-tree-group>\n";
  return q.str();
}

std::string layers_xml(const std::vector<LayerSpec>& layers, const std::string& layer_srs) {
  std::ostringstream q;
  q << "<projectlayers>\n";
  for (const auto& l : layers) {
    q << "<maplayer type=\"vector\"" << (l.geometry.empty() ? "" : " geometry=\"" + l.geometry + "\"")
      << " labelsEnabled=\"" << (l.labeling.empty() ? "0" : "1") << "\" styleCategories=\"AllStyleCategories\">\n"
      << "<id>" << l.id() << "</id>\n<datasource>./histmap.gpkg|layername=" << l.table << "</datasource>\n"
      << "<layername>" << esc(l.name) << "</layername>\n";
    if (!l.geometry.empty()) q << "<srs>" << layer_srs << "</srs>\n";
    q << "<provider encoding=\"UTF-8\">ogr</provider>\n"
      << l.temporal << "\n"
      << l.renderer << "\n"
      << l.labeling << "\n"
      << l.extra << "</maplayer>\n";
  }
  q << "</projectlayers>\n<layerorder>";
  for (const auto& l : layers) q << "<layer id=\"" << l.id() << "\"/>";
  q << "</layerorder>\n";
  return q.str();
}

// states -> state_assertions (one row per state and assertion) -> assertions.
std::string relations_xml() {
  return std::string("<relations>\n<relation id=\"") + kRelationStateLinks +
         "\" name=\"Assertions behind this state\" referencedLayer=\"" + layer_id("states") + "\" referencingLayer=\"" +
         layer_id("state_assertions") +
         "\" strength=\"Association\"><fieldRef referencedField=\"state_id\" "
         "referencingField=\"state_id\"/></relation>\n"
         "<relation id=\"" +
         kRelationLinkAssertion + "\" name=\"Assertion\" referencedLayer=\"" + layer_id("assertions") +
         "\" referencingLayer=\"" + layer_id("state_assertions") +
         "\" strength=\"Association\"><fieldRef referencedField=\"id\" referencingField=\"assertion\"/></relation>\n"
         "</relations>\n";
}

std::string view_xml(const std::string& project_srs, const OGREnvelope& e) {
  std::ostringstream q;
  q.precision(10);
  q << "<mapcanvas name=\"theMapCanvas\" annotationsVisible=\"1\"><units>meters</units><extent><xmin>" << e.MinX
    << "</xmin><ymin>" << e.MinY << "</ymin><xmax>" << e.MaxX << "</xmax><ymax>" << e.MaxY
    << "</ymax></extent><rotation>0</rotation><destinationsrs>" << project_srs
    << "</destinationsrs><rendermaptile>0</rendermaptile></mapcanvas>\n"
    << "<ProjectViewSettings UseProjectScales=\"0\" rotation=\"0\"><Scales/><DefaultViewExtent xmin=\"" << e.MinX
    << "\" ymin=\"" << e.MinY << "\" xmax=\"" << e.MaxX << "\" ymax=\"" << e.MaxY << "\">" << project_srs
    << "</DefaultViewExtent></ProjectViewSettings>\n";
  return q.str();
}

// "histmap-south-caucasus": the dataset's English title as a plain id.
std::string identifier(const Atlas& atlas) {
  std::string id = "histmap";
  bool gap = true;
  for (char c : DatasetInfo::in(atlas.dataset.title, "en")) {
    const bool plain = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
    if (plain && gap) id += '-';
    if (plain) id += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    gap = !plain;
  }
  return id;
}

std::string metadata_xml(const Atlas& atlas) {
  std::string sources_text;
  for (const auto& s : atlas.sources) sources_text += s.id + ": " + s.title + ". Perspective: " + s.perspective + "\n";
  return "<projectMetadata><identifier>" + esc(identifier(atlas)) + "</identifier><title>" +
         esc("histmap: " + dataset_label(atlas)) +
         "</title>"
         "<abstract>" +
         esc("Dated control, claim and status assertions resolved per piece and interval. Each area shows what the "
             "loaded "
             "sources assert, not established fact; where sources disagree the states layer marks a conflict. "
             "Sources:\n" +
             sources_text) +
         "</abstract><rights>" + esc(data_credit(atlas, words_for("en"))) +
         "</rights><creation>2000-01-01T00:00:00</creation></projectMetadata>\n";
}

std::string project_xml(const Atlas& atlas, const Resolver& resolver, const Style& style, const ProjectFrame& frame,
                        const std::string& lang) {
  const auto layers = layer_specs(atlas, resolver, style, lang);
  std::ostringstream q;
  q << "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n"
    << "<qgis projectname=\"" << esc("histmap: " + dataset_label(atlas)) << "\" version=\"3.22.16-Białowieża\">\n"
    << "<homePath path=\"\"/>\n<title>" << esc("histmap: " + dataset_label(atlas))
    << ", as the loaded sources assert it</title>\n"
    << "<projectCrs>" << frame.project_srs << "</projectCrs>\n"
    << layer_tree_xml(layers) << relations_xml() << view_xml(frame.project_srs, frame.extent)
    << layers_xml(layers, srs_xml(frame.layer_srs, "EPSG:4326", "WGS 84"))
    << "<ProjectTimeSettings timeStepUnit=\"d\" timeStep=\"1\" frameRate=\"" << kFramesPerSecond
    << "\" cumulativeTemporalRange=\"0\"><TemporalRange><start>" << frame.first << "T00:00:00Z</start><end>"
    << frame.last
    << "T00:00:00Z</end></TemporalRange></ProjectTimeSettings>\n"
    // QGIS reads <projectCrs> only when ProjectionsEnabled is set.
    << "<properties><Paths><Absolute type=\"bool\">false</Absolute></Paths><SpatialRefSys><ProjectionsEnabled "
       "type=\"int\">1</ProjectionsEnabled></SpatialRefSys></properties>\n"
    << metadata_xml(atlas) << "<Layouts>\n"
    << print_layout_xml(atlas, style, frame) << "</Layouts>\n</qgis>\n";
  return q.str();
}

}  // namespace

void write_qgis_project(const Atlas& atlas, const Resolver& resolver, const Style& style, const std::string& dir,
                        const std::string& lang, Report& report, const std::string& crs) {
  if (fs::exists(dir) && !fs::is_directory(dir)) {
    report.error(dir, "exists and is not a folder");
    return;
  }
  std::string tmp = temp_path_or_report(fs::path(dir).lexically_normal().string(), report);
  if (tmp.empty()) return;
  std::error_code ec;
  fs::remove_all(tmp, ec);
  try {
    fs::create_directories(fs::path(tmp) / "styles");
    write_geopackage(atlas, resolver, tmp + "/histmap.gpkg", report);
    if (report.has_errors()) {
      fs::remove_all(tmp, ec);
      return;
    }
    const ProjectFrame frame = project_frame(atlas, resolver, crs);
    const std::string qgs = project_xml(atlas, resolver, style, frame, lang);
    write_file_atomic(tmp + "/histmap.qgs", qgs);
    // .qgz is what QGIS saves by default: a zip holding the same .qgs.
    write_file_atomic(tmp + "/histmap.qgz", stored_zip({{"histmap.qgs", qgs}}));
    for (const auto& l : layer_specs(atlas, resolver, style, lang))
      if (!l.renderer.empty()) write_file_atomic(tmp + "/styles/" + l.table + ".qml", qml(l));
    if (fs::exists(dir)) fs::remove_all(dir, ec);
    commit_temp(tmp, dir);
  } catch (const std::exception& e) {
    fs::remove_all(tmp, ec);
    report.error(dir, e.what());
  }
}

}  // namespace histmap
