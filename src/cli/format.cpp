#include "cli/format.hpp"

#include <set>

namespace histmap {

using json = nlohmann::ordered_json;

std::string name_of(const Polity& p, const std::string& lang) {
  auto it = p.names.find(lang);
  if (it == p.names.end()) it = p.names.find("en");
  return it == p.names.end() ? p.id : it->second;
}

std::string name_of(const Region& r, const std::string& lang) {
  auto it = r.names.find(lang);
  if (it == r.names.end()) it = r.names.find("en");
  return it == r.names.end() ? r.id : it->second;
}

namespace {

json ids(const Atlas& atlas, const std::vector<int>& assertions) {
  json a = json::array();
  for (int i : assertions) a.push_back(atlas.assertions[i].id);
  return a;
}

json party_or_null(const Atlas& atlas, int p) { return p < 0 ? json(nullptr) : json(atlas.polities[p].id); }

}  // namespace

json state_json(const Atlas& atlas, const PieceState& s) {
  json j;
  j["controller"] = party_or_null(atlas, s.controller);
  j["controller_name"] = s.controller < 0 ? json(nullptr) : json(name_of(atlas.polities[s.controller]));
  json claimants = json::array();
  for (const auto& c : s.claimants) claimants.push_back(atlas.polities[c.party].id);
  j["claimants"] = claimants;
  json des = json::array();
  for (const auto& d : s.designations) {
    json e;
    e["type"] = d.type;
    e["by"] = atlas.polities[d.by].id;
    e["beneficiary"] = party_or_null(atlas, d.beneficiary);
    e["assertions"] = ids(atlas, d.assertions);
    des.push_back(e);
  }
  j["designations"] = des;
  j["conflict"] = s.conflict();
  json conflicts = json::array();
  for (const auto& c : s.conflicts) {
    json e;
    e["about"] = c.about;
    json sides = json::array();
    for (const auto& side : c.sides) sides.push_back({{"party", atlas.polities[side.party].id}, {"assertions", ids(atlas, side.assertions)}});
    e["sides"] = sides;
    conflicts.push_back(e);
  }
  j["conflicts"] = conflicts;
  // Parties named as controller by assertions that only may hold on the day.
  json possible = json::array();
  for (const auto& c : s.control)
    if (c.party != s.controller) possible.push_back(atlas.polities[c.party].id);
  j["other_controllers"] = possible;
  j["precision"] = s.assertions.empty() ? "none" : (s.certain ? "certain" : "uncertain");
  j["uncertain_assertions"] = ids(atlas, s.uncertain);
  j["assertions"] = ids(atlas, s.assertions);
  j["set_aside"] = ids(atlas, s.set_aside);
  std::set<std::string> sources;
  for (int i : s.assertions) sources.insert(atlas.sources[atlas.assertions[i].source].id);
  j["sources"] = json(std::vector<std::string>(sources.begin(), sources.end()));
  return j;
}

std::string state_summary(const Atlas& atlas, const PieceState& s) {
  if (s.assertions.empty()) return "no assertion in the loaded sources";
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
  if (s.controller >= 0) add("controlled by " + pid(s.controller));
  else if (!control_conflict && !s.control.empty()) {
    std::string cands;
    for (const auto& c : s.control) cands += (cands.empty() ? "" : " or ") + pid(c.party);
    add("controller uncertain: " + cands);
  } else if (!control_conflict) add("no controller asserted");
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
  j["because"] = ids(atlas, c.because);
  return j;
}

std::string dump(const json& j) { return j.dump(2, ' ', false, nlohmann::detail::error_handler_t::strict) + "\n"; }

}  // namespace histmap
