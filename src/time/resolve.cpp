#include "time/resolve.hpp"

#include "time/ends.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace histmap {
namespace {

// The party an exclusive statement is exclusive in.
int exclusive_party(const Assertion& a) { return a.kind == AssertionKind::Control ? a.party : a.beneficiary; }

void add_ref(std::vector<PartyRef>& refs, int party, int assertion, bool certain, bool presupposed) {
  auto it = std::find_if(refs.begin(), refs.end(), [&](const PartyRef& r) { return r.party == party; });
  if (it == refs.end()) {
    refs.push_back({party, {}, false, true});
    it = refs.end() - 1;
  }
  it->assertions.push_back(assertion);
  it->certain = it->certain || certain;
  it->presupposed = it->presupposed && presupposed;
}

void sort_refs(std::vector<PartyRef>& refs) {
  for (auto& r : refs) std::sort(r.assertions.begin(), r.assertions.end());
  std::sort(refs.begin(), refs.end(), [](const PartyRef& a, const PartyRef& b) { return a.party < b.party; });
}

// Applies rule 3 to one exclusive question; returns the winner or -1.
int decide(const std::vector<PartyRef>& sides, const std::string& about, PieceState& st) {
  std::vector<const PartyRef*> certain;
  for (const auto& s : sides)
    if (s.certain) certain.push_back(&s);
  if (certain.size() >= 2) {
    st.conflicts.push_back({about, sides});
    return -1;
  }
  if (certain.size() == 1) return certain.front()->party;
  if (sides.size() == 1) return sides.front().party;
  return -1;  // only uncertain candidates: a transition of unknown date
}

}  // namespace

std::vector<int> assertions_touching(const Atlas& atlas, int piece) {
  std::vector<int> out;
  for (size_t i = 0; i < atlas.assertions.size(); ++i) {
    const auto& pieces = atlas.regions[atlas.assertions[i].region].pieces;
    if (std::binary_search(pieces.begin(), pieces.end(), piece)) out.push_back(static_cast<int>(i));
  }
  return out;
}

void add_change_points(const Interval& iv, std::vector<Day>& out) {
  auto add = [&out](Day d) {
    if (d > kOpenPast && d < kOpenFuture) out.push_back(d);
  };
  add(iv.possible_first());
  add(iv.certain_first());
  if (iv.certain_last() < kOpenFuture) add(iv.certain_last() + 1);
  if (iv.possible_last() < kOpenFuture) add(iv.possible_last() + 1);
}

namespace {

bool is_dating(const Atlas& atlas, int i, int j) {
  const auto& d = atlas.assertions[i].dates_differently;
  return std::binary_search(d.begin(), d.end(), j);
}

// The days two datings of one event disagree over. Where the starts differ:
// from the earlier dating's first possible day to the later one's (before it,
// neither says it happened; after it, both do). Where they start alike but end
// differently (who ended something, and when): from the earlier end to the later.
std::pair<Day, Day> dating_window(const Atlas& atlas, int i, int j) {
  const Interval& x = atlas.assertions[i].interval;
  const Interval& y = atlas.assertions[j].interval;
  Day a = x.possible_first(), b = y.possible_first();
  bool ends_given = x.possible_last() < kOpenFuture && y.possible_last() < kOpenFuture;
  if (a != b || !ends_given || x.to.earliest == y.to.earliest) return {std::min(a, b), std::max(a, b)};
  return {std::min(x.certain_last(), y.certain_last()), std::max(x.possible_last(), y.possible_last())};
}

// Rule 6: a statement that contradicts another shows the disagreement on every
// day it applies, whether or not the other side applies that day; two datings
// of one event show it over the days between them. One conflict per pair.
void add_contradictions(const Atlas& atlas, const std::vector<int>& applied, const std::vector<int>& touching,
                        const std::vector<Interval>& ivs, Day day, PieceState& st) {
  std::set<std::pair<int, int>> pairs;
  for (int i : applied)
    for (int j : atlas.assertions[i].contradicts)
      if (!is_dating(atlas, i, j)) pairs.insert({std::min(i, j), std::max(i, j)});
  for (int i : touching)
    for (int j : atlas.assertions[i].contradicts)
      if (is_dating(atlas, i, j)) {
        auto [first, last] = dating_window(atlas, i, j);
        if (day >= first && day <= last) pairs.insert({std::min(i, j), std::max(i, j)});
      }
  auto side = [&](int k) {
    const Assertion& a = atlas.assertions[k];
    auto at = std::find(touching.begin(), touching.end(), k);
    bool certain = at != touching.end() && ivs[static_cast<size_t>(at - touching.begin())].certainly_holds(day);
    return PartyRef{exclusive_party(a) >= 0 ? exclusive_party(a) : a.party, {k}, certain, a.presupposed};
  };
  for (auto [i, j] : pairs)
    st.conflicts.push_back({is_dating(atlas, i, j) ? "dating" : "statements", {side(i), side(j)}});
}

// Days on which a dating disagreement on this piece begins or ends.
void add_dating_points(const Atlas& atlas, const std::vector<int>& touching, std::vector<Day>& out) {
  for (int i : touching)
    for (int j : atlas.assertions[i].contradicts)
      if (is_dating(atlas, i, j)) {
        auto [first, last] = dating_window(atlas, i, j);
        if (first > kOpenPast) out.push_back(first);
        if (last < kOpenFuture) out.push_back(last + 1);
      }
}

}  // namespace

static PieceState resolve_from(const Atlas& atlas, const std::vector<int>& touching, const std::vector<Interval>& ivs,
                               Day day) {
  PieceState st;
  std::vector<int> active;
  std::map<int, bool> certain_on_day;
  for (size_t k = 0; k < touching.size(); ++k)
    if (ivs[k].possibly_holds(day)) {
      active.push_back(touching[k]);
      certain_on_day[touching[k]] = ivs[k].certainly_holds(day);
    }

  // Rule 2: set aside what an applying assertion explicitly overrides; nothing else.
  std::set<int> aside;
  for (int i : active)
    for (int o : atlas.assertions[i].overrides)
      if (std::find(active.begin(), active.end(), o) != active.end()) aside.insert(o);

  std::map<std::string, std::vector<PartyRef>> exclusive_sides;  // "assigned" etc. by type
  for (int i : active) {
    if (aside.count(i)) {
      st.set_aside.push_back(i);
      continue;
    }
    const Assertion& a = atlas.assertions[i];
    bool certain = certain_on_day[i];
    st.assertions.push_back(i);
    if (!certain) {
      st.uncertain.push_back(i);
      st.certain = false;
    }
    switch (a.kind) {
      case AssertionKind::Control: add_ref(st.control, a.party, i, certain, a.presupposed); break;
      case AssertionKind::Claim: add_ref(st.claimants, a.party, i, certain, a.presupposed); break;
      case AssertionKind::Designation: {
        auto it = std::find_if(st.designations.begin(), st.designations.end(), [&](const DesignationRef& d) {
          return d.type == a.type && d.by == a.party && d.beneficiary == a.beneficiary;
        });
        if (it == st.designations.end()) {
          st.designations.push_back({a.type, a.party, a.beneficiary, {}, false, true});
          it = st.designations.end() - 1;
        }
        it->assertions.push_back(i);
        it->certain = it->certain || certain;
        it->presupposed = it->presupposed && a.presupposed;
        if (is_exclusive_designation(a.type))
          add_ref(exclusive_sides[a.type], a.beneficiary, i, certain, a.presupposed);
        break;
      }
    }
  }
  sort_refs(st.control);
  sort_refs(st.claimants);
  for (auto& d : st.designations) std::sort(d.assertions.begin(), d.assertions.end());
  std::sort(st.designations.begin(), st.designations.end(), [](const DesignationRef& a, const DesignationRef& b) {
    return std::tie(a.type, a.by, a.beneficiary) < std::tie(b.type, b.by, b.beneficiary);
  });
  st.controller = decide(st.control, "control", st);
  for (auto& [type, sides] : exclusive_sides) {
    sort_refs(sides);
    decide(sides, type, st);
  }
  std::sort(st.assertions.begin(), st.assertions.end());
  add_contradictions(atlas, st.assertions, touching, ivs, day, st);
  std::sort(st.uncertain.begin(), st.uncertain.end());
  std::sort(st.set_aside.begin(), st.set_aside.end());
  return st;
}

PieceState resolve_piece(const Atlas& atlas, int piece, Day day) {
  std::vector<int> touching = assertions_touching(atlas, piece);
  return resolve_from(atlas, touching, intervals_on(atlas, touching), day);
}

Resolver::Resolver(const Atlas& atlas) : atlas_(atlas) {
  // Which assertions touch which piece, in one pass over the regions.
  std::vector<std::vector<int>> touching(atlas.pieces.size());
  for (size_t i = 0; i < atlas.assertions.size(); ++i)
    for (int p : atlas.regions[atlas.assertions[i].region].pieces) touching[p].push_back(static_cast<int>(i));

  timelines_.resize(atlas.pieces.size());
  std::set<Day> global;
  for (size_t p = 0; p < atlas.pieces.size(); ++p) {
    const std::vector<Interval> ivs = intervals_on(atlas, touching[p]);
    std::vector<Day> points;
    for (const auto& iv : ivs) add_change_points(iv, points);
    add_dating_points(atlas, touching[p], points);
    std::sort(points.begin(), points.end());
    points.erase(std::unique(points.begin(), points.end()), points.end());
    PieceTimeline& tl = timelines_[p];
    tl.starts.push_back(kOpenPast);
    tl.states.push_back(resolve_from(atlas, touching[p], ivs, kOpenPast));
    for (Day d : points) {
      PieceState s = resolve_from(atlas, touching[p], ivs, d);
      if (s == tl.states.back()) continue;  // a bound that changed nothing here
      tl.starts.push_back(d);
      tl.states.push_back(std::move(s));
      global.insert(d);
    }
  }
  starts_.assign(global.begin(), global.end());

  // For each global segment (before the first point, then one per point),
  // the index of each piece's state: a sweep, since both are ascending.
  segment_state_.assign(starts_.size() + 1, std::vector<unsigned>(atlas.pieces.size(), 0));
  for (size_t p = 0; p < atlas.pieces.size(); ++p) {
    const auto& tl = timelines_[p];
    unsigned k = 0;
    for (size_t s = 0; s < starts_.size(); ++s) {
      while (k + 1 < tl.starts.size() && tl.starts[k + 1] <= starts_[s]) ++k;
      segment_state_[s + 1][p] = k;
    }
  }
}

size_t Resolver::segment(Day day) const {
  // Number of change points at or before `day` = the segment index.
  return static_cast<size_t>(std::upper_bound(starts_.begin(), starts_.end(), day) - starts_.begin());
}

std::vector<const PieceState*> Resolver::at(Day day) const {
  const auto& idx = segment_state_[segment(day)];
  std::vector<const PieceState*> out(idx.size());
  for (size_t p = 0; p < idx.size(); ++p) out[p] = &timelines_[p].states[idx[p]];
  return out;
}

std::vector<Resolver::Span> Resolver::spans(int piece) const {
  const PieceTimeline& tl = timelines_.at(static_cast<size_t>(piece));
  std::vector<Span> out;
  for (size_t i = 0; i < tl.states.size(); ++i)
    out.push_back({tl.starts[i], i + 1 < tl.starts.size() ? tl.starts[i + 1] - 1 : kOpenFuture, &tl.states[i]});
  return out;
}

const PieceState& Resolver::at(int piece, Day day) const {
  return timelines_.at(static_cast<size_t>(piece)).states[segment_state_[segment(day)][static_cast<size_t>(piece)]];
}

}  // namespace histmap
