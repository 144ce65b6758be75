// GeoPackage: dates stay DATE fields, booleans BOOLEAN; the most faithful OGR format.
#include "export/vector_formats.hpp"

namespace histmap {
VectorFormat gpkg_format() {
  VectorFormat f;
  f.name = "gpkg";
  f.title = "GeoPackage";
  f.extensions = {".gpkg"};
  f.driver = "GPKG";
  return f;
}
}  // namespace histmap
