#include "scrub/areas.hpp"

#include <algorithm>
#include <charconv>
#include <numeric>
#include <tuple>

#include "symbology/legend.hpp"

namespace histmap {

std::vector<Day> area_days(Day from, Day to, AreaStep step) {
  std::vector<Day> out;
  for (Day d = from; d <= to; ++d) {
    if (step == AreaStep::Week && (d - from) % 7 != 0) continue;
    if (step == AreaStep::Month && format_day(d).substr(8) != "01") continue;
    out.push_back(d);
  }
  return out;
}

bool series_order(const AreaSeries& a, const AreaSeries& b) {
  if (a.claim != b.claim) return !a.claim;
  return legend_order(a.category, b.category);
}

namespace {

Basis basis_of(bool certain, bool presupposed) {
  return !certain && presupposed ? Basis::PresupposedUncertainDate
         : !certain              ? Basis::UncertainDate
         : presupposed           ? Basis::Presupposed
                                 : Basis::Stated;
}

// "1234.5": one decimal, '.' always (std::to_chars ignores the locale).
std::string km2_text(double km2) {
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, km2 < 0.05 ? 0.0 : km2, std::chars_format::fixed, 1);
  return std::string(buf, r.ptr);
}

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\n") == std::string::npos) return s;
  std::string q = "\"";
  for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
  return q + "\"";
}

}  // namespace

std::vector<AreaSeries> piece_series(const PieceState& s, bool control, bool claims) {
  std::vector<AreaSeries> out;
  // The filling category is the one the map paints: a controller (with the basis the
  // legend gives it), a conflict over control, no controller, or no source.
  if (control) out.push_back({false, classify(s).front()});
  if (claims)
    for (const auto& c : s.claimants) {
      Category k{Kind::Claim};
      k.party = c.party;
      k.basis = basis_of(c.certain, c.presupposed);
      out.push_back({true, k});
    }
  return out;
}

AreaTable area_table(const Atlas& atlas, const Resolver& resolver, const std::vector<Day>& days,
                     const AreaOptions& options) {
  AreaTable t;
  t.days = days;
  std::vector<int> pieces = options.pieces;
  if (pieces.empty()) {
    pieces.resize(atlas.pieces.size());
    std::iota(pieces.begin(), pieces.end(), 0);
  }
  for (int p : pieces) t.total_km2 += atlas.pieces[p].area_km2;
  // First pass: which series meet the period; second: their values per day.
  std::vector<std::vector<std::pair<AreaSeries, int>>> hits(days.size());
  for (size_t i = 0; i < days.size(); ++i) {
    auto states = resolver.at(days[i]);
    for (int p : pieces)
      for (auto& s : piece_series(*states[p], options.control, options.claims)) {
        hits[i].push_back({s, p});
        if (std::find(t.series.begin(), t.series.end(), s) == t.series.end()) t.series.push_back(s);
      }
  }
  std::sort(t.series.begin(), t.series.end(), series_order);
  t.values.assign(days.size(), std::vector<AreaValue>(t.series.size()));
  for (size_t i = 0; i < days.size(); ++i)
    for (const auto& [s, p] : hits[i]) {
      auto at = std::lower_bound(t.series.begin(), t.series.end(), s, series_order) - t.series.begin();
      t.values[i][at].km2 += atlas.pieces[p].area_km2;
      t.values[i][at].pieces += 1;
    }
  return t;
}

const char* series_kind(const AreaSeries& s) { return s.claim ? "claim" : "control"; }

std::string series_id(const AreaSeries& s, const Atlas& atlas) {
  const Category& c = s.category;
  switch (c.kind) {
    case Kind::Control:
    case Kind::Claim: return atlas.polities[c.party].id;
    case Kind::Conflict: {
      std::string id = "contested:";
      for (size_t i = 0; i < c.sides.size(); ++i) id += (i ? "+" : "") + atlas.polities[c.sides[i]].id;
      return id;
    }
    case Kind::NoController: return "no_controller";
    case Kind::NoSource: return "no_source";
    case Kind::Status: break;  // never a series
  }
  return "?";
}

std::string series_basis(const AreaSeries& s) {
  const Category& c = s.category;
  if (c.kind == Kind::Control || c.kind == Kind::Claim) return to_string(c.basis);
  if (c.kind == Kind::NoController && c.basis == Basis::UncertainDate) return to_string(c.basis);
  return "";
}

std::string series_name(const AreaSeries& s, const Atlas& atlas, const Words& w) {
  const Category& c = s.category;
  switch (c.kind) {
    case Kind::Control:
    case Kind::Claim: {
      const Polity& p = atlas.polities[c.party];
      return name_in(p.names, w.lang, p.id);
    }
    case Kind::Conflict: {
      std::string sides;
      for (int side : c.sides)
        sides += (sides.empty() ? "" : w.get("sides.separator")) +
                 name_in(atlas.polities[side].names, w.lang, atlas.polities[side].id);
      return w.fill("areas.contested", {{"sides", sides}});
    }
    case Kind::NoController: return w.get("areas.no_controller");
    case Kind::NoSource: return w.get("areas.no_source");
    case Kind::Status: break;
  }
  return "?";
}

std::string area_csv(const AreaTable& t, const Atlas& atlas, const Words& w) {
  std::string out = "date,kind,id,name,basis,area_km2,pieces\n";
  std::vector<std::string> ids, names, bases;
  for (const auto& s : t.series) {
    ids.push_back(csv_field(series_id(s, atlas)));
    names.push_back(csv_field(series_name(s, atlas, w)));
    bases.push_back(csv_field(series_basis(s)));
  }
  for (size_t i = 0; i < t.days.size(); ++i) {
    const std::string date = format_day(t.days[i]);
    for (size_t k = 0; k < t.series.size(); ++k)
      out += date + "," + series_kind(t.series[k]) + "," + ids[k] + "," + names[k] + "," + bases[k] + "," +
             km2_text(t.values[i][k].km2) + "," + std::to_string(t.values[i][k].pieces) + "\n";
  }
  return out;
}

}  // namespace histmap
