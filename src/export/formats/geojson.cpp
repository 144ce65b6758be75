// GeoJSON: RFC 7946 text written by histmap itself (geojson.cpp), so lists stay JSON arrays.
#include "export/vector_formats.hpp"

namespace histmap {
VectorFormat geojson_format() {
  VectorFormat f;
  f.name = "geojson";
  f.title = "GeoJSON (RFC 7946)";
  f.extensions = {".geojson", ".json"};
  return f;
}
}  // namespace histmap
