// The geometry-less tables: assertions (with a readable locator), sources,
// polities; and the link table from states to the assertions behind them.
#include "export/export.hpp"
#include "export/state_words.hpp"

namespace histmap {
using json = nlohmann::ordered_json;

namespace {

std::string date_or_empty(Day d) { return d <= kOpenPast || d >= kOpenFuture ? "" : format_day(d); }

bool add_row(OGRLayer* l, const json& row, Report& report, const std::string& path) {
  FeatureSet one;
  one.properties.push_back(row);
  return write_features(l, one, report, path);
}

}  // namespace

void write_tables(GDALDataset& ds, const Atlas& atlas, Report& report, const std::string& path) {
  auto flat_list = [](const std::vector<std::string>& v) { return json(v); };
  {
    OGRLayer* l = create_layer(ds, "assertions", wkbNone,
                               {{"id", OFTString},           {"kind", OFTString},         {"type", OFTString},
                                {"party", OFTString},        {"beneficiary", OFTString},  {"region", OFTString},
                                {"from_text", OFTString},    {"to_text", OFTString},      {"from_precision", OFTString},
                                {"to_precision", OFTString}, {"possible_first", OFTDate}, {"certain_first", OFTDate},
                                {"certain_last", OFTDate},   {"possible_last", OFTDate},  {"source", OFTString},
                                {"page", OFTString},         {"footnote", OFTString},     {"lines", OFTString},
                                {"voice", OFTString},        {"cites", OFTString},        {"paraphrase", OFTString},
                                {"confidence", OFTString},   {"end_note", OFTString},     {"overrides", OFTString},
                                {"locator", OFTString}},
                               report, path);
    if (!l) return;
    for (const auto& a : atlas.assertions) {
      std::vector<std::string> ov;
      for (int o : a.overrides) ov.push_back(atlas.assertions[o].id);
      json j = {
          {"id", a.id},
          {"kind", to_string(a.kind)},
          {"type", a.type},
          {"party", atlas.polities[a.party].id},
          {"beneficiary", a.beneficiary >= 0 ? json(atlas.polities[a.beneficiary].id) : json(nullptr)},
          {"region", atlas.regions[a.region].id},
          {"from_text", a.interval.from.original.empty() ? ".." : a.interval.from.original},
          {"to_text", a.interval.to.original.empty() ? ".." : a.interval.to.original},
          {"from_precision",
           std::string(to_string(a.interval.from.precision)) + (a.interval.from.approximate ? "~" : "")},
          {"to_precision", std::string(to_string(a.interval.to.precision)) + (a.interval.to.approximate ? "~" : "")},
          {"possible_first", date_or_empty(a.interval.possible_first())},
          {"certain_first", date_or_empty(a.interval.certain_first())},
          {"certain_last", date_or_empty(a.interval.certain_last())},
          {"possible_last", date_or_empty(a.interval.possible_last())},
          {"source", atlas.sources[a.source].id},
          {"page", a.locator.page},
          {"footnote", a.locator.footnote},
          {"lines", a.locator.lines},
          {"voice", a.voice},
          {"cites", flat_list(a.cites)},
          {"paraphrase", a.paraphrase},
          {"confidence", a.confidence},
          {"end_note", a.end_note},
          {"overrides", flat_list(ov)},
          {"locator", a.locator.text()}};
      if (!add_row(l, j, report, path)) return;
    }
  }
  {
    OGRLayer* l = create_layer(ds, "sources", wkbNone,
                               {{"id", OFTString},
                                {"title", OFTString},
                                {"description", OFTString},
                                {"language", OFTString},
                                {"perspective", OFTString},
                                {"file", OFTString}},
                               report, path);
    if (!l) return;
    for (const auto& s : atlas.sources)
      if (!add_row(l,
                   {{"id", s.id},
                    {"title", s.title},
                    {"description", s.description},
                    {"language", s.language},
                    {"perspective", s.perspective},
                    {"file", s.file}},
                   report, path))
        return;
  }
  {
    std::vector<OgrField> fields = {{"id", OFTString},
                                    {"colour", OFTString},
                                    {"valid_from", OFTString},
                                    {"valid_to", OFTString},
                                    {"note", OFTString}};
    for (const char* lang : kNameLanguages) fields.push_back({std::string("name_") + lang, OFTString});
    OGRLayer* l = create_layer(ds, "polities", wkbNone, fields, report, path);
    if (!l) return;
    for (const auto& p : atlas.polities) {
      json j = {{"id", p.id}, {"colour", p.colour}, {"note", p.note}};
      j["valid_from"] = p.lifespan && !p.lifespan->from.open() ? json(p.lifespan->from.original) : json(nullptr);
      j["valid_to"] = p.lifespan && !p.lifespan->to.open() ? json(p.lifespan->to.original) : json(nullptr);
      for (const auto& [lang, name] : p.names) j["name_" + lang] = name;
      if (!add_row(l, j, report, path)) return;
    }
  }
}

void write_state_assertions(GDALDataset& ds, const FeatureSet& states, Report& report, const std::string& path) {
  FeatureSet links;
  for (const auto& s : states.properties)
    for (const char* role : {"assertions", "set_aside"})
      for (const auto& id : s[role])
        links.properties.push_back({{"state_id", s["state_id"]}, {"assertion", id}, {"role", role}});
  OGRLayer* l = create_layer(ds, "state_assertions", wkbNone,
                             {{"state_id", OFTInteger64}, {"assertion", OFTString}, {"role", OFTString}}, report, path);
  if (l) write_features(l, links, report, path);
}

void write_tables_csv(const Atlas& atlas, const std::string& dir, Report& report) {
  with_dataset("CSV", dir, report,
               [&](GDALDataset& ds, const std::string& tmp) { write_tables(ds, atlas, report, tmp); });
}

}  // namespace histmap
