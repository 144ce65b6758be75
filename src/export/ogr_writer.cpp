#include "export/ogr_writer.hpp"

#include <cstdio>
#include <filesystem>
#include <functional>
#include <map>

#include <ogr_spatialref.h>

#include "util/atomic_file.hpp"

namespace histmap {
namespace fs = std::filesystem;
using json = nlohmann::ordered_json;

namespace {

bool is_date_field(const std::string& name) {
  auto ends = [&](const std::string& s) {
    return name.size() >= s.size() && name.compare(name.size() - s.size(), s.size(), s) == 0;
  };
  return name == "date" || name == "valid_from" || name == "valid_to" || ends("_first") || ends("_last");
}

OgrField field_for(const std::string& name, const json& v) {
  if (is_date_field(name) && (v.is_string() || v.is_null())) return {name, OFTDate};
  if (v.is_boolean()) return {name, OFTInteger, OFSTBoolean};
  if (v.is_number_integer()) return {name, OFTInteger64};
  if (v.is_number()) return {name, OFTReal};
  return {name, OFTString};
}

std::string dump_compact(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::strict); }

void set_value(OGRFeature& f, int i, const json& v) {
  if (i < 0 || v.is_null()) return;
  OGRFieldType t = f.GetFieldDefnRef(i)->GetType();
  if (t == OFTDate) {
    std::string s = v.get<std::string>();
    int y, m, d;
    if (!s.empty() && std::sscanf(s.c_str(), "%d-%d-%d", &y, &m, &d) == 3) f.SetField(i, y, m, d);
  } else if (v.is_boolean()) {
    f.SetField(i, v.get<bool>() ? 1 : 0);
  } else if (v.is_number_integer()) {
    f.SetField(i, static_cast<GIntBig>(v.get<long long>()));
  } else if (v.is_number()) {
    f.SetField(i, v.get<double>());
  } else if (v.is_string()) {
    f.SetField(i, v.get<std::string>().c_str());
  } else {
    f.SetField(i, dump_compact(v).c_str());
  }
}

}  // namespace

std::vector<OgrField> infer_fields(const std::vector<json>& rows) {
  std::vector<OgrField> fields;
  std::map<std::string, size_t> index;
  std::vector<bool> typed;
  for (const auto& row : rows)
    for (auto it = row.begin(); it != row.end(); ++it) {
      auto [pos, added] = index.emplace(it.key(), fields.size());
      if (added) {
        fields.push_back(field_for(it.key(), it.value()));
        typed.push_back(!it.value().is_null());
      } else if (!typed[pos->second] && !it.value().is_null()) {
        fields[pos->second] = field_for(it.key(), it.value());
        typed[pos->second] = true;
      }
    }
  return fields;
}

OGRLayer* create_layer(GDALDataset& ds, const std::string& name, OGRwkbGeometryType type,
                       const std::vector<OgrField>& fields, Report& report, const std::string& path, char** options) {
  OGRSpatialReference srs;
  srs.SetWellKnownGeogCS("WGS84");
  srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  OGRLayer* layer = ds.CreateLayer(name.c_str(), type == wkbNone ? nullptr : &srs, type, options);
  if (!layer) {
    report.error(path, "cannot create layer " + name + ": " + CPLGetLastErrorMsg());
    return nullptr;
  }
  for (const auto& f : fields) {
    OGRFieldDefn fd(f.name.c_str(), f.type);
    fd.SetSubType(f.subtype);
    if (layer->CreateField(&fd) != OGRERR_NONE) {
      report.error(path, "cannot create field " + f.name + " in layer " + name + ": " + CPLGetLastErrorMsg());
      return nullptr;
    }
  }
  return layer;
}

bool write_features(OGRLayer* layer, const FeatureSet& set, Report& report, const std::string& path,
                    const std::vector<OgrField>& asked) {
  const bool transaction = layer->TestCapability(OLCTransactions) && layer->StartTransaction() == OGRERR_NONE;
  const OGRwkbGeometryType type = layer->GetGeomType();
  // A value finds its field by name; a name the driver shortened (Shapefile: 10 characters) by
  // position among the fields created last (KML puts its own Name/Description first).
  OGRFeatureDefn* defn = layer->GetLayerDefn();
  const int offset = defn->GetFieldCount() - static_cast<int>(asked.size());
  std::map<std::string, int> index;
  for (size_t k = 0; k < asked.size(); ++k) {
    const int by_name = defn->GetFieldIndex(asked[k].name.c_str());
    index[asked[k].name] = by_name >= 0 ? by_name : offset + static_cast<int>(k);
  }
  auto field_index = [&](const std::string& key) {
    auto it = index.find(key);
    return it != index.end() ? it->second : defn->GetFieldIndex(key.c_str());
  };
  for (size_t i = 0; i < set.properties.size(); ++i) {
    OGRFeature f(layer->GetLayerDefn());
    const auto& props = set.properties[i];
    for (auto it = props.begin(); it != props.end(); ++it) set_value(f, field_index(it.key()), it.value());
    if (i < set.geometries.size() && set.geometries[i])
      f.SetGeometryDirectly(OGRGeometryFactory::forceTo(set.geometries[i]->clone(), type));
    if (layer->CreateFeature(&f) != OGRERR_NONE) {
      report.error(path, std::string("writing feature ") + std::to_string(i + 1) + " of layer " + layer->GetName() +
                             " failed: " + CPLGetLastErrorMsg());
      return false;
    }
  }
  if (transaction && layer->CommitTransaction() != OGRERR_NONE) {
    report.error(path, std::string("writing layer ") + layer->GetName() + " failed: " + CPLGetLastErrorMsg());
    return false;
  }
  return true;
}

void with_dataset(const std::string& driver, const std::string& path, Report& report,
                  const std::function<void(GDALDataset&, const std::string&)>& fill, char** options) {
  std::string tmp = temp_path_or_report(path, report);
  if (tmp.empty()) return;
  GDALDriver* drv = GetGDALDriverManager()->GetDriverByName(driver.c_str());
  std::unique_ptr<GDALDataset> ds(drv ? drv->Create(tmp.c_str(), 0, 0, 0, GDT_Unknown, options) : nullptr);
  if (!ds) {
    report.error(path, "GDAL (" + driver + ") cannot create it: " + CPLGetLastErrorMsg());
    return;
  }
  fill(*ds, tmp);
  ds.reset();
  std::error_code ec;
  if (report.has_errors()) {
    fs::remove_all(tmp, ec);
    return;
  }
  try {
    if (fs::exists(path)) fs::remove_all(path, ec);
    commit_temp(tmp, path);
  } catch (const OutputError& e) {
    fs::remove_all(tmp, ec);
    report.error(path, e.what());
  }
}

}  // namespace histmap
