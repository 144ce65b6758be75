#include "time/conflicts.hpp"

#include <algorithm>
#include <set>

namespace histmap {

std::vector<ConflictSpan> all_conflicts(const Resolver& r) {
  const auto& points = r.change_points();
  std::vector<ConflictSpan> spans;
  for (size_t s = 0; s < points.size(); ++s) {
    Day start = points[s];
    Day end = s + 1 < points.size() ? points[s + 1] - 1 : kOpenFuture;
    auto states = r.at(start);
    for (size_t p = 0; p < states.size(); ++p)
      for (const auto& c : states[p]->conflicts) {
        auto it = std::find_if(spans.begin(), spans.end(), [&](const ConflictSpan& x) { return x.conflict == c; });
        if (it == spans.end()) {
          spans.push_back({c, start, end, {static_cast<int>(p)}});
          continue;
        }
        it->first = std::min(it->first, start);
        it->last = std::max(it->last, end);
        if (!std::binary_search(it->pieces.begin(), it->pieces.end(), static_cast<int>(p))) {
          it->pieces.push_back(static_cast<int>(p));
          std::sort(it->pieces.begin(), it->pieces.end());
        }
      }
  }
  return spans;
}

}  // namespace histmap
