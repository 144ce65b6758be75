#include "data/validate.hpp"

#include <cstdio>
#include <memory>

#include "data/load.hpp"

namespace histmap {
namespace {

std::string km2(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f km²", v);
  return buf;
}

std::string piece_where(const Piece& p) { return p.origin.file + " (id " + p.id + ")"; }

void check_partition(const Atlas& atlas, const ValidateOptions& opt, Report& report) {
  const size_t n = atlas.pieces.size();
  const EqualArea equal_area(atlas.dataset.equal_area_crs);  // the loader has checked it
  auto area_km2 = [&](const OGRGeometry& g) { return equal_area.km2(g); };
  std::vector<OGREnvelope> env(n);
  for (size_t i = 0; i < n; ++i) atlas.pieces[i].geometry->getEnvelope(&env[i]);
  for (size_t i = 0; i < n; ++i)
    for (size_t j = i + 1; j < n; ++j) {
      if (!env[i].Intersects(env[j])) continue;
      const OGRGeometry& a = *atlas.pieces[i].geometry;
      const OGRGeometry& b = *atlas.pieces[j].geometry;
      if (!a.Intersects(&b)) continue;
      GeometryPtr inter(a.Intersection(&b));
      if (!inter) continue;
      double area = area_km2(*inter);
      if (area > opt.tolerance_km2)
        report.error(piece_where(atlas.pieces[i]), "overlaps piece " + atlas.pieces[j].id + " by " + km2(area) +
                                                       " (tolerance " + km2(opt.tolerance_km2) +
                                                       "); pieces must partition the map");
    }
  // Gaps: holes in the union of all pieces.
  if (n == 0) return;
  OGRMultiPolygon all;
  for (const auto& p : atlas.pieces) {
    if (auto* mp = dynamic_cast<const OGRMultiPolygon*>(p.geometry.get()))
      for (const auto* poly : *mp) all.addGeometry(poly);
    else all.addGeometry(p.geometry.get());
  }
  GeometryPtr uni(all.UnionCascaded());
  if (!uni) return;
  auto holes = [&](const OGRPolygon& poly) {
    for (int r = 0; r < poly.getNumInteriorRings(); ++r) {
      OGRPolygon hole;
      hole.addRingDirectly(poly.getInteriorRing(r)->clone());
      double area = area_km2(hole);
      if (area > opt.tolerance_km2) {
        OGRPoint c;
        hole.Centroid(&c);
        char at[64];
        std::snprintf(at, sizeof at, "%.4f, %.4f", c.getX(), c.getY());
        report.error(atlas.pieces.front().origin.file, "gap of " + km2(area) + " between pieces near lon/lat " + at +
                                                           " (tolerance " + km2(opt.tolerance_km2) +
                                                           "); no piece covers it");
      }
    }
  };
  if (auto* poly = dynamic_cast<OGRPolygon*>(uni.get())) holes(*poly);
  else if (auto* mp = dynamic_cast<OGRMultiPolygon*>(uni.get()))
    for (const auto* poly : *mp) holes(*poly);
}

void check_structure(const Atlas& atlas, Report& report) {
  std::vector<std::vector<int>> uyezds_of(atlas.pieces.size());
  for (size_t r = 0; r < atlas.regions.size(); ++r) {
    const Region& reg = atlas.regions[r];
    if (reg.pieces.empty()) report.error(reg.origin.where(), "region " + reg.id + " has no pieces");
    if (reg.kind == RegionKind::Uyezd)
      for (int p : reg.pieces) uyezds_of[p].push_back(static_cast<int>(r));
    if (reg.kind == RegionKind::Uyezd && !reg.parent.empty()) {
      int par = atlas.region_index(reg.parent);
      if (par >= 0 && atlas.regions[par].kind != RegionKind::Governorate)
        report.warning(reg.origin.where(),
                       "uyezd " + reg.id + " has parent " + reg.parent + ", which is not a governorate");
    }
  }
  for (size_t p = 0; p < atlas.pieces.size(); ++p) {
    if (uyezds_of[p].empty())
      report.error(piece_where(atlas.pieces[p]),
                   "piece lies in no uyezd; every piece belongs to exactly one region of kind uyezd");
    else if (uyezds_of[p].size() > 1)
      report.error(piece_where(atlas.pieces[p]), "piece lies in two uyezds: " + atlas.regions[uyezds_of[p][0]].id +
                                                     " and " + atlas.regions[uyezds_of[p][1]].id);
  }
}

void check_dates(const Atlas& atlas, Report& report) {
  for (const auto& a : atlas.assertions) {
    const Polity& p = atlas.polities[a.party];
    if (a.kind == AssertionKind::Control && p.lifespan) {
      // Only days on which the assertion certainly holds count: an imprecise start ("1918") may begin after the
      // party did. A `to: next` end is cut at the party's end by the resolver (time/ends.cpp).
      bool late_end = !a.ends_at_next && a.interval.certain_last() > p.lifespan->possible_last();
      if (a.interval.certain_first() < p.lifespan->possible_first() || late_end)
        report.warning(a.origin.where(), "assertion " + a.id + " (" + describe(a.interval) + ") gives control to " +
                                             p.id + " outside its lifespan (" + describe(*p.lifespan) + ")");
    }
    if (a.interval.from.open() && a.interval.to.open() && !a.ends_at_next)
      report.warning(a.origin.where(), "assertion " + a.id + " is open at both ends; it holds on every day");
    else if (a.interval.to.open() && !a.ends_at_next)
      report.warning(a.origin.where(),
                     "assertion " + a.id +
                         " has an open end ('to: ..') and runs on for ever; "
                         "write 'to: next' to end it at the next firm date a source gives, or the end the text gives");
  }
}

// Every seat must lie inside the region it is the seat of: a check on both the
// coordinates and the reconstruction.
void check_places(const Atlas& atlas, Report& report) {
  for (const auto& pl : atlas.places) {
    OGRPoint pt(pl.lon, pl.lat);
    for (const auto& rid : pl.seat_of) {
      int r = atlas.region_index(rid);
      if (r < 0) continue;
      bool inside = false;
      for (int p : atlas.regions[r].pieces) inside = inside || atlas.pieces[p].geometry->Intersects(&pt);
      if (!inside) {
        std::string in;
        for (size_t p = 0; p < atlas.pieces.size() && in.empty(); ++p)
          if (atlas.pieces[p].geometry->Intersects(&pt)) in = atlas.pieces[p].id;
        report.error(
            pl.origin.file + " (id " + pl.id + ")",
            "seat of " + rid + " lies outside it" + (in.empty() ? " (in no piece)" : " (in piece " + in + ")"));
      }
    }
  }
}

}  // namespace

void validate_atlas(const Atlas& atlas, const ValidateOptions& options, Report& report) {
  check_structure(atlas, report);
  check_partition(atlas, options, report);
  check_dates(atlas, report);
  check_places(atlas, report);
}

}  // namespace histmap
