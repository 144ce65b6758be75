// The offline time-slider page: index.html, app.js, style.css and data.js (a
// compact dataset: projected outlines, per-piece state spans, assertions).
#pragma once

#include <string>

#include "data/report.hpp"
#include "render/map.hpp"

namespace histmap {

struct SiteOptions {
  std::string dir;
  Day first = 0, last = 0;  // the slider's period
  Day start = 0;            // the day shown when no date is in the URL
};

// The dataset the page draws from, as the JavaScript it loads.
std::string site_data_js(const Atlas& atlas, const Resolver& resolver, const MapCanvas& canvas, const Style& style,
                         const SiteOptions& options);

// Writes the page into options.dir (through a temporary folder, renamed at the end).
void write_site(const Atlas& atlas, const Resolver& resolver, const MapCanvas& canvas, const Style& style,
                const SiteOptions& options, Report& report);

}  // namespace histmap
