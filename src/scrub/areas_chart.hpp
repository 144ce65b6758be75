// The areas table as an SVG chart: control as stacked areas (it partitions the
// pieces), claims as lines (they overlap), coloured as the maps are.
#pragma once

#include <string>

#include "data/report.hpp"
#include "render/style.hpp"
#include "scrub/areas.hpp"

namespace histmap {

struct AreaChartOptions {
  std::string lang = "en";
  Day from = 0, to = 0;  // the period the time axis spans
  std::string region;    // the region's name when restricted to one, else ""
  AreaStep step = AreaStep::Month;
  bool control = true, claims = true;  // the panels to draw (as the table was computed)
};

// Writes the chart as SVG to `path` (atomically); a failure goes into `report`.
void write_area_svg(const Atlas& atlas, const AreaTable& table, const Style& style, const AreaChartOptions& options,
                    const std::string& path, Report& report);

}  // namespace histmap
