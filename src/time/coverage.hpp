// Coverage: how many assertions, from which sources, speak of each uyezd in
// each month. It tells a reader where the map rests on statements and where
// no loaded source says anything at all.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "model/atlas.hpp"

namespace histmap {

struct CoverageCell {
  int uyezd = -1;                // region index (kind Uyezd)
  int year = 0, month = 0;       // calendar month
  std::map<int, int> by_source;  // source index -> assertions that may hold in the month
  int total() const {
    int n = 0;
    for (const auto& [s, k] : by_source) n += k;
    return n;
  }
};

// One cell per uyezd and month from `first` to `last` (inclusive months),
// uyezds in dataset order. An assertion speaks of an uyezd in a month when
// its region shares a piece with the uyezd and its interval on that piece
// (with `to: next` ends) may hold on some day of the month.
std::vector<CoverageCell> coverage(const Atlas& atlas, int first_year, int first_month, int last_year, int last_month);

}  // namespace histmap
