// The offline time-slider page: index.html, app.js, style.css and data.js (a
// compact dataset: projected outlines, per-piece state spans, assertions).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "data/report.hpp"
#include "render/map.hpp"

namespace histmap {

// One source set resolved on its own, for the page's compare mode (set X beside set Y).
struct SiteSet {
  std::string id;
  std::map<std::string, std::string> name;  // language code -> short name
  const Atlas* atlas = nullptr;             // loaded with only this set
  const Resolver* resolver = nullptr;
};

struct SiteOptions {
  std::string dir;
  Day first = 0, last = 0;    // the slider's period
  Day start = 0;              // the day shown when no date is in the URL
  std::vector<SiteSet> sets;  // two or more: the page can compare them; else none
};

// The dataset the page draws from, as the JavaScript it loads.
std::string site_data_js(const Atlas& atlas, const Resolver& resolver, const MapCanvas& canvas, const Style& style,
                         const SiteOptions& options);

// Writes the page into options.dir (through a temporary folder, renamed at the end).
void write_site(const Atlas& atlas, const Resolver& resolver, const MapCanvas& canvas, const Style& style,
                const SiteOptions& options, Report& report);

}  // namespace histmap
