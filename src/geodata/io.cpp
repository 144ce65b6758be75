#include "geodata/io.hpp"

#include <algorithm>
#include <sstream>

#include <ogr_api.h>
#include <yaml-cpp/yaml.h>

#include "util/atomic_file.hpp"

namespace histmap {
using json = nlohmann::ordered_json;

std::vector<std::string> split_words(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::string cur;
  std::istringstream in(s);
  while (std::getline(in, cur, sep))
    if (!cur.empty()) out.push_back(cur);
  return out;
}

std::unique_ptr<GDALDataset> open_vector(const std::string& path, Report& report) {
  CPLErrorReset();
  std::unique_ptr<GDALDataset> ds(
      GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
  if (!ds || ds->GetLayerCount() < 1)
    report.error(path, std::string("cannot be opened as a vector file: ") +
                           (CPLGetLastErrorMsg()[0] ? CPLGetLastErrorMsg() : "missing or unreadable"));
  return ds;
}

std::string field(OGRFeature& f, const char* name) {
  int i = f.GetFieldIndex(name);
  return i >= 0 && f.IsFieldSetAndNotNull(i) ? f.GetFieldAsString(i) : "";
}

std::vector<Row> read_crosswalk(const std::string& path, const std::vector<std::string>& datasets, Report& report) {
  std::vector<Row> rows;
  auto ds = open_vector(path, report);
  if (!ds) return rows;
  OGRLayer* layer = ds->GetLayer(0);
  for (const char* col : {"dataset", "district", "clip", "piece", "uyezd", "parts", "confidence", "reason"})
    if (layer->GetLayerDefn()->GetFieldIndex(col) < 0) report.error(path, std::string("has no column '") + col + "'");
  if (report.has_errors()) return rows;
  int line = 1;
  for (auto& f : *layer) {
    ++line;
    Row r;
    r.line = line;
    r.dataset = field(*f, "dataset");
    r.district = field(*f, "district");
    r.clip = field(*f, "clip");
    r.piece = field(*f, "piece");
    r.uyezd = field(*f, "uyezd");
    r.parts = split_words(field(*f, "parts"), ' ');
    r.confidence = field(*f, "confidence");
    r.reason = field(*f, "reason");
    std::string at = path + ":" + std::to_string(line);
    if (r.piece.empty() || r.uyezd.empty() || r.district.empty())
      report.error(at, "needs dataset, district, piece and uyezd");
    if (r.confidence != "high" && r.confidence != "medium" && r.confidence != "low")
      report.error(at, "confidence '" + r.confidence + "' is not high, medium or low");
    if (std::find(datasets.begin(), datasets.end(), r.dataset) == datasets.end())
      report.error(at, "dataset '" + r.dataset + "' is not GEO, AZE, ARM or TUR");
    rows.push_back(r);
  }
  return rows;
}

std::map<std::string, GeometryPtr> read_masks(const std::string& path, std::map<std::string, std::string>& notes,
                                              Report& report) {
  std::map<std::string, GeometryPtr> masks;
  YAML::Node doc;
  try {
    doc = YAML::LoadFile(path);
  } catch (const YAML::Exception& e) {
    report.error(path, std::string("cannot read: ") + e.what());
    return masks;
  }
  for (const auto& m : doc["masks"]) {
    std::string id = m["id"].as<std::string>();
    auto ring = new OGRLinearRing();
    for (const auto& pt : m["polygon"]) ring->addPoint(pt[0].as<double>(), pt[1].as<double>());
    ring->closeRings();
    auto poly = new OGRPolygon();
    poly->addRingDirectly(ring);
    if (!poly->IsValid())
      report.error(path + ":" + std::to_string(m.Mark().line + 1), "mask " + id + " is not a valid polygon");
    masks[id] = GeometryPtr(poly);
    notes[id] = m["note"] ? m["note"].as<std::string>() : "";
  }
  return masks;
}

std::vector<HoleFill> read_hole_fills(const std::string& path, Report& report) {
  std::vector<HoleFill> out;
  YAML::Node doc;
  try {
    doc = YAML::LoadFile(path);
  } catch (const YAML::Exception& e) {
    report.error(path, std::string("cannot read: ") + e.what());
    return out;
  }
  for (const auto& f : doc["fills"]) {
    HoleFill h;
    h.line = f.Mark().line + 1;
    if (!f["id"] || !f["piece"] || !f["point"] || f["point"].size() != 2) {
      report.error(path + ":" + std::to_string(h.line), "a fill needs id, piece and point: [lon, lat] inside the hole");
      continue;
    }
    h.id = f["id"].as<std::string>();
    h.piece = f["piece"].as<std::string>();
    h.lon = f["point"][0].as<double>();
    h.lat = f["point"][1].as<double>();
    h.note = f["note"] ? f["note"].as<std::string>() : "";
    out.push_back(h);
  }
  return out;
}

std::string q(const std::string& s) { return json(s).dump(); }  // a double-quoted YAML/JSON string

void write_geojson_layer(const std::string& path, const std::string& layer_name,
                         const std::vector<std::pair<json, const OGRGeometry*>>& features, OGRwkbGeometryType type,
                         int precision, const std::string& description) {
  std::string tmp = temp_path_for(path);
  GDALDriver* drv = GetGDALDriverManager()->GetDriverByName("GeoJSON");
  std::unique_ptr<GDALDataset> ds(drv->Create(tmp.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
  if (!ds) throw OutputError(path + ": GDAL cannot create it");
  OGRSpatialReference wgs;
  wgs.SetWellKnownGeogCS("WGS84");
  wgs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  std::string prec = std::to_string(precision);
  const char* opts[] = {"RFC7946=YES", nullptr, nullptr, nullptr};
  std::string p = "COORDINATE_PRECISION=" + prec, d = "DESCRIPTION=" + description;
  opts[1] = p.c_str();
  if (!description.empty()) opts[2] = d.c_str();  // a "description" member: the attribution travels with the file
  OGRLayer* layer = ds->CreateLayer(layer_name.c_str(), &wgs, type, const_cast<char**>(opts));
  // Fields from the first feature's keys (all features share them).
  if (!features.empty())
    for (auto it = features.front().first.begin(); it != features.front().first.end(); ++it) {
      OGRFieldDefn fd(it.key().c_str(), it.value().is_number_float() ? OFTReal : OFTString);
      layer->CreateField(&fd);
    }
  for (const auto& [props, geom] : features) {
    OGRFeature f(layer->GetLayerDefn());
    for (auto it = props.begin(); it != props.end(); ++it) {
      if (it.value().is_null()) continue;
      if (it.value().is_number_float()) f.SetField(it.key().c_str(), it.value().get<double>());
      else
        f.SetField(it.key().c_str(),
                   it.value().is_string() ? it.value().get<std::string>().c_str() : it.value().dump().c_str());
    }
    f.SetGeometry(geom);
    if (layer->CreateFeature(&f) != OGRERR_NONE) throw OutputError(path + ": writing a feature failed");
  }
  ds.reset();  // flush and close before the rename
  commit_temp(tmp, path);
}

}  // namespace histmap
