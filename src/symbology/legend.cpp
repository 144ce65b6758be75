#include "symbology/legend.hpp"

#include <algorithm>
#include <tuple>

namespace histmap {

std::string name_in(const Names& names, const std::string& lang, const std::string& fallback) {
  auto it = names.find(lang);
  if (it == names.end()) it = names.find("en");
  return it == names.end() ? fallback : it->second;
}

namespace {

std::string party_name(const Atlas& atlas, int p, const Words& w) {
  return name_in(atlas.polities[p].names, w.lang, atlas.polities[p].id);
}

std::string status_label(const Category& c, const Atlas& atlas, const Words& w) {
  std::string status = w.get("status." + c.type);
  if (status.empty()) status = c.type;
  if (c.party < 0) return status;
  if (c.beneficiary < 0 || c.beneficiary == c.party)
    return w.fill("status.by", {{"status", status}, {"by", party_name(atlas, c.party, w)}});
  return w.fill("status.by_for", {{"status", status},
                                  {"by", party_name(atlas, c.party, w)},
                                  {"beneficiary", party_name(atlas, c.beneficiary, w)}});
}

}  // namespace

std::string legend_label(const Category& c, const Atlas& atlas, const Words& w) {
  switch (c.kind) {
    case Kind::Control: {
      const char* id = c.basis == Basis::Stated          ? "control.stated"
                       : c.basis == Basis::Presupposed   ? "control.presupposed"
                       : c.basis == Basis::UncertainDate ? "control.uncertain_date"
                                                         : "control.presupposed_uncertain_date";
      return w.fill(id, {{"party", party_name(atlas, c.party, w)}});
    }
    case Kind::Conflict: {
      std::string sides;
      for (size_t i = 0; i < c.sides.size(); ++i)  // a party on both sides (two datings of its act) is named once
        if (std::find(c.sides.begin(), c.sides.begin() + i, c.sides[i]) == c.sides.begin() + i)
          sides += (sides.empty() ? "" : w.get("sides.separator")) + party_name(atlas, c.sides[i], w);
      if (c.type == "control") return w.fill("conflict.control", {{"sides", sides}});
      // Statements linked by `contradicts`, and two datings of one event.
      if (c.type == "statements" || c.type == "dating") return w.fill("conflict." + c.type, {{"sides", sides}});
      std::string status = w.get("status." + c.type);
      return w.fill("conflict.status", {{"status", status.empty() ? c.type : status}, {"sides", sides}});
    }
    case Kind::Claim: return w.fill("claim", {{"party", party_name(atlas, c.party, w)}});
    case Kind::Status: return status_label(c, atlas, w);
    case Kind::NoController:
      return w.get(c.basis == Basis::UncertainDate ? "no_controller.uncertain_date" : "no_controller");
    case Kind::NoSource: return w.get("no_source");
  }
  return "";
}

std::string category_key(const Category& c, const Atlas& atlas) {
  auto id = [&](int p) { return p >= 0 ? atlas.polities[p].id : std::string("-"); };
  std::string k = to_string(c.kind);
  switch (c.kind) {
    case Kind::Control: return k + ":" + id(c.party) + ":" + to_string(c.basis);
    case Kind::Conflict: {
      k += ":" + c.type + ":";
      for (size_t i = 0; i < c.sides.size(); ++i) k += (i ? "+" : "") + id(c.sides[i]);
      return k;
    }
    case Kind::Claim: return k + ":" + id(c.party);
    case Kind::Status: return k + ":" + c.type + ":" + id(c.party) + ":" + id(c.beneficiary);
    case Kind::NoController: return c.basis == Basis::Stated ? k : k + ":" + to_string(c.basis);
    case Kind::NoSource: return k;
  }
  return k;
}

std::vector<Category> legend_categories(const std::vector<const PieceState*>& states) {
  std::vector<Category> out;
  for (const PieceState* s : states)
    for (Category c : classify(*s)) {
      if (c.kind == Kind::Claim || c.kind == Kind::Status) c.basis = Basis::Stated;
      if (std::find(out.begin(), out.end(), c) == out.end()) out.push_back(std::move(c));
    }
  std::sort(out.begin(), out.end(), legend_order);
  return out;
}

std::vector<LegendItem> legend(const std::vector<const PieceState*>& states, const Atlas& atlas, const Style& style,
                               const Words& w) {
  std::vector<LegendItem> out;
  for (auto& c : legend_categories(states)) {
    Appearance a = appearance(c, atlas, style);
    if (a.marks.empty()) continue;  // a status the style does not draw (pattern none)
    out.push_back({c, std::move(a), legend_label(c, atlas, w)});
  }
  return out;
}

void group_by_kind(std::vector<LegendItem>& items) {
  std::stable_sort(items.begin(), items.end(), [](const LegendItem& a, const LegendItem& b) {
    return std::tie(a.category.kind, a.category.type) < std::tie(b.category.kind, b.category.type);
  });
}

}  // namespace histmap
