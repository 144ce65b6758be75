// Where and when the QGIS project opens: the Lambert conic it is drawn in, the
// pieces' extent in it, and the period between the first and last change.
#include <algorithm>
#include <memory>

#include "export/qgis_parts.hpp"
#include "export/qgis_xml.hpp"

namespace histmap::qgis {
namespace {

constexpr const char* kLambert = "+proj=lcc +lat_0=40.5 +lon_0=44.75 +lat_1=38.5 +lat_2=42.5 +datum=WGS84 +units=m +no_defs";

// The lon/lat box transformed along its edges (a conic bends straight parallels), padded by 4 %.
OGREnvelope projected_extent(const OGREnvelope& ll, const OGRSpatialReference& from, const OGRSpatialReference& to) {
  std::unique_ptr<OGRCoordinateTransformation> ct(OGRCreateCoordinateTransformation(&from, &to));
  OGREnvelope out;
  for (int i = 0; i <= 20 && ct; ++i) {
    double t = i / 20.0;
    double xs[] = {ll.MinX + t * (ll.MaxX - ll.MinX), ll.MinX + t * (ll.MaxX - ll.MinX), ll.MinX, ll.MaxX};
    double ys[] = {ll.MinY, ll.MaxY, ll.MinY + t * (ll.MaxY - ll.MinY), ll.MinY + t * (ll.MaxY - ll.MinY)};
    if (!ct->Transform(4, xs, ys)) continue;
    for (int k = 0; k < 4; ++k) out.Merge(xs[k], ys[k]);
  }
  const double pad = 0.04 * std::max(out.MaxX - out.MinX, out.MaxY - out.MinY);
  out.MinX -= pad, out.MaxX += pad, out.MinY -= pad, out.MaxY += pad;
  return out;
}

}  // namespace

ProjectFrame project_frame(const Atlas& atlas, const Resolver& resolver) {
  ProjectFrame f;
  f.layer_srs.SetWellKnownGeogCS("WGS84");
  f.layer_srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  OGRSpatialReference lcc;
  lcc.importFromProj4(kLambert);
  f.project_srs = srs_xml(lcc, "", "histmap Lambert conformal conic (South Caucasus)");
  OGREnvelope ll;
  for (const auto& p : atlas.pieces) {
    OGREnvelope e;
    p.geometry->getEnvelope(&e);
    ll.Merge(e);
  }
  f.extent = projected_extent(ll, f.layer_srs, lcc);
  const auto& cps = resolver.change_points();
  f.first = cps.empty() ? "1918-01-01" : format_day(cps.front());
  f.last = cps.empty() ? "1923-12-31" : format_day(cps.back());
  return f;
}

}  // namespace histmap::qgis
