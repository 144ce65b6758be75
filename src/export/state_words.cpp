#include "export/state_words.hpp"

#include "export/state_properties.hpp"

namespace histmap {

using json = nlohmann::ordered_json;

namespace {

std::string words_of(std::string id) {
  for (auto& c : id)
    if (c == '_') c = ' ';
  if (!id.empty()) id[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(id[0])));
  return id;
}

std::string joined_names(const Atlas& atlas, const std::vector<int>& parties) {
  std::string out;
  for (size_t i = 0; i < parties.size(); ++i) out += (i ? ", " : "") + name_of(atlas.polities[parties[i]]);
  return out;
}

json name_or_null(const Names& names, const std::string& lang) {
  auto it = names.find(lang);
  return it == names.end() || it->second.empty() ? json(nullptr) : json(it->second);
}

}  // namespace

std::string describe_state(const Atlas& atlas, const PieceState& s) {
  if (s.empty()) return "No loaded source speaks of this area on these days.";
  std::string out;
  if (s.controller >= 0)
    out += "Controlled by " + name_of(atlas.polities[s.controller]) +
           (s.control_presupposed() ? " (presupposed by the texts)" : " (stated)") +
           (s.control_uncertain() ? ", on an imprecise date" : "") + ". ";
  else out += "No controller asserted. ";
  std::vector<int> claimants;
  for (const auto& c : s.claimants) claimants.push_back(c.party);
  if (!claimants.empty()) out += "Claimed by " + joined_names(atlas, claimants) + ". ";
  for (const auto& d : s.designations) {
    out += words_of(d.type) + ": " + name_of(atlas.polities[d.by]);
    if (d.beneficiary >= 0) out += " for " + name_of(atlas.polities[d.beneficiary]);
    out += ". ";
  }
  for (const auto& c : s.conflicts) {
    std::vector<int> sides;
    for (const auto& side : c.sides) sides.push_back(side.party);
    out += "Sources disagree about " + c.about + " (" + joined_names(atlas, sides) + "). ";
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

json named_properties(const Atlas& atlas, int piece, const PieceState& s) {
  json j;
  const int uy = atlas.uyezd_of(piece);
  static const Names none;
  for (const char* lang : kNameLanguages)
    j[std::string("uyezd_name_") + lang] = name_or_null(uy >= 0 ? atlas.regions[uy].names : none, lang);
  const int g = uy >= 0 ? atlas.region_index(atlas.regions[uy].parent) : -1;
  const Region* gov = g >= 0 ? &atlas.regions[g] : nullptr;
  j["governorate_name_en"] = name_or_null(gov ? gov->names : none, "en");
  for (const char* lang : kNameLanguages) {
    if (std::string(lang) == "en") continue;  // controller_name, from the state JSON
    j[std::string("controller_name_") + lang] =
        s.controller < 0 ? json(nullptr) : name_or_null(atlas.polities[s.controller].names, lang);
  }
  std::vector<int> claimants;
  for (const auto& c : s.claimants) claimants.push_back(c.party);
  j["claimant_names"] = joined_names(atlas, claimants);
  j["state_text"] = describe_state(atlas, s);
  return j;
}

}  // namespace histmap
