// Pieces of QGIS 3.22 project XML shared by the project, its styles and its
// print layout: escaping, colours, symbol layers, renderers, labels, CRS.
#pragma once

#include <string>
#include <vector>

#include <ogr_spatialref.h>

#include "render/style.hpp"

namespace histmap::qgis {

std::string esc(const std::string& s);
std::string rgba(const Rgb& c, int alpha = 255);
std::string prop(const std::string& k, const std::string& v);

// Symbol layers.
std::string simple_fill(const Rgb& fill, int alpha, const std::string& style, const Rgb& line, double width,
                        const std::string& line_style);
std::string line_pattern(const Rgb& c, double angle, double distance, double width);
std::string dot_pattern(const Rgb& c, double distance, double size);
std::string simple_line(const Rgb& c, double width, const std::string& style = "solid");
std::string simple_marker(const Rgb& c, double size);
std::string symbol(const std::string& type, int name, const std::string& layers);

struct Rule {
  std::string filter, label, symbol_xml;
};
std::string rule_renderer(const std::vector<Rule>& rules);
std::string single_renderer(const std::string& symbol_xml);

// Simple labels from an expression (e.g. coalesce("name_hy", "name_en")).
std::string labeling(const std::string& expression, double size_pt, const Rgb& colour, bool bold, int placement);

// <spatialrefsys> for a CRS.
std::string srs_xml(const OGRSpatialReference& srs, const std::string& authid, const std::string& description);

}  // namespace histmap::qgis
