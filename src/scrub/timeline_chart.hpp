// A chart of control over time: a row per uyezd (grouped by governorate), each
// row split by area among the states of its pieces, coloured as the maps are.
#pragma once

#include <string>
#include <vector>

#include "data/report.hpp"
#include "render/style.hpp"
#include "symbology/legend.hpp"
#include "time/resolve.hpp"

namespace histmap {

// Writes the chart as SVG to `path` (atomically), in `lang`'s words and names.
void write_timeline_svg(const Atlas& atlas, const Resolver& resolver, const Style& style, Day from, Day to,
                        const std::string& path, Report& report, const std::string& lang = "en");

// The chart's key: legend items of every state its rows show over the period.
std::vector<LegendItem> timeline_key(const Atlas& atlas, const Resolver& resolver, const Style& style, Day from, Day to,
                                     const std::string& lang = "en");

// Every change as CSV rows: date, region, pieces, before, after, because, locators.
std::string timeline_csv(const Atlas& atlas, const Resolver& resolver, Day from, Day to);

}  // namespace histmap
