// Where and when the QGIS project opens: the Lambert conic it is drawn in, the
// pieces' extent in it, and the period between the first and last change.
#include <algorithm>
#include <cstdio>
#include <memory>

#include "export/qgis_parts.hpp"
#include "export/qgis_xml.hpp"

namespace histmap::qgis {
namespace {

// A Lambert conic fitted to a lon/lat box (parallels at 1/6 and 5/6), as `render` fits one to its frame.
std::string fitted_conic(const OGREnvelope& ll) {
  char buf[256];
  std::snprintf(buf, sizeof buf,
                "+proj=lcc +lat_0=%.4f +lon_0=%.4f +lat_1=%.4f +lat_2=%.4f +datum=WGS84 +units=m +no_defs",
                (ll.MinY + ll.MaxY) / 2, (ll.MinX + ll.MaxX) / 2, ll.MinY + (ll.MaxY - ll.MinY) / 6,
                ll.MaxY - (ll.MaxY - ll.MinY) / 6);
  return buf;
}

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

ProjectFrame project_frame(const Atlas& atlas, const Resolver& resolver, const std::string& crs) {
  ProjectFrame f;
  f.layer_srs.SetWellKnownGeogCS("WGS84");
  f.layer_srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  OGREnvelope ll;
  for (const auto& p : atlas.pieces) {
    OGREnvelope e;
    p.geometry->getEnvelope(&e);
    ll.Merge(e);
  }
  // The CRS asked for, else the dataset's projection (checked by the loader), else a
  // conic fitted to its pieces.
  const DatasetInfo& d = atlas.dataset;
  OGRSpatialReference map_srs;
  map_srs.SetFromUserInput((!crs.empty() ? crs : d.crs.empty() ? fitted_conic(ll) : d.crs).c_str());
  map_srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  const char* authority = map_srs.GetAuthorityName(nullptr);
  const char* code = map_srs.GetAuthorityCode(nullptr);
  if (authority && code) {
    // A registered CRS: QGIS shows its code (e.g. EPSG:32638) in the status bar.
    f.project_srs = srs_xml(map_srs, std::string(authority) + ":" + code, map_srs.GetName() ? map_srs.GetName() : "");
  } else {
    // A custom one has no code; QGIS 3.22's status bar then says "Unknown CRS", its
    // CRS dialog and tooltips show this description.
    std::string kind = map_srs.GetAttrValue("PROJECTION") ? map_srs.GetAttrValue("PROJECTION") : "map";
    if (kind.rfind("Lambert_Conformal_Conic", 0) == 0) kind = "Lambert conformal conic";
    std::replace(kind.begin(), kind.end(), '_', ' ');
    f.project_srs = srs_xml(map_srs, "", "histmap " + kind + " (" + DatasetInfo::in(d.title, "en") + ")");
  }
  f.extent = projected_extent(ll, f.layer_srs, map_srs);
  const auto& cps = resolver.change_points();
  f.first = cps.empty() ? format_day(d.first) : format_day(cps.front());
  f.last = cps.empty() ? format_day(d.last) : format_day(cps.back());
  return f;
}

}  // namespace histmap::qgis
