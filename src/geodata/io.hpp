// Inputs and outputs of the geodata build: the crosswalk and split masks it reads,
// and the GeoJSON layers it writes (RFC 7946, fixed precision, temp file then rename).
#pragma once

#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>
#include <nlohmann/json.hpp>

#include "data/report.hpp"
#include "model/atlas.hpp"

namespace histmap {

// One row of source/crosswalk.csv: a modern district (or its part) and the uyezd it lay in.
struct Row {
  std::string dataset, district, clip, piece, uyezd, confidence, reason;
  std::vector<std::string> parts;
  int line = 0;
};

std::vector<std::string> split_words(const std::string& s, char sep);
std::unique_ptr<GDALDataset> open_vector(const std::string& path, Report& report);
std::string field(OGRFeature& f, const char* name);  // "" when unset

// `datasets`: the keys a row may name (GEO, AZE, ARM, TUR).
std::vector<Row> read_crosswalk(const std::string& path, const std::vector<std::string>& datasets, Report& report);
std::map<std::string, GeometryPtr> read_masks(const std::string& path, std::map<std::string, std::string>& notes,
                                              Report& report);

// A hole in the union of pieces (a lake the district layer leaves out) that goes to a
// named piece rather than to the neighbour with the longest shore: splits.yaml `fills`.
struct HoleFill {
  std::string id, piece, note;
  double lon = 0, lat = 0;  // a point inside the hole
  int line = 0;
};
std::vector<HoleFill> read_hole_fills(const std::string& path, Report& report);

std::string q(const std::string& s);  // a double-quoted YAML/JSON string

// `description` (optional) becomes the collection's "description" member.
void write_geojson_layer(const std::string& path, const std::string& layer_name,
                         const std::vector<std::pair<nlohmann::ordered_json, const OGRGeometry*>>& features,
                         OGRwkbGeometryType type, int precision, const std::string& description = "");

}  // namespace histmap
