#include "data/area.hpp"

#include <cstdio>

#include <cpl_error.h>

#include "model/atlas.hpp"

namespace histmap {

EqualArea::EqualArea(const std::string& crs) {
  OGRSpatialReference wgs, dst;
  wgs.SetWellKnownGeogCS("WGS84");
  wgs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  CPLPushErrorHandler(CPLQuietErrorHandler);
  const bool known = dst.SetFromUserInput(crs.c_str()) == OGRERR_NONE;
  CPLPopErrorHandler();
  if (!known || !dst.IsProjected()) return;
  dst.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  ct_.reset(OGRCreateCoordinateTransformation(&wgs, &dst));
}

double EqualArea::km2(const OGRGeometry& lonlat) const {
  if (!ct_) return 0;
  GeometryPtr g(lonlat.clone());
  if (g->transform(ct_.get()) != OGRERR_NONE) return 0;
  double a = 0;
  if (auto* s = dynamic_cast<OGRSurface*>(g.get())) a = s->get_Area();
  else if (auto* mp = dynamic_cast<OGRMultiSurface*>(g.get())) a = mp->get_Area();
  return a / 1e6;
}

double area_km2(const OGRGeometry& lonlat) {
  // The shipped dataset's equal-area projection (geodata/dataset.yaml), for the geodata
  // build of that dataset; loaded pieces and the validator use their dataset's own.
  static thread_local EqualArea caucasus("+proj=laea +lat_0=40.5 +lon_0=44.5 +datum=WGS84 +units=m +no_defs");
  return caucasus.km2(lonlat);
}

std::string laea_centred_on(double lon, double lat) {
  char buf[160];
  std::snprintf(buf, sizeof buf, "+proj=laea +lat_0=%.4f +lon_0=%.4f +datum=WGS84 +units=m +no_defs", lat, lon);
  return buf;
}

}  // namespace histmap
