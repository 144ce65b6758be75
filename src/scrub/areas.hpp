// Area per controller and per claimant over time, on the dataset's equal-area
// projection: each piece's area (data/area, filled at load) counted under the
// state the resolver gives it on each sampled day. Control rows partition the
// pieces (a controller, "contested between sources", "sources name no
// controller", "no source speaks"); claim rows overlap (one piece, several claimants).
#pragma once

#include <string>
#include <vector>

#include "symbology/classify.hpp"
#include "symbology/words.hpp"
#include "time/resolve.hpp"

namespace histmap {

enum class AreaStep { Day, Week, Month };

// The sampled days: every day, every 7th day from `from`, or the first of each
// month within [from, to] (empty when the period holds none).
std::vector<Day> area_days(Day from, Day to, AreaStep step);

// One series: control or claim, and the category that names it (a polity with
// its basis, a conflict over control with its sides, no controller, no source).
struct AreaSeries {
  bool claim = false;
  Category category;
  bool operator==(const AreaSeries&) const = default;
};
// Control before claims, then the legend's order of categories.
bool series_order(const AreaSeries& a, const AreaSeries& b);

struct AreaValue {
  double km2 = 0;
  int pieces = 0;
};

struct AreaTable {
  std::vector<Day> days;
  std::vector<AreaSeries> series;              // in series_order; every series met on some day
  std::vector<std::vector<AreaValue>> values;  // [day][series]
  double total_km2 = 0;                        // of the pieces counted
};

struct AreaOptions {
  bool control = true, claims = true;
  std::vector<int> pieces;  // the pieces to count; empty: every piece
};

// The series of one piece's state: its control row (exactly one) and one per claimant.
std::vector<AreaSeries> piece_series(const PieceState& s, bool control, bool claims);

AreaTable area_table(const Atlas& atlas, const Resolver& resolver, const std::vector<Day>& days,
                     const AreaOptions& options);

// "control" or "claim"; the id of a series ("am_ssr", "contested:az+am", "no_controller", "no_source").
const char* series_kind(const AreaSeries& s);
std::string series_id(const AreaSeries& s, const Atlas& atlas);
// The basis column: stated / presupposed / uncertain_date / presupposed_uncertain_date; "" where none applies.
std::string series_basis(const AreaSeries& s);
// The series' name in the words' language (a polity's name from the data; a category's from the words).
std::string series_name(const AreaSeries& s, const Atlas& atlas, const Words& w);

// Long-format CSV (RFC 4180): date,kind,id,name,basis,area_km2,pieces; one row per
// day and series, area rounded to 0.1 km² with a '.' whatever the locale.
std::string area_csv(const AreaTable& t, const Atlas& atlas, const Words& w);

}  // namespace histmap
