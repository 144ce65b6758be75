// The one OGR writer every vector export goes through: features as JSON
// properties plus a geometry, a field schema read off the values, and a
// dataset written to a temporary path and renamed.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>
#include <nlohmann/json.hpp>

#include "data/report.hpp"
#include "model/atlas.hpp"

namespace histmap {

struct OgrField {
  std::string name;
  OGRFieldType type;
  OGRFieldSubType subtype = OFSTNone;
};

// Features of one layer: properties[i] goes with geometries[i] (may be null).
struct FeatureSet {
  std::vector<nlohmann::ordered_json> properties;
  std::vector<GeometryPtr> geometries;
};

// Fields in order of first appearance; the type from the first non-null value:
// booleans Boolean, integers Integer, numbers Real, valid_from/valid_to/date and
// *_first/*_last Date, everything else (lists and objects as JSON text) String.
std::vector<OgrField> infer_fields(const std::vector<nlohmann::ordered_json>& rows);

OGRLayer* create_layer(GDALDataset& ds, const std::string& name, OGRwkbGeometryType type,
                       const std::vector<OgrField>& fields, Report& report, const std::string& path,
                       char** options = nullptr);

// Writes the features (geometry forced to the layer's type) in one transaction where the driver
// has them. With `asked` (the fields the layer was created with, in order), values find their
// field by position, so a name the driver shortened still gets its value.
bool write_features(OGRLayer* layer, const FeatureSet& set, Report& report, const std::string& path,
                    const std::vector<OgrField>& asked = {});

// Creates the dataset with `driver` at a temporary path beside `path`, lets `fill` write
// it, then renames it into place; nothing is left behind on error. `fill` gets the temp path.
void with_dataset(const std::string& driver, const std::string& path, Report& report,
                  const std::function<void(GDALDataset&, const std::string&)>& fill, char** options = nullptr);

}  // namespace histmap
