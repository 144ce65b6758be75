#include "model/atlas.hpp"

#include <algorithm>
#include <functional>
#include <set>

namespace histmap {

const char* to_string(RegionKind k) {
  switch (k) {
    case RegionKind::Governorate: return "governorate";
    case RegionKind::Uyezd: return "uyezd";
    case RegionKind::Part: return "part";
  }
  return "?";
}

const char* to_string(AssertionKind k) {
  switch (k) {
    case AssertionKind::Control: return "control";
    case AssertionKind::Claim: return "claim";
    case AssertionKind::Designation: return "designation";
  }
  return "?";
}

std::string Locator::text() const {
  std::string s;
  auto add = [&s](const std::string& label, const std::string& v) {
    if (v.empty()) return;
    if (!s.empty()) s += ", ";
    s += label + v;
  };
  add("", page);
  add("fn. ", footnote);
  // "line 201" for one line, "lines 9, 19" for more (a range or a list); "-" says the text has
  // no line numbers (a web page), so nothing is added.
  if (lines != "-") add(lines.find_first_of(",-–") == std::string::npos ? "line " : "lines ", lines);
  return s;
}

const std::vector<std::string>& known_designations() {
  static const std::vector<std::string> types = {
      "disputed",            // declared or treated as disputed territory
      "neutral_zone",        // a neutral zone under joint or third-party administration
      "protectorate",        // placed under a power's protection
      "autonomy",            // autonomy granted or declared
      "troops_present",      // armed forces of a party present (a text may call it an occupation)
      "assigned",            // assigned to a beneficiary by treaty, decree or declaration (exclusive)
      "proposal",            // a proposed assignment or status that was not carried out
      "administration",      // a special administration (e.g. a governor-generalship)
      "self_determination",  // a right of self-determination granted or declared
      "partial_transfer",    // an unspecified part of the region transferred to a beneficiary
      "renounced",           // the party gives up its claim to the region
      "recognised",          // the party recognises the region as the beneficiary's
  };
  return types;
}

bool is_known_designation(const std::string& type) {
  const auto& t = known_designations();
  return std::find(t.begin(), t.end(), type) != t.end();
}

bool is_exclusive_designation(const std::string& type) { return type == "assigned"; }

GeometryPtr Atlas::union_of(const std::vector<int>& ps) const {
  OGRMultiPolygon mp;
  for (int p : ps) {
    const OGRGeometry* g = pieces.at(static_cast<size_t>(p)).geometry.get();
    if (auto* m = dynamic_cast<const OGRMultiPolygon*>(g))
      for (const auto* poly : *m) mp.addGeometry(poly);
    else mp.addGeometry(g);
  }
  return GeometryPtr(mp.UnionCascaded());
}

bool Atlas::strictly_within(int a, int b) const {
  const auto& pa = regions.at(static_cast<size_t>(a)).pieces;
  const auto& pb = regions.at(static_cast<size_t>(b)).pieces;
  return pa.size() < pb.size() && std::includes(pb.begin(), pb.end(), pa.begin(), pa.end());
}

int Atlas::set_index(const std::string& id) const {
  for (size_t i = 0; i < sets.size(); ++i)
    if (sets[i].id == id) return static_cast<int>(i);
  return -1;
}

void Atlas::index() {
  auto build = [](auto& vec, std::map<std::string, int>& m) {
    m.clear();
    for (size_t i = 0; i < vec.size(); ++i) m.emplace(vec[i].id, static_cast<int>(i));
  };
  build(pieces, piece_ids_);
  build(regions, region_ids_);
  build(polities, polity_ids_);
  build(sources, source_ids_);
  build(assertions, assertion_ids_);

  // Expand includes depth-first; the loader has already rejected cycles and
  // unknown ids, so the recursion terminates.
  std::vector<int> state(regions.size(), 0);  // 0 new, 1 visiting, 2 done
  std::function<void(int)> expand = [&](int r) {
    if (state[r] == 2 || state[r] == 1) return;
    state[r] = 1;
    std::set<int> all(regions[r].pieces.begin(), regions[r].pieces.end());
    for (const auto& inc : regions[r].includes) {
      int j = region_index(inc);
      if (j < 0) continue;
      expand(j);
      all.insert(regions[j].pieces.begin(), regions[j].pieces.end());
    }
    regions[r].pieces.assign(all.begin(), all.end());
    state[r] = 2;
  };
  for (size_t r = 0; r < regions.size(); ++r) expand(static_cast<int>(r));

  piece_uyezd_.assign(pieces.size(), -1);
  for (size_t r = 0; r < regions.size(); ++r)
    if (regions[r].kind == RegionKind::Uyezd)
      for (int p : regions[r].pieces)
        if (piece_uyezd_[p] < 0) piece_uyezd_[p] = static_cast<int>(r);
}

}  // namespace histmap
