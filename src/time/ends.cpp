#include "time/ends.hpp"

#include <algorithm>

namespace histmap {
namespace {

// A date a text gives to the day, month or season (not a year, a range or "about").
bool firm(const FuzzyDate& d) {
  return !d.approximate &&
         (d.precision == Precision::Day || d.precision == Precision::Month || d.precision == Precision::Season);
}

// Whom a statement has holding or being owed the land: the beneficiary of an
// assignment or recognition, otherwise the party.
int holder(const Assertion& a) {
  bool for_beneficiary = a.kind == AssertionKind::Designation && (a.type == "assigned" || a.type == "recognised");
  return for_beneficiary && a.beneficiary >= 0 ? a.beneficiary : a.party;
}

// Whether `e` starting later ends open-ended `x` on a piece they share.
bool ends(const Assertion& x, const Assertion& e) {
  switch (e.kind) {
    case AssertionKind::Control: return e.party != holder(x);
    case AssertionKind::Claim: return false;
    case AssertionKind::Designation:
      // An assignment not reported carried out still supersedes earlier
      // assignments, but leaves whoever held the land holding it.
      if (e.type == "assigned")
        return e.beneficiary != holder(x) && !(e.carried_out_not_reported && x.kind == AssertionKind::Control);
      if (e.type == "administration") return e.party != holder(x);
      if (e.type == "renounced") return x.kind == AssertionKind::Claim && e.party == x.party;
      return false;
  }
  return false;
}

}  // namespace

Interval interval_on(const Atlas& atlas, int ai, const std::vector<int>& touching) {
  const Assertion& x = atlas.assertions[static_cast<size_t>(ai)];
  if (!x.ends_at_next) return x.interval;
  const Day start = x.interval.certain_first() > kOpenPast ? x.interval.certain_first() : x.interval.possible_first();
  Day end = kOpenFuture;
  Day last_spoken = start;
  for (int ei : touching) {
    if (ei == ai) continue;
    const Assertion& e = atlas.assertions[static_cast<size_t>(ei)];
    if (firm(e.interval.from)) last_spoken = std::max(last_spoken, e.interval.from.latest);
    if (firm(e.interval.to) && e.interval.to.earliest < kOpenFuture)
      last_spoken = std::max(last_spoken, e.interval.to.earliest);
    if (firm(e.interval.from) && e.interval.from.earliest > start && ends(x, e))
      end = std::min(end, e.interval.from.latest);
  }
  if (end == kOpenFuture) end = last_spoken;  // no later event: no further than any source speaks
  if (x.party >= 0) {
    const auto& life = atlas.polities[static_cast<size_t>(x.party)].lifespan;
    if (life && life->to.latest < kOpenFuture) end = std::min(end, std::max(start, life->to.latest));
  }
  Interval iv = x.interval;
  iv.to.original = "next";
  iv.to.precision = Precision::Range;
  iv.to.approximate = false;
  iv.to.earliest = std::max(x.interval.from.latest, x.interval.from.earliest);
  if (iv.to.earliest >= kOpenFuture) iv.to.earliest = start;
  iv.to.latest = std::max(end, iv.to.earliest);
  return iv;
}

std::vector<Interval> intervals_on(const Atlas& atlas, const std::vector<int>& touching) {
  std::vector<Interval> out;
  out.reserve(touching.size());
  for (int a : touching) out.push_back(interval_on(atlas, a, touching));
  return out;
}

}  // namespace histmap
