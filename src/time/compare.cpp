#include "time/compare.hpp"

#include <algorithm>
#include <set>
#include <tuple>

#include "time/ends.hpp"

namespace histmap {

const char* to_string(Aspect a) {
  switch (a) {
    case Aspect::Controller: return "controller";
    case Aspect::Basis: return "basis";
    case Aspect::Conflict: return "conflict";
    case Aspect::Claims: return "claims";
    case Aspect::Statuses: return "statuses";
  }
  return "";
}

const char* to_string(Difference d) {
  switch (d) {
    case Difference::Differs: return "differs";
    case Difference::OnlyFirst: return "only_first";
    case Difference::OnlySecond: return "only_second";
  }
  return "";
}

namespace {

// A state as a reader sees it, with polities by id so two atlases compare.
struct Facts {
  std::string controller;  // the id; "?a,b" for candidates on imprecise dates only; "" for none
  int basis = 0;           // with a controller: presupposed 1 + imprecise date 2
  std::set<std::string> conflicts, claims, statuses;
};

Facts facts_of(const Atlas& atlas, const PieceState& s) {
  auto id = [&](int p) { return p >= 0 ? atlas.polities[p].id : std::string(); };
  Facts f;
  bool control_conflict =
      std::any_of(s.conflicts.begin(), s.conflicts.end(), [](const ConflictRef& c) { return c.about == "control"; });
  if (s.controller >= 0) {
    f.controller = id(s.controller);
    f.basis = (s.control_presupposed() ? 1 : 0) + (s.control_uncertain() ? 2 : 0);
  } else if (!control_conflict && !s.control.empty()) {
    std::set<std::string> candidates;
    for (const auto& c : s.control) candidates.insert(id(c.party));
    f.controller = "?";
    for (const auto& c : candidates) f.controller += c + ",";
  }
  for (const auto& c : s.conflicts) {
    std::set<std::string> sides;
    for (const auto& side : c.sides) sides.insert(id(side.party));
    std::string key = c.about + ":";
    for (const auto& side : sides) key += side + ",";
    f.conflicts.insert(key);
  }
  for (const auto& c : s.claimants) f.claims.insert(id(c.party));
  for (const auto& d : s.designations) f.statuses.insert(d.type + "|" + id(d.by) + "|" + id(d.beneficiary));
  return f;
}

// One atlas on two days: the assertions on `piece` with a change point in (from, to],
// split by the state they belong to.
void changed_between(const Atlas& atlas, int piece, const PieceState& x, const PieceState& y, Day from, Day to,
                     PieceComparison& out) {
  if (from > to) std::swap(from, to);
  const std::vector<int> touching = assertions_touching(atlas, piece);
  auto changes = [&](int a) {
    std::vector<Day> points;
    add_change_points(interval_on(atlas, a, touching), points);
    return std::any_of(points.begin(), points.end(), [&](Day d) { return d > from && d <= to; });
  };
  auto pick = [&](const PieceState& s, std::vector<int>& dest) {
    std::set<int> involved(s.assertions.begin(), s.assertions.end());
    involved.insert(s.set_aside.begin(), s.set_aside.end());
    for (int a : involved)
      if (changes(a)) dest.push_back(a);
  };
  pick(x, out.first_assertions);
  pick(y, out.second_assertions);
  if (out.first_assertions.empty() && out.second_assertions.empty()) {  // never expected: a change needs a change point
    out.first_assertions = x.assertions;
    out.second_assertions = y.assertions;
  }
}

}  // namespace

std::vector<Aspect> differing_aspects(const Atlas& a, const PieceState& x, const Atlas& b, const PieceState& y) {
  Facts fx = facts_of(a, x), fy = facts_of(b, y);
  std::vector<Aspect> out;
  if (fx.controller != fy.controller) out.push_back(Aspect::Controller);
  else if (fx.basis != fy.basis) out.push_back(Aspect::Basis);
  if (fx.conflicts != fy.conflicts) out.push_back(Aspect::Conflict);
  if (fx.claims != fy.claims) out.push_back(Aspect::Claims);
  if (fx.statuses != fy.statuses) out.push_back(Aspect::Statuses);
  return out;
}

std::vector<PieceComparison> compare_sides(const CompareSide& first, const CompareSide& second,
                                           const std::vector<int>& pieces) {
  const Atlas& a = first.atlas();
  const Atlas& b = second.atlas();
  const bool same_atlas = &a == &b;
  std::vector<int> which = pieces;
  if (which.empty())
    for (size_t p = 0; p < a.pieces.size(); ++p) which.push_back(static_cast<int>(p));
  std::vector<PieceComparison> out;
  for (int p : which) {
    int q = same_atlas ? p : b.piece_index(a.pieces[p].id);
    if (q < 0) continue;  // not on the second side's map at all: nothing to compare
    const PieceState& x = first.resolver->at(p, first.day);
    const PieceState& y = second.resolver->at(q, second.day);
    PieceComparison c;
    c.piece = p;
    c.uyezd = a.uyezd_of(p);
    c.first = &x;
    c.second = &y;
    c.aspects = differing_aspects(a, x, b, y);
    if (x.empty() != y.empty()) c.kind = x.empty() ? Difference::OnlySecond : Difference::OnlyFirst;
    else if (c.aspects.empty()) continue;
    if (same_atlas) {
      changed_between(a, p, x, y, first.day, second.day, c);
    } else {
      c.first_assertions = x.assertions;
      c.second_assertions = y.assertions;
    }
    out.push_back(std::move(c));
  }
  std::stable_sort(out.begin(), out.end(), [](const PieceComparison& l, const PieceComparison& r) {
    return std::tie(l.uyezd, l.piece) < std::tie(r.uyezd, r.piece);
  });
  return out;
}

}  // namespace histmap
