#include "export/state_properties.hpp"

#include <set>

#include "symbology/legend.hpp"

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

json assertion_ids(const Atlas& atlas, const std::vector<int>& assertions) {
  json a = json::array();
  for (int i : assertions) a.push_back(atlas.assertions[i].id);
  return a;
}

namespace {
json party_or_null(const Atlas& atlas, int p) { return p < 0 ? json(nullptr) : json(atlas.polities[p].id); }
}  // namespace

json state_json(const Atlas& atlas, const PieceState& s) {
  json j;
  j["controller"] = party_or_null(atlas, s.controller);
  j["controller_name"] = s.controller < 0 ? json(nullptr) : json(name_of(atlas.polities[s.controller]));
  // "stated" when some assertion says so, "presupposed" when the texts only take it as given.
  j["control_asserted_as"] =
      s.controller < 0 ? json(nullptr) : json(s.control_presupposed() ? "presupposed" : "stated");
  json claimants = json::array();
  for (const auto& c : s.claimants) claimants.push_back(atlas.polities[c.party].id);
  j["claimants"] = claimants;
  json des = json::array();
  for (const auto& d : s.designations) {
    json e;
    e["type"] = d.type;
    e["by"] = atlas.polities[d.by].id;
    e["beneficiary"] = party_or_null(atlas, d.beneficiary);
    e["assertions"] = assertion_ids(atlas, d.assertions);
    des.push_back(e);
  }
  j["designations"] = des;
  j["conflict"] = s.conflict();
  json conflicts = json::array();
  for (const auto& c : s.conflicts) {
    json e;
    e["about"] = c.about;
    json sides = json::array();
    for (const auto& side : c.sides)
      sides.push_back(
          {{"party", atlas.polities[side.party].id}, {"assertions", assertion_ids(atlas, side.assertions)}});
    e["sides"] = sides;
    conflicts.push_back(e);
  }
  j["conflicts"] = conflicts;
  // Parties named as controller by assertions that only may hold on the day.
  json possible = json::array();
  for (const auto& c : s.control)
    if (c.party != s.controller) possible.push_back(atlas.polities[c.party].id);
  j["other_controllers"] = possible;
  // Legend categories as plain fields, for styles that test equality (QGIS rules).
  Category fill = classify(s).front();
  j["category"] = to_string(fill.kind);
  j["control_basis"] =
      fill.kind == Kind::Control || fill.basis != Basis::Stated ? json(to_string(fill.basis)) : json(nullptr);
  std::string keys;
  for (const auto& c : legend_categories({&s})) keys += (keys.empty() ? "" : ";") + category_key(c, atlas);
  j["legend_keys"] = keys;
  j["precision"] = s.assertions.empty() ? "none" : (s.certain ? "certain" : "uncertain");
  j["control_precision"] = s.control.empty() ? "none" : (s.control_uncertain() ? "uncertain" : "certain");
  j["uncertain_assertions"] = assertion_ids(atlas, s.uncertain);
  j["assertions"] = assertion_ids(atlas, s.assertions);
  j["set_aside"] = assertion_ids(atlas, s.set_aside);
  std::set<std::string> sources;
  for (int i : s.assertions) sources.insert(atlas.sources[atlas.assertions[i].source].id);
  j["sources"] = json(std::vector<std::string>(sources.begin(), sources.end()));
  return j;
}

}  // namespace histmap
