#include "export/vector_formats.hpp"

#include <algorithm>
#include <filesystem>

#include <cpl_string.h>

#include "export/export.hpp"
#include "util/atomic_file.hpp"

namespace histmap {
namespace fs = std::filesystem;

namespace {

std::string lower_extension(const std::string& path) {
  std::string e = fs::path(path).extension().string();
  for (auto& c : e) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return e;
}

CPLStringList options(const std::vector<std::string>& v) {
  CPLStringList o;
  for (const auto& s : v) o.AddString(s.c_str());
  return o;
}

// The sibling files a driver wrote for `tmp` (e.g. .dbf beside .shp), moved to `path`'s name.
void commit_sidecars(const std::string& tmp, const std::string& path, const std::vector<std::string>& sidecars) {
  for (const auto& ext : sidecars) {
    const std::string from = fs::path(tmp).replace_extension(ext).string();
    if (fs::exists(from)) commit_temp(from, fs::path(path).replace_extension(ext).string());
  }
}

}  // namespace

const std::vector<VectorFormat>& vector_formats() {
  static const std::vector<VectorFormat> all = {geojson_format(),   gpkg_format(), flatgeobuf_format(),
                                                shapefile_format(), csv_format(),  kml_format()};
  return all;
}

const VectorFormat* find_vector_format(const std::string& path, const std::string& format_name) {
  const std::string ext = lower_extension(path);
  for (const auto& f : vector_formats()) {
    if (!format_name.empty() ? f.name == format_name
                             : std::find(f.extensions.begin(), f.extensions.end(), ext) != f.extensions.end())
      return &f;
  }
  return nullptr;
}

std::string vector_format_list() {
  std::string out;
  for (const auto& f : vector_formats()) {
    out += (out.empty() ? "" : ", ") + f.name + " (";
    for (size_t i = 0; i < f.extensions.size(); ++i) out += (i ? ", " : "") + f.extensions[i];
    out += ")";
  }
  return out;
}

void write_vector(const FeatureSet& set, const std::string& path, const VectorFormat& format, const std::string& layer,
                  Report& report) {
  if (format.driver.empty()) {
    try {
      write_file_atomic(path, geojson_text(set), true);
    } catch (const OutputError& e) {
      report.error(path, e.what());
    }
    return;
  }
  // Shapefile's DBF header holds a date of last update; a fixed one keeps output byte-identical.
  CPLSetConfigOption("DBF_DATE_LAST_UPDATE", "2000-01-01");
  const std::vector<OgrField> fields = infer_fields(set.properties);
  std::vector<std::string> written;
  CPLStringList dataset_options = options(format.dataset_options);
  std::string tmp_used;
  with_dataset(
      format.driver, path, report,
      [&](GDALDataset& ds, const std::string& tmp) {
        tmp_used = tmp;
        CPLStringList layer_options = options(format.layer_options);
        OGRLayer* l = create_layer(ds, layer, wkbMultiPolygon, fields, report, tmp, layer_options.List());
        if (!l || !write_features(l, set, report, tmp, fields)) return;
        for (int i = 0; i < l->GetLayerDefn()->GetFieldCount(); ++i)
          written.push_back(l->GetLayerDefn()->GetFieldDefn(i)->GetNameRef());
      },
      dataset_options.List());
  if (report.has_errors()) {
    for (const auto& ext : format.sidecars) {
      std::error_code ec;
      fs::remove(fs::path(tmp_used).replace_extension(ext), ec);
    }
    return;
  }
  try {
    commit_sidecars(tmp_used, path, format.sidecars);
    if (format.after) format.after(path, fields, written, set);
  } catch (const OutputError& e) {
    report.error(path, e.what());
  }
}

}  // namespace histmap
