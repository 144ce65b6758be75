// Vector formats by file extension, each a small description over the one
// OGR writer (ogr_writer.hpp). GeoJSON alone is written as text, keeping
// lists and objects as JSON; every other format flattens them to JSON text.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "export/ogr_writer.hpp"

namespace histmap {

struct VectorFormat {
  std::string name;                     // what --format takes, e.g. "gpkg"
  std::string title;                    // "GeoPackage"
  std::vector<std::string> extensions;  // ".gpkg"
  std::string driver;                   // GDAL driver; empty: GeoJSON text
  std::vector<std::string> layer_options;
  std::vector<std::string> dataset_options;
  std::vector<std::string> sidecars;  // further files the driver writes beside the main one (".shx", ...)
  // Called after the dataset is written (at the temporary path) with the fields asked for and the
  // fields as the driver named them; may write notes beside `final_path`.
  std::function<void(const std::string& final_path, const std::vector<OgrField>& asked,
                     const std::vector<std::string>& written, const FeatureSet& set)>
      after;
};

VectorFormat geojson_format();
VectorFormat gpkg_format();
VectorFormat flatgeobuf_format();
VectorFormat shapefile_format();
VectorFormat csv_format();
VectorFormat kml_format();

const std::vector<VectorFormat>& vector_formats();

// The format named by --format, or else by the path's extension; null if none fits.
const VectorFormat* find_vector_format(const std::string& path, const std::string& format_name);

// "geojson (.geojson, .json), gpkg (.gpkg), ..." for error messages.
std::string vector_format_list();

// Writes one layer named `layer` to `path` atomically (all sidecar files too).
void write_vector(const FeatureSet& set, const std::string& path, const VectorFormat& format, const std::string& layer,
                  Report& report);

}  // namespace histmap
