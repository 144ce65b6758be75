// KML: lon/lat placemarks with every property as ExtendedData (dates as text).
#include "export/vector_formats.hpp"

namespace histmap {
VectorFormat kml_format() {
  VectorFormat f;
  f.name = "kml";
  f.title = "KML";
  f.extensions = {".kml"};
  f.driver = "KML";
  return f;
}
}  // namespace histmap
