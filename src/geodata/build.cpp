#include "geodata/build.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <sstream>

#include <stdlib.h>

#include <gdal_priv.h>
#include <ogr_api.h>
#include <ogrsf_frmts.h>
#include <yaml-cpp/yaml.h>
#include <nlohmann/json.hpp>

#include "data/load.hpp"
#include "geodata/base_layers.hpp"
#include "geodata/geometry.hpp"
#include "geodata/io.hpp"
#include "geodata/report.hpp"
#include "model/atlas.hpp"
#include "util/atomic_file.hpp"
#include "util/subprocess.hpp"

namespace histmap {
namespace fs = std::filesystem;
using json = nlohmann::ordered_json;

namespace {

constexpr double kSliverKm2 = 0.01;  // fragments left by seam cuts are dropped below this
// Travels with pieces.geojson ("description") and regions.yaml (header): the licences require it.
constexpr const char* kAttribution =
    "Boundaries: geoBoundaries (Runfola et al. 2020, PLoS ONE 15(4): e0231866), CC BY-SA 3.0, CC BY 3.0 IGO and "
    "ODbL; Armenia administrative boundaries: Government of Armenia, OCHA ROCCA, via geoBoundaries (CC BY 3.0 IGO); "
    "(c) OpenStreetMap contributors (ODbL). See geodata/LICENSE.";

struct Dataset {
  const char* key;
  const char* path;  // under the sources folder
  const char* name_field;
  bool must_map_all;  // every district must appear in the crosswalk
  const char* label;
};
// Order = priority at seams: where two providers overlap, the earlier keeps the area.
const std::array<Dataset, 4> kDatasets = {{
    {"GEO", "geoboundaries/geoBoundaries-GEO-ADM2.geojson", "shapeName", true, "geoBoundaries GEO ADM2"},
    {"AZE", "geoboundaries/geoBoundaries-AZE-ADM2.geojson", "shapeName", true, "geoBoundaries AZE ADM2"},
    {"ARM", "geoboundaries/geoBoundaries-ARM-ADM2.geojson", "shapeName", true,
     "geoBoundaries ARM ADM2 (Government of Armenia, OCHA ROCCA; CC BY 3.0 IGO)"},
    {"TUR", "tr-geojson/tr-cities-utf8.json", "name", false, "Turkey provinces (OSM)"},
}};

struct BuiltPiece {
  std::string id, name, dataset, districts, uyezd, confidence, reason;
  std::vector<std::string> parts;
  GeometryPtr geom;
  int priority = 0;
};

// ---- the build's steps, in the order build_geodata runs them ----------------

using Districts = std::map<std::string, std::map<std::string, GeometryPtr>>;
using Pieces = std::map<std::string, BuiltPiece>;

// Everything read from the input folder, before anything is written.
struct Inputs {
  std::vector<Row> rows;
  std::map<std::string, GeometryPtr> masks;
  std::map<std::string, std::string> mask_notes;
  std::vector<HoleFill> fills;
  YAML::Node regions_in;  // regions.in.yaml
  std::vector<ReferenceArea> references;
};

// What the seam and gap steps removed and added, for REPORT.md.
struct Tally {
  double overlap_removed = 0, hole_area = 0;
  int holes_filled = 0;
};

// 0. The crosswalk, masks and fills, regions.in.yaml and the reference areas.
bool read_inputs(const std::string& in, Inputs& x, Report& report) {
  std::vector<std::string> dataset_keys;
  for (const auto& d : kDatasets) dataset_keys.push_back(d.key);
  x.rows = read_crosswalk(in + "/crosswalk.csv", dataset_keys, report);
  x.masks = read_masks(in + "/splits.yaml", x.mask_notes, report);
  x.fills = read_hole_fills(in + "/splits.yaml", report);
  for (const auto& f : x.fills) x.mask_notes[f.id] = f.note;
  try {
    x.regions_in = YAML::LoadFile(in + "/regions.in.yaml");
  } catch (const YAML::Exception& e) {
    report.error(in + "/regions.in.yaml", std::string("cannot read: ") + e.what());
    return false;
  }
  std::vector<std::string> uyezd_ids;
  for (const auto& r : x.regions_in["regions"])
    if (r["kind"].as<std::string>() == "uyezd") uyezd_ids.push_back(r["id"].as<std::string>());
  x.references = read_reference_areas(in + "/reference_areas.csv", uyezd_ids, report);
  return !report.has_errors();
}

// 1. Source districts, by dataset and name (several features of one name are one district).
Districts read_districts(const std::string& sources_dir, Report& report) {
  Districts districts;
  for (const auto& d : kDatasets) {
    auto ds = open_vector(sources_dir + "/" + d.path, report);
    if (!ds) continue;
    for (auto& f : *ds->GetLayer(0)) {
      std::string name = field(*f, d.name_field);
      GeometryPtr g = make_valid(clone(f->GetGeometryRef()));
      auto& slot = districts[d.key][name];
      slot = slot ? GeometryPtr(slot->Union(g.get())) : std::move(g);
    }
  }
  return districts;
}

// A crosswalk row's district, cut by the mask its `clip` names ("-mask": the rest);
// null when the mask is unknown (reported).
GeometryPtr clipped_district(const OGRGeometry* district, const Row& r, const std::map<std::string, GeometryPtr>& masks,
                             const std::string& at, Report& report) {
  GeometryPtr g = clone(district);
  if (r.clip.empty()) return g;
  bool minus = r.clip[0] == '-';
  std::string mid = minus ? r.clip.substr(1) : r.clip;
  auto mit = masks.find(mid);
  if (mit == masks.end()) {
    report.error(at, "clip mask '" + mid + "' is not in splits.yaml");
    return nullptr;
  }
  g.reset(minus ? g->Difference(mit->second.get()) : g->Intersection(mit->second.get()));
  return polygons_only(g.get(), kSliverKm2);
}

// A row's geometry joins its piece; the piece's first row names it.
void add_to_piece(BuiltPiece& p, const Row& r, GeometryPtr g, const std::string& at, Report& report) {
  if (p.geom) {
    if (p.uyezd != r.uyezd) report.error(at, "piece " + r.piece + " is given two uyezds");
    p.geom.reset(p.geom->Union(g.get()));
    p.districts += "; " + r.district;
    return;
  }
  p.id = r.piece;
  p.name = r.district + (r.clip.empty() ? "" : (r.clip[0] == '-' ? " (rest)" : " (" + r.clip + ")"));
  p.dataset = r.dataset;
  p.districts = r.district;
  p.uyezd = r.uyezd;
  p.parts = r.parts;
  p.confidence = r.confidence;
  p.reason = r.reason;
  p.geom = std::move(g);
  for (size_t i = 0; i < kDatasets.size(); ++i)
    if (r.dataset == kDatasets[i].key) p.priority = static_cast<int>(i);
}

// 2. Pieces from crosswalk rows; every district of a dataset that must be mapped needs a row.
Pieces make_pieces(const Inputs& x, const std::string& in, Districts& districts, Report& report) {
  Pieces pieces;
  std::set<std::pair<std::string, std::string>> used;
  for (const auto& r : x.rows) {
    std::string at = in + "/crosswalk.csv:" + std::to_string(r.line);
    auto dit = districts[r.dataset].find(r.district);
    if (dit == districts[r.dataset].end()) {
      report.error(at,
                   "district '" + r.district + "' is not in " + r.dataset + " (check the spelling of shapeName/name)");
      continue;
    }
    used.insert({r.dataset, r.district});
    GeometryPtr g = clipped_district(dit->second.get(), r, x.masks, at, report);
    if (!g) continue;
    add_to_piece(pieces[r.piece], r, std::move(g), at, report);
  }
  for (const auto& d : kDatasets)
    if (d.must_map_all)
      for (const auto& [name, g] : districts[d.key])
        if (!used.count({d.key, name}))
          report.error(in + "/crosswalk.csv", std::string(d.key) + " district '" + name + "' has no crosswalk row");
  return pieces;
}

// 3. Seams: a piece loses what earlier-priority pieces already cover. Returns the pieces in priority order.
std::vector<BuiltPiece*> resolve_seams(Pieces& pieces, Tally& tally) {
  std::vector<BuiltPiece*> order;
  for (auto& [id, p] : pieces) {
    p.geom = polygons_only(p.geom.get(), kSliverKm2);  // every piece a MultiPolygon from here on
    order.push_back(&p);
  }
  std::stable_sort(order.begin(), order.end(), [](const BuiltPiece* a, const BuiltPiece* b) {
    return std::tie(a->priority, a->id) < std::tie(b->priority, b->id);
  });
  for (size_t i = 0; i < order.size(); ++i) {
    OGREnvelope ei;
    order[i]->geom->getEnvelope(&ei);
    for (size_t j = 0; j < i; ++j) {
      OGREnvelope ej;
      order[j]->geom->getEnvelope(&ej);
      if (!ei.Intersects(ej) || !order[i]->geom->Intersects(order[j]->geom.get())) continue;
      GeometryPtr inter(order[i]->geom->Intersection(order[j]->geom.get()));
      double a = inter ? area_km2(*inter) : 0;
      if (a <= 0) continue;
      tally.overlap_removed += a;
      GeometryPtr diff(order[i]->geom->Difference(order[j]->geom.get()));
      order[i]->geom = polygons_only(diff.get(), kSliverKm2);
    }
  }
  return order;
}

// The piece a hole goes to: the one a fill names, else the neighbour that borders it most.
BuiltPiece* hole_owner(const OGRPolygon& hole, const std::vector<BuiltPiece*>& order, Pieces& pieces,
                       const std::vector<HoleFill>& fills, std::set<std::string>& fills_used, const std::string& in,
                       Report& report) {
  GeometryPtr near(hole.Buffer(0.002));
  BuiltPiece* best = nullptr;
  double best_area = 0;
  for (auto* p : order) {
    if (!p->geom->Intersects(near.get())) continue;
    GeometryPtr x(p->geom->Intersection(near.get()));
    double a = x ? area_km2(*x) : 0;
    if (a > best_area) best_area = a, best = p;
  }
  for (const auto& f : fills) {
    OGRPoint at(f.lon, f.lat);
    if (!hole.Contains(&at)) continue;
    if (!pieces[f.piece].geom->Intersects(near.get()))
      report.error(in + "/splits.yaml:" + std::to_string(f.line),
                   "fill " + f.id + ": piece " + f.piece + " does not border the hole");
    best = &pieces[f.piece];
    fills_used.insert(f.id);
  }
  return best;
}

// 4. Gaps: holes in the union of the pieces go to their owners; every fill must find its hole.
bool fill_gaps(Pieces& pieces, const std::vector<BuiltPiece*>& order, const std::vector<HoleFill>& fills,
               const std::string& in, Tally& tally, Report& report) {
  for (const auto& f : fills)
    if (!pieces.count(f.piece))
      report.error(in + "/splits.yaml:" + std::to_string(f.line),
                   "fill " + f.id + ": piece '" + f.piece + "' is not in the crosswalk");
  if (report.has_errors()) return false;
  std::set<std::string> fills_used;
  OGRMultiPolygon all;
  for (auto* p : order)
    for (const auto* poly : *p->geom->toMultiPolygon()) all.addGeometry(poly);
  GeometryPtr u(all.UnionCascaded());
  GeometryPtr parts = polygons_only(u.get(), 0);
  for (const auto* poly : *parts->toMultiPolygon())
    for (int r = 0; r < poly->getNumInteriorRings(); ++r) {
      OGRPolygon hole;
      hole.addRingDirectly(poly->getInteriorRing(r)->clone());
      BuiltPiece* best = hole_owner(hole, order, pieces, fills, fills_used, in, report);
      if (!best) continue;
      GeometryPtr merged(best->geom->Union(&hole));
      best->geom = polygons_only(merged.get(), 0);
      ++tally.holes_filled;
      tally.hole_area += area_km2(hole);
    }
  for (const auto& f : fills)
    if (!fills_used.count(f.id))
      report.error(in + "/splits.yaml:" + std::to_string(f.line), "fill " + f.id + ": no hole contains the point [" +
                                                                      std::to_string(f.lon) + ", " +
                                                                      std::to_string(f.lat) + "]");
  return !report.has_errors();
}

// 6. pieces.geojson (sorted by id for stable diffs).
void write_pieces(const Pieces& pieces, const std::string& out) {
  std::vector<std::pair<json, const OGRGeometry*>> feats;
  for (const auto& [id, p] : pieces) {
    json props;
    props["id"] = p.id;
    props["name"] = p.name;
    props["uyezd"] = p.uyezd;
    props["dataset"] = p.dataset;
    props["districts"] = p.districts;
    props["confidence"] = p.confidence;
    feats.emplace_back(props, p.geom.get());
  }
  fs::create_directories(out + "/base");
  write_geojson_layer(out + "/pieces.geojson", "pieces", feats, wkbMultiPolygon, 6, kAttribution);
}

// One region of regions.yaml: regions.in.yaml's entry with the pieces the crosswalk gives it.
void write_region_entry(std::ostringstream& y, const YAML::Node& r, const std::vector<std::string>* pieces) {
  y << "  - id: " << r["id"].as<std::string>() << "\n    kind: " << r["kind"].as<std::string>() << "\n";
  if (r["unit"]) y << "    unit: " << r["unit"].as<std::string>() << "\n";
  if (r["parent"]) y << "    parent: " << r["parent"].as<std::string>() << "\n";
  y << "    names: {";
  bool first = true;
  for (const char* lang : {"en", "ru", "az", "hy", "ka", "tr"})
    if (r["names"][lang]) {
      y << (first ? "" : ", ") << lang << ": " << q(r["names"][lang].as<std::string>());
      first = false;
    }
  y << "}\n";
  if (r["includes"]) {
    y << "    includes: [";
    bool f2 = true;
    for (const auto& inc : r["includes"]) y << (f2 ? "" : ", ") << inc.as<std::string>(), f2 = false;
    y << "]\n";
  }
  if (pieces) {
    y << "    pieces: [";
    bool f2 = true;
    for (const auto& pid : *pieces) y << (f2 ? "" : ", ") << pid, f2 = false;
    y << "]\n";
  }
  if (r["note"]) y << "    note: " << q(r["note"].as<std::string>()) << "\n";
}

// 7. regions.yaml from regions.in.yaml plus the crosswalk's uyezds and parts; `members`: region -> piece ids.
bool write_regions(const YAML::Node& regions_in, const Pieces& pieces, const std::string& in, const std::string& out,
                   std::map<std::string, std::vector<std::string>>& members, Report& report) {
  for (const auto& [id, p] : pieces) {
    members[p.uyezd].push_back(id);
    for (const auto& part : p.parts) members[part].push_back(id);
  }
  std::set<std::string> defined;
  std::ostringstream y;
  y << "# Generated by `histmap geodata build` from source/regions.in.yaml and source/crosswalk.csv.\n"
       "# Edit those files and rebuild; do not edit this one.\n# "
    << kAttribution
    << "\n"
       "regions:\n";
  for (const auto& r : regions_in["regions"]) {
    std::string id = r["id"].as<std::string>();
    defined.insert(id);
    write_region_entry(y, r, members.count(id) ? &members[id] : nullptr);
  }
  for (const auto& [id, ps] : members)
    if (!defined.count(id))
      report.error(in + "/crosswalk.csv",
                   "uyezd or part '" + id + "' is used by pieces but not defined in regions.in.yaml");
  if (report.has_errors()) return false;
  write_file_atomic(out + "/regions.yaml", y.str());
  return true;
}

// 8. places.geojson from places.csv.
bool write_places(const std::string& in, const std::string& out, Report& report) {
  auto ds = open_vector(in + "/places.csv", report);
  if (!ds) return false;
  json fc;
  fc["type"] = "FeatureCollection";
  fc["features"] = json::array();
  for (auto& f : *ds->GetLayer(0)) {
    json props;
    props["id"] = field(*f, "id");
    props["seat_of"] = split_words(field(*f, "seat_of"), ' ');
    for (const char* lang : {"en", "ru", "az", "hy", "ka"}) props[std::string("name_") + lang] = field(*f, lang);
    props["basis"] = field(*f, "basis");
    double lon = std::stod(field(*f, "lon")), lat = std::stod(field(*f, "lat"));
    fc["features"].push_back(
        {{"type", "Feature"}, {"properties", props}, {"geometry", {{"type", "Point"}, {"coordinates", {lon, lat}}}}});
  }
  std::string text;
  text = "{\"type\": \"FeatureCollection\", \"features\": [\n";
  for (size_t i = 0; i < fc["features"].size(); ++i)
    text += fc["features"][i].dump(-1, ' ', false) + (i + 1 < fc["features"].size() ? ",\n" : "\n");
  text += "]}\n";
  write_file_atomic(out + "/places.geojson", text);
  return true;
}

// 9. Base layers (water, rivers, countries) through gmt; the water bodies, for REPORT.md.
bool write_base_layers(const std::string& out, std::vector<WaterBody>& water, Report& report) {
  std::string tmpdir = out + "/base/.build-tmp";
  fs::create_directories(tmpdir);
  water = build_water(tmpdir, report);
  GeometryPtr rivers = build_rivers(report);
  std::vector<std::pair<std::string, GeometryPtr>> countries = build_countries(report);
  fs::remove_all(tmpdir);
  if (report.has_errors()) return false;
  std::vector<std::pair<json, const OGRGeometry*>> wf;
  for (const auto& w : water) wf.emplace_back(json{{"kind", w.kind}, {"name", w.name}}, w.geom.get());
  write_geojson_layer(out + "/base/water.geojson", "water", wf, wkbMultiPolygon, 4);
  write_geojson_layer(out + "/base/rivers.geojson", "rivers", {{json{{"kind", "river"}}, rivers.get()}},
                      wkbMultiLineString, 4);
  std::vector<std::pair<json, const OGRGeometry*>> cf;
  for (const auto& [code, g] : countries) cf.emplace_back(json{{"iso2", code}}, g.get());
  write_geojson_layer(out + "/base/countries.geojson", "countries", cf, wkbMultiPolygon, 4);
  return true;
}

// 10. REPORT.md.
void write_report(const Inputs& x, const Pieces& pieces, const Tally& tally, bool base_layers,
                  std::map<std::string, std::vector<std::string>>& members, const std::vector<WaterBody>& water,
                  const std::string& out) {
  GeodataSummary summary;
  summary.overlap_removed_km2 = tally.overlap_removed;
  summary.holes_km2 = tally.hole_area;
  summary.holes_filled = tally.holes_filled;
  summary.mask_notes = x.mask_notes;
  summary.base_layers = base_layers;
  for (const auto& [id, p] : pieces)
    summary.pieces.push_back({p.id, p.name, p.districts, p.uyezd, p.confidence, p.reason, p.parts, area_km2(*p.geom)});
  for (const auto& r : x.regions_in["regions"]) {
    std::string id = r["id"].as<std::string>();
    summary.regions.push_back({id, r["kind"].as<std::string>(), r["names"]["en"].as<std::string>(), members[id]});
  }
  for (const auto& w : water)
    if (!w.name.empty()) summary.named_water.emplace_back(w.name + " (" + w.kind + ")", area_km2(*w.geom));
  write_file_atomic(out + "/REPORT.md", geodata_report_markdown(summary, x.references));
}

}  // namespace

void build_geodata(const GeodataBuildOptions& o, Report& report) {
  GDALAllRegister();
  const std::string in = o.input_dir, out = o.out_dir;
  Inputs x;
  if (!read_inputs(in, x, report)) return;
  Districts districts = read_districts(o.sources_dir, report);
  if (report.has_errors()) return;
  Pieces pieces = make_pieces(x, in, districts, report);
  if (report.has_errors()) return;
  Tally tally;
  const std::vector<BuiltPiece*> order = resolve_seams(pieces, tally);
  if (!fill_gaps(pieces, order, x.fills, in, tally, report)) return;
  // 5. Snap to the output grid here, and repair what snapping breaks, so the file
  //    holds exactly the geometry that was checked (no rounding by the writer).
  for (auto* p : order) p->geom = snap_to_grid(std::move(p->geom), 1e-5, kSliverKm2);
  write_pieces(pieces, out);
  std::map<std::string, std::vector<std::string>> members;
  if (!write_regions(x.regions_in, pieces, in, out, members, report)) return;
  if (!write_places(in, out, report)) return;
  std::vector<WaterBody> water;
  if (o.base_layers && !write_base_layers(out, water, report)) return;
  write_report(x, pieces, tally, o.base_layers, members, water, out);
}

}  // namespace histmap
