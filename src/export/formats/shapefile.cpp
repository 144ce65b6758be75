// Shapefile: the DBF keeps field names to 10 characters and strings to 254, so a
// sidecar FILE.fields.txt maps each short name to the full one and names the
// fields whose longest value was cut.
#include <filesystem>
#include <map>
#include <sstream>

#include "export/vector_formats.hpp"
#include "util/atomic_file.hpp"

namespace histmap {
namespace {

constexpr size_t kDbfStringLimit = 254;

void write_field_note(const std::string& shp, const std::vector<OgrField>& asked,
                      const std::vector<std::string>& written, const FeatureSet& set) {
  std::map<std::string, size_t> longest;
  for (const auto& row : set.properties)
    for (auto it = row.begin(); it != row.end(); ++it) {
      const auto& v = it.value();
      size_t n = v.is_string() ? v.get<std::string>().size() : (v.is_array() || v.is_object()) ? v.dump().size() : 0;
      longest[it.key()] = std::max(longest[it.key()], n);
    }
  std::ostringstream o;
  o << "Shapefile field names are cut to 10 characters. Short name, then the full name used by the GeoJSON,\n"
       "GeoPackage and other exports. Lists and objects are JSON text; text over 254 bytes is cut (marked).\n\n";
  for (size_t i = 0; i < asked.size() && i < written.size(); ++i) {
    o << written[i] << "\t" << asked[i].name;
    if (longest[asked[i].name] > kDbfStringLimit)
      o << "\t(values cut at 254 bytes; longest " << longest[asked[i].name] << ")";
    o << "\n";
  }
  const std::filesystem::path p(shp);
  write_file_atomic((p.parent_path() / (p.stem().string() + ".fields.txt")).string(), o.str());
}

}  // namespace

VectorFormat shapefile_format() {
  VectorFormat f;
  f.name = "shp";
  f.title = "ESRI Shapefile";
  f.extensions = {".shp"};
  f.driver = "ESRI Shapefile";
  f.layer_options = {"ENCODING=UTF-8"};
  f.sidecars = {".shx", ".dbf", ".prj", ".cpg"};
  f.after = write_field_note;
  return f;
}

}  // namespace histmap
