#include "time/coverage.hpp"

#include <algorithm>

#include "time/ends.hpp"
#include "time/resolve.hpp"

namespace histmap {
namespace {

Day month_start(int y, int m) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-01", y, m);
  return parse_day(buf);
}

}  // namespace

std::vector<CoverageCell> coverage(const Atlas& atlas, int y0, int m0, int y1, int m1) {
  std::vector<CoverageCell> out;
  for (size_t r = 0; r < atlas.regions.size(); ++r) {
    const Region& reg = atlas.regions[r];
    if (reg.kind != RegionKind::Uyezd || reg.pieces.empty()) continue;
    // Each assertion touching any piece of the uyezd, with its widest interval there.
    std::map<int, std::pair<Day, Day>> span;
    for (int p : reg.pieces) {
      const std::vector<int> touching = assertions_touching(atlas, p);
      for (int a : touching) {
        Interval iv = interval_on(atlas, a, touching);
        auto [it, fresh] = span.emplace(a, std::make_pair(iv.possible_first(), iv.possible_last()));
        if (!fresh) {
          it->second.first = std::min(it->second.first, iv.possible_first());
          it->second.second = std::max(it->second.second, iv.possible_last());
        }
      }
    }
    for (int y = y0, m = m0; y < y1 || (y == y1 && m <= m1);) {
      CoverageCell cell{static_cast<int>(r), y, m, {}};
      Day first = month_start(y, m);
      int ny = m == 12 ? y + 1 : y, nm = m == 12 ? 1 : m + 1;
      Day last = month_start(ny, nm) - 1;
      for (const auto& [a, s] : span)
        if (s.first <= last && s.second >= first) ++cell.by_source[atlas.assertions[a].source];
      out.push_back(std::move(cell));
      y = ny;
      m = nm;
    }
  }
  return out;
}

}  // namespace histmap
