// A chart of control over time: a row per uyezd (grouped by governorate), each
// row split by area among the states of its pieces, coloured as the maps are.
#pragma once

#include <string>

#include "data/report.hpp"
#include "render/style.hpp"
#include "time/resolve.hpp"

namespace histmap {

// Writes the chart as SVG to `path` (atomically).
void write_timeline_svg(const Atlas& atlas, const Resolver& resolver, const Style& style, Day from, Day to,
                        const std::string& path, Report& report);

// Every change as CSV rows: date, region, pieces, before, after, because, locators.
std::string timeline_csv(const Atlas& atlas, const Resolver& resolver, Day from, Day to);

}  // namespace histmap
