#include "cli/format.hpp"

#include <set>

namespace histmap {

using json = nlohmann::ordered_json;

std::string state_summary(const Atlas& atlas, const PieceState& s) {
  if (s.empty()) return "no loaded source speaks of this area on this day";
  std::string out;
  auto add = [&out](const std::string& part) { out += (out.empty() ? "" : "; ") + part; };
  auto pid = [&](int p) { return atlas.polities[p].id; };
  bool control_conflict = false;
  for (const auto& c : s.conflicts) {
    std::string sides;
    for (const auto& side : c.sides) sides += (sides.empty() ? "" : " vs ") + pid(side.party);
    add("CONFLICT over " + c.about + ": " + sides);
    control_conflict = control_conflict || c.about == "control";
  }
  if (s.controller >= 0)
    add("controlled by " + pid(s.controller) +
        (s.control_presupposed() ? " (presupposed by the text, not stated)" : ""));
  else if (!control_conflict && !s.control.empty()) {
    std::string cands;
    for (const auto& c : s.control) cands += (cands.empty() ? "" : " or ") + pid(c.party);
    add("controller uncertain: " + cands);
  } else if (!control_conflict) add("sources speak of it but name no controller");
  for (const auto& c : s.claimants) add("claimed by " + pid(c.party));
  for (const auto& d : s.designations)
    add(d.type + " (by " + pid(d.by) + (d.beneficiary >= 0 ? ", for " + pid(d.beneficiary) : "") + ")");
  if (!s.certain) add("uncertain date");
  return out;
}

json change_json(const Atlas& atlas, const Change& c) {
  json j;
  j["date"] = format_day(c.day);
  j["region"] = c.uyezd >= 0 ? json(atlas.regions[c.uyezd].id) : json(nullptr);
  json pieces = json::array();
  for (int p : c.pieces) pieces.push_back(atlas.pieces[p].id);
  j["pieces"] = pieces;
  j["before"] = state_json(atlas, *c.before);
  j["after"] = state_json(atlas, *c.after);
  j["because"] = assertion_ids(atlas, c.because);
  return j;
}

std::string dump(const json& j) { return j.dump(2, ' ', false, nlohmann::detail::error_handler_t::strict) + "\n"; }

}  // namespace histmap
