// FlatGeobuf: one file with a spatial index; dates are stored as date-times.
#include "export/vector_formats.hpp"

namespace histmap {
VectorFormat flatgeobuf_format() {
  VectorFormat f;
  f.name = "fgb";
  f.title = "FlatGeobuf";
  f.extensions = {".fgb"};
  f.driver = "FlatGeobuf";
  f.layer_options = {"SPATIAL_INDEX=YES"};
  return f;
}
}  // namespace histmap
