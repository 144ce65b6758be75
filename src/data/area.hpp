// Areas of lon/lat geometries in km², on an equal-area projection.
#pragma once

#include <memory>
#include <string>

#include <ogr_geometry.h>
#include <ogr_spatialref.h>

namespace histmap {

class EqualArea {
 public:
  // `crs`: a PROJ/EPSG definition of an equal-area projection. Check ok() after.
  explicit EqualArea(const std::string& crs);
  bool ok() const { return ct_ != nullptr; }
  double km2(const OGRGeometry& lonlat) const;  // 0 when the geometry cannot be projected

 private:
  std::unique_ptr<OGRCoordinateTransformation> ct_;
};

// Area of a lon/lat geometry in km² on the shipped dataset's equal-area projection
// (used by the geodata build of that dataset).
double area_km2(const OGRGeometry& lonlat);

// Lambert azimuthal equal-area centred on a lon/lat point.
std::string laea_centred_on(double lon, double lat);

}  // namespace histmap
