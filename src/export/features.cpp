// The features every vector export writes: one per piece for a day (or per
// distinct state with dissolve), or one per piece and interval of unchanged
// state. Properties: piece_properties, the state JSON, named_properties.
#include <set>

#include "export/export.hpp"
#include "export/state_properties.hpp"
#include "export/state_words.hpp"
#include "time/timeline.hpp"

namespace histmap {
using json = nlohmann::ordered_json;

namespace {

std::string date_or_null_text(Day d) { return d <= kOpenPast || d >= kOpenFuture ? "" : format_day(d); }

// Regions of kind `part` containing the piece.
json part_ids(const Atlas& atlas, int piece) {
  json out = json::array();
  for (const auto& r : atlas.regions)
    if (r.kind == RegionKind::Part && std::binary_search(r.pieces.begin(), r.pieces.end(), piece)) out.push_back(r.id);
  return out;
}

json dissolved_properties(const Atlas& atlas, const std::vector<int>& group) {
  json props;
  std::set<std::string> uyezds, govs;
  json pieces = json::array();
  for (int p : group) {
    pieces.push_back(atlas.pieces[p].id);
    json pp = piece_properties(atlas, p);
    if (!pp["uyezd"].is_null()) uyezds.insert(pp["uyezd"].get<std::string>());
    if (!pp["governorate"].is_null()) govs.insert(pp["governorate"].get<std::string>());
  }
  props["pieces"] = pieces;
  props["uyezds"] = json(std::vector<std::string>(uyezds.begin(), uyezds.end()));
  props["governorates"] = json(std::vector<std::string>(govs.begin(), govs.end()));
  return props;
}

}  // namespace

json piece_properties(const Atlas& atlas, int piece) {
  json j;
  j["piece"] = atlas.pieces[piece].id;
  int uy = atlas.uyezd_of(piece);
  j["uyezd"] = uy >= 0 ? json(atlas.regions[uy].id) : json(nullptr);
  std::string gov = uy >= 0 ? atlas.regions[uy].parent : "";
  j["governorate"] = gov.empty() ? json(nullptr) : json(gov);
  j["regions"] = part_ids(atlas, piece);
  return j;
}

FeatureSet date_features(const Atlas& atlas, const Resolver& resolver, Day day, bool dissolve) {
  FeatureSet set;
  if (!dissolve) {
    for (size_t p = 0; p < atlas.pieces.size(); ++p) {
      const int piece = static_cast<int>(p);
      const PieceState& s = resolver.at(piece, day);
      json props = piece_properties(atlas, piece);
      props["date"] = format_day(day);
      props.update(state_json(atlas, s));
      props.update(named_properties(atlas, piece, s));
      set.properties.push_back(std::move(props));
      set.geometries.emplace_back(atlas.pieces[p].geometry->clone());
    }
    return set;
  }
  std::vector<int> all(atlas.pieces.size());
  for (size_t i = 0; i < all.size(); ++i) all[i] = static_cast<int>(i);
  for (const auto& g : group_by_state(resolver, all, day)) {
    json props = dissolved_properties(atlas, g.pieces);
    props["date"] = format_day(day);
    props.update(state_json(atlas, *g.state));
    props["state_text"] = describe_state(atlas, *g.state);
    set.properties.push_back(std::move(props));
    set.geometries.push_back(atlas.union_of(g.pieces));
  }
  return set;
}

FeatureSet temporal_features(const Atlas& atlas, const Resolver& resolver) {
  FeatureSet set;
  int state_id = 0;
  for (size_t p = 0; p < atlas.pieces.size(); ++p)
    for (const auto& span : resolver.spans(static_cast<int>(p))) {
      json j;
      j["state_id"] = ++state_id;  // the key the QGIS relations use
      j.update(piece_properties(atlas, static_cast<int>(p)));
      const std::string from = date_or_null_text(span.first), to = date_or_null_text(span.last);
      j["valid_from"] = from.empty() ? json(nullptr) : json(from);
      j["valid_to"] = to.empty() ? json(nullptr) : json(to);
      j.update(state_json(atlas, *span.state));
      j.update(named_properties(atlas, static_cast<int>(p), *span.state));
      set.properties.push_back(std::move(j));
      set.geometries.emplace_back(atlas.pieces[p].geometry->clone());
    }
  return set;
}

}  // namespace histmap
