#include "cli/compare_report.hpp"

#include <algorithm>
#include <sstream>

#include "cli/format.hpp"
#include "export/state_properties.hpp"
#include "symbology/legend.hpp"

namespace histmap::cli {

using json = nlohmann::ordered_json;

std::string state_words(const Atlas& atlas, const PieceState& s, const Words& w) {
  std::string out;
  for (const auto& c : classify(s)) {
    std::string label = legend_label(c, atlas, w);
    if (out.find(label) == std::string::npos) out += (out.empty() ? "" : "; ") + label;
  }
  return out;
}

std::string assertion_refs(const Atlas& atlas, const std::vector<int>& assertions) {
  std::string out;
  for (int i : assertions) {
    const Assertion& a = atlas.assertions[i];
    std::string locator = a.locator.text();
    out += (out.empty() ? "" : "; ") + a.id + " (" + atlas.sources[a.source].id +
           (locator.empty() ? "" : ", " + locator) + ")";
  }
  return out;
}

namespace {

std::string region_words(const Atlas& atlas, int uyezd, const Words& w) {
  if (uyezd < 0) return w.get("compare.no_uyezd");
  const Region& r = atlas.regions[uyezd];
  return name_in(r.names, w.lang, r.id) + " (" + r.id + ")";
}

std::string aspect_words(const PieceComparison& c, const Words& w) {
  std::string out;
  for (Aspect a : c.aspects) out += (out.empty() ? "" : ", ") + w.get(std::string("compare.aspect.") + to_string(a));
  return out;
}

// The side that speaks alone, in words; empty when both speak.
std::string only_words(const CompareReport& r, const PieceComparison& c, const Words& w) {
  if (r.dates || c.kind == Difference::Differs) return "";
  return w.fill("compare.only", {{"side", c.kind == Difference::OnlyFirst ? r.first_label : r.second_label}});
}

std::string heading(const CompareReport& r, const Words& w) {
  std::vector<std::pair<std::string, std::string>> v = {
      {"first", r.first_label}, {"second", r.second_label}, {"count", std::to_string(r.rows.size())}};
  if (r.dates) return w.fill("compare.dates_heading", v);
  v.push_back({"date", day_words(r.day, w)});
  return w.fill("compare.sets_heading", v);
}

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\n") == std::string::npos) return s;
  std::string q = "\"";
  for (char ch : s) q += ch == '"' ? std::string("\"\"") : std::string(1, ch);
  return q + "\"";
}

json side_json(const Atlas& atlas, const std::string& key, const PieceState& s, const std::vector<int>& because,
               const Words& w) {
  json j;
  j["side"] = key;
  j["speaks"] = !s.empty();
  j["state_words"] = state_words(atlas, s, w);
  j["state"] = state_json(atlas, s);
  json refs = json::array();
  for (int i : because) {
    const Assertion& a = atlas.assertions[i];
    refs.push_back({{"id", a.id},
                    {"source", atlas.sources[a.source].id},
                    {"locator", a.locator.text()},
                    {"paraphrase", a.paraphrase}});
  }
  j["assertions"] = refs;
  return j;
}

}  // namespace

namespace {

// The lines a piece gets in the text table; pieces of one uyezd with the same lines share them.
std::string piece_lines(const CompareReport& r, const PieceComparison& c, const Words& w) {
  std::ostringstream out;
  if (!c.aspects.empty()) out << "    " << w.fill("compare.differs_in", {{"aspects", aspect_words(c, w)}}) << "\n";
  if (auto only = only_words(r, c, w); !only.empty()) out << "    " << only << "\n";
  auto side = [&](const std::string& label, const Atlas& atlas, const PieceState& s, const std::vector<int>& a) {
    out << "    " << label << ": " << state_words(atlas, s, w) << "\n";
    if (!a.empty()) out << "      " << w.get("compare.assertions") << ": " << assertion_refs(atlas, a) << "\n";
  };
  side(r.first_label, *r.first_atlas, *c.first, c.first_assertions);
  side(r.second_label, *r.second_atlas, *c.second, c.second_assertions);
  return out.str();
}

}  // namespace

std::string compare_text(const CompareReport& r, const Words& w) {
  std::ostringstream out;
  out << heading(r, w) << "\n";
  if (r.rows.empty()) out << w.get("compare.none") << "\n";
  for (size_t i = 0; i < r.rows.size();) {
    const int uyezd = r.rows[i].uyezd;
    out << "\n" << region_words(*r.first_atlas, uyezd, w) << "\n";
    std::vector<std::pair<std::string, std::string>> groups;  // lines -> "Name (id), ..."
    for (; i < r.rows.size() && r.rows[i].uyezd == uyezd; ++i) {
      const Piece& piece = r.first_atlas->pieces[r.rows[i].piece];
      std::string lines = piece_lines(r, r.rows[i], w);
      std::string name = piece.name.empty() ? piece.id : piece.name + " (" + piece.id + ")";
      auto g = std::find_if(groups.begin(), groups.end(), [&](const auto& x) { return x.first == lines; });
      if (g == groups.end()) groups.push_back({lines, name});
      else g->second += ", " + name;
    }
    for (const auto& [lines, names] : groups) out << "  " << names << "\n" << lines;
  }
  return out.str();
}

std::string compare_csv(const CompareReport& r, const Words& w) {
  std::string out =
      "region,region_name,piece,piece_name,difference,aspects,first,first_state,first_assertions,second,"
      "second_state,second_assertions\n";
  for (const auto& c : r.rows) {
    std::string aspects;
    for (Aspect a : c.aspects) aspects += (aspects.empty() ? "" : ";") + std::string(to_string(a));
    const Piece& piece = r.first_atlas->pieces[c.piece];
    const Region* reg = c.uyezd >= 0 ? &r.first_atlas->regions[c.uyezd] : nullptr;
    std::vector<std::string> fields = {reg ? reg->id : "",
                                       reg ? name_in(reg->names, w.lang, reg->id) : "",
                                       piece.id,
                                       piece.name,
                                       to_string(c.kind),
                                       aspects,
                                       r.first_key,
                                       state_words(*r.first_atlas, *c.first, w),
                                       assertion_refs(*r.first_atlas, c.first_assertions),
                                       r.second_key,
                                       state_words(*r.second_atlas, *c.second, w),
                                       assertion_refs(*r.second_atlas, c.second_assertions)};
    for (size_t i = 0; i < fields.size(); ++i) out += (i ? "," : "") + csv_field(fields[i]);
    out += "\n";
  }
  return out;
}

std::string compare_json(const CompareReport& r, const Words& w) {
  json j;
  j["compare"] = r.dates ? "dates" : "sources";
  j["first"] = r.first_key;
  j["second"] = r.second_key;
  j["date"] = r.dates ? json(nullptr) : json(format_day(r.day));
  j["count"] = r.rows.size();
  json rows = json::array();
  for (const auto& c : r.rows) {
    json row;
    const Region* reg = c.uyezd >= 0 ? &r.first_atlas->regions[c.uyezd] : nullptr;
    row["region"] = reg ? json(reg->id) : json(nullptr);
    row["region_name"] = reg ? json(name_in(reg->names, w.lang, reg->id)) : json(nullptr);
    row["piece"] = r.first_atlas->pieces[c.piece].id;
    row["piece_name"] = r.first_atlas->pieces[c.piece].name;
    row["difference"] = to_string(c.kind);
    json aspects = json::array();
    for (Aspect a : c.aspects) aspects.push_back(to_string(a));
    row["aspects"] = aspects;
    row["first"] = side_json(*r.first_atlas, r.first_key, *c.first, c.first_assertions, w);
    row["second"] = side_json(*r.second_atlas, r.second_key, *c.second, c.second_assertions, w);
    rows.push_back(row);
  }
  j["rows"] = rows;
  return dump(j);
}

}  // namespace histmap::cli
