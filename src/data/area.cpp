#include <memory>

#include <ogr_geometry.h>
#include <ogr_spatialref.h>

#include "data/load.hpp"

namespace histmap {

double area_km2(const OGRGeometry& lonlat) {
  // Lambert azimuthal equal-area centred on the South Caucasus: area errors
  // stay far below the reconstruction's own uncertainty.
  static thread_local std::unique_ptr<OGRCoordinateTransformation> ct = [] {
    OGRSpatialReference wgs, laea;
    wgs.SetWellKnownGeogCS("WGS84");
    wgs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    laea.importFromProj4("+proj=laea +lat_0=40.5 +lon_0=44.5 +datum=WGS84 +units=m +no_defs");
    return std::unique_ptr<OGRCoordinateTransformation>(OGRCreateCoordinateTransformation(&wgs, &laea));
  }();
  GeometryPtr g(lonlat.clone());
  if (!ct || g->transform(ct.get()) != OGRERR_NONE) return 0;
  double a = 0;
  if (auto* s = dynamic_cast<OGRSurface*>(g.get())) a = s->get_Area();
  else if (auto* mp = dynamic_cast<OGRMultiSurface*>(g.get())) a = mp->get_Area();
  return a / 1e6;
}

}  // namespace histmap
