// CSV: one row per feature, the geometry as WKT in the first column "WKT"; FILE.csvt gives the types.
#include "export/vector_formats.hpp"

namespace histmap {
VectorFormat csv_format() {
  VectorFormat f;
  f.name = "csv";
  f.title = "CSV with WKT geometry";
  f.extensions = {".csv"};
  f.driver = "CSV";
  f.layer_options = {"GEOMETRY=AS_WKT", "LINEFORMAT=LF", "CREATE_CSVT=YES"};
  f.sidecars = {".csvt"};  // the field types, so readers get dates and numbers back
  return f;
}
}  // namespace histmap
