#include "symbology/classify.hpp"

#include <algorithm>
#include <tuple>

namespace histmap {

bool legend_order(const Category& a, const Category& b) {
  return std::tie(a.kind, a.type, a.party, a.beneficiary, a.basis, a.sides) <
         std::tie(b.kind, b.type, b.party, b.beneficiary, b.basis, b.sides);
}

namespace {

Category conflict_of(const ConflictRef& c) {
  Category k{Kind::Conflict};
  k.type = c.about;
  for (const auto& side : c.sides) k.sides.push_back(side.party);
  // One category per pair, whichever side a conflict names first (the legend listed
  // "A / B" and "B / A" apart); polity order (polities.yaml) decides.
  std::sort(k.sides.begin(), k.sides.end());
  return k;
}

// What fills the area: exactly one category per state.
Category filling(const PieceState& s) {
  if (s.empty()) return {Kind::NoSource};
  for (const auto& c : s.conflicts)
    if (c.about == "control") return conflict_of(c);
  if (s.controller >= 0) {
    Category k{Kind::Control};
    k.party = s.controller;
    bool uncertain = s.control_uncertain(), presupposed = s.control_presupposed();
    k.basis = uncertain && presupposed ? Basis::PresupposedUncertainDate
              : uncertain              ? Basis::UncertainDate
              : presupposed            ? Basis::Presupposed
                                       : Basis::Stated;
    return k;
  }
  Category k{Kind::NoController};
  if (s.control_uncertain()) k.basis = Basis::UncertainDate;  // candidates named only on imprecise dates
  return k;
}

}  // namespace

std::vector<Category> classify(const PieceState& s) {
  std::vector<Category> out = {filling(s)};
  for (const auto& c : s.conflicts)
    if (c.about != "control") out.push_back(conflict_of(c));
  for (const auto& c : s.claimants) {
    Category k{Kind::Claim};
    k.party = c.party;
    k.basis = c.certain ? Basis::Stated : Basis::UncertainDate;
    out.push_back(k);
  }
  for (const auto& d : s.designations) {
    Category k{Kind::Status};
    k.type = d.type;
    k.party = d.by;
    k.beneficiary = d.beneficiary;
    k.basis = d.certain ? Basis::Stated : Basis::UncertainDate;
    out.push_back(k);
  }
  return out;
}

const char* to_string(Kind k) {
  switch (k) {
    case Kind::Control: return "control";
    case Kind::Conflict: return "conflict";
    case Kind::Claim: return "claim";
    case Kind::Status: return "status";
    case Kind::NoController: return "no_controller";
    case Kind::NoSource: return "no_source";
  }
  return "?";
}

const char* to_string(Basis b) {
  switch (b) {
    case Basis::Stated: return "stated";
    case Basis::Presupposed: return "presupposed";
    case Basis::UncertainDate: return "uncertain_date";
    case Basis::PresupposedUncertainDate: return "presupposed_uncertain_date";
  }
  return "?";
}

const std::vector<std::string>& status_types() {
  static const std::vector<std::string> types = {
      "disputed", "neutral_zone", "protectorate",   "autonomy",           "troops_present",
      "assigned", "proposal",     "administration", "self_determination", "partial_transfer"};
  return types;
}

}  // namespace histmap
