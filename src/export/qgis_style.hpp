// The QGIS rule-based renderer of the `states` layer, generated from symbology:
// one rule per legend category (over the whole period), in legend order, with
// the legend's words; filters test the exported category fields for equality
// (`category`, `controller`, `control_basis`, and items of `legend_keys`).
// Symbol layers carry symbology's passes as QGIS symbol levels, so fills lie
// under hatches, patterns and edges whatever the legend order.
#pragma once

#include <string>
#include <vector>

#include "render/style.hpp"
#include "symbology/legend.hpp"

namespace histmap {

struct QgisRule {
  Category category;
  std::string filter;  // a QGIS expression
  std::string label;   // the legend words
  std::string symbol;  // <symbol> XML
};

std::vector<QgisRule> qgis_state_rules(const Atlas& atlas, const Resolver& resolver, const Style& style,
                                       const std::string& lang = "en");
std::string qgis_states_renderer(const Atlas& atlas, const Resolver& resolver, const Style& style,
                                 const std::string& lang = "en");

}  // namespace histmap
