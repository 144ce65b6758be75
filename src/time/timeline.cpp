#include "time/timeline.hpp"

#include "time/ends.hpp"

#include <algorithm>
#include <set>

namespace histmap {

std::vector<StateGroup> group_by_state(const Resolver& r, const std::vector<int>& pieces, Day day) {
  std::vector<StateGroup> groups;
  for (int p : pieces) {
    const PieceState& s = r.at(p, day);
    auto it = std::find_if(groups.begin(), groups.end(), [&](const StateGroup& g) { return *g.state == s; });
    if (it == groups.end()) groups.push_back({{p}, &s});
    else it->pieces.push_back(p);
  }
  return groups;
}

std::vector<Change> timeline(const Resolver& r, Day from, Day to) {
  const Atlas& atlas = r.atlas();
  std::vector<Change> out;
  const auto& points = r.change_points();
  for (auto it = std::lower_bound(points.begin(), points.end(), from); it != points.end() && *it <= to; ++it) {
    Day d = *it;
    std::vector<Change> today;
    for (size_t p = 0; p < atlas.pieces.size(); ++p) {
      const PieceState& before = r.at(static_cast<int>(p), d - 1);
      const PieceState& after = r.at(static_cast<int>(p), d);
      if (before == after) continue;
      int uy = atlas.uyezd_of(static_cast<int>(p));
      auto g = std::find_if(today.begin(), today.end(),
                            [&](const Change& c) { return c.uyezd == uy && *c.before == before && *c.after == after; });
      if (g == today.end()) today.push_back({d, uy, {static_cast<int>(p)}, &before, &after, {}});
      else g->pieces.push_back(static_cast<int>(p));
    }
    for (auto& c : today) {
      std::set<int> involved(c.before->assertions.begin(), c.before->assertions.end());
      involved.insert(c.after->assertions.begin(), c.after->assertions.end());
      involved.insert(c.before->set_aside.begin(), c.before->set_aside.end());
      involved.insert(c.after->set_aside.begin(), c.after->set_aside.end());
      const std::vector<int> touching = assertions_touching(atlas, c.pieces.front());
      for (int i : involved) {
        std::vector<Day> pts;
        add_change_points(interval_on(atlas, i, touching), pts);
        if (std::find(pts.begin(), pts.end(), d) != pts.end()) c.because.push_back(i);
      }
    }
    std::sort(today.begin(), today.end(), [](const Change& a, const Change& b) {
      return std::tie(a.uyezd, a.pieces.front()) < std::tie(b.uyezd, b.pieces.front());
    });
    out.insert(out.end(), today.begin(), today.end());
  }
  return out;
}

}  // namespace histmap
