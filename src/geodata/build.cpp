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
#include <nlohmann/json.hpp>
#include <ogr_api.h>
#include <ogrsf_frmts.h>
#include <yaml-cpp/yaml.h>

#include "geodata/geometry.hpp"
#include "geodata/io.hpp"
#include "geodata/report.hpp"
#include "data/load.hpp"
#include "model/atlas.hpp"
#include "util/atomic_file.hpp"
#include "util/subprocess.hpp"

namespace histmap {
namespace fs = std::filesystem;
using json = nlohmann::ordered_json;

namespace {

// The map area: the South Caucasus with Kars oblast, north-west Persia and the
// Caspian and Black Sea shores around it.
constexpr double kWest = 38.0, kEast = 51.5, kSouth = 36.5, kNorth = 44.5;
constexpr double kSliverKm2 = 0.01;   // fragments left by seam cuts are dropped below this
constexpr double kMinLakeKm2 = 30.0;  // smaller lakes and reservoirs are left out of the base layer
// Travels with pieces.geojson ("description") and regions.yaml (header): the licences require it.
constexpr const char* kAttribution =
    "Boundaries: geoBoundaries (Runfola et al. 2020, PLoS ONE 15(4): e0231866), CC BY-SA 3.0, CC BY 3.0 IGO and "
    "ODbL; Armenia administrative boundaries: Government of Armenia, OCHA ROCCA, via geoBoundaries (CC BY 3.0 IGO); "
    "(c) OpenStreetMap contributors (ODbL). See geodata/LICENSE.";

struct Dataset {
  const char* key;
  const char* path;        // under the sources folder
  const char* name_field;
  bool must_map_all;       // every district must appear in the crosswalk
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

GeometryPtr bbox_polygon(double w, double e, double s, double n) {
  auto ring = new OGRLinearRing();
  ring->addPoint(w, s);
  ring->addPoint(e, s);
  ring->addPoint(e, n);
  ring->addPoint(w, n);
  ring->addPoint(w, s);
  auto poly = new OGRPolygon();
  poly->addRingDirectly(ring);
  return GeometryPtr(poly);
}

// ---- gmt base layers -----------------------------------------------------

// Runs gmt with these arguments, without a shell, in a throwaway working folder
// (gmt leaves gmt.history where it runs; it must not land in the repository).
std::string run_gmt(std::vector<std::string> args, Report& report) {
  args.insert(args.begin(), "gmt");
  std::error_code ec;
  std::string work = (fs::temp_directory_path(ec) / "histmap-gmt-XXXXXX").string();
  if (ec || !mkdtemp(work.data())) {
    report.error("gmt", "cannot make a temporary working folder (" + (ec ? ec.message() : std::string("mkdtemp failed")) + ")");
    return {};
  }
  ProgramRun run = run_program(args, work);
  fs::remove_all(work, ec);
  if (!run.ok) {
    std::string cmd;
    for (const auto& a : args) cmd += (cmd.empty() ? "" : " ") + a;
    report.error("gmt", "'" + cmd + "' failed: " + run.error +
                            "; install gmt, gmt-gshhg-high and gmt-dcw (scripts/install-deps.sh)");
  }
  return run.out;
}

struct Segment {
  std::string header;
  std::vector<std::pair<double, double>> pts;
};

std::vector<Segment> parse_multisegment(const std::string& text) {
  std::vector<Segment> segs;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    if (line[0] == '>') {
      segs.push_back({line, {}});
      continue;
    }
    if (segs.empty()) segs.push_back({"", {}});
    double x, y;
    // Bin pieces of one shoreline meet at bin edges; snapping to 1e-6° (0.1 m) makes
    // their shared end points equal so the lines node and close into polygons.
    if (std::sscanf(line.c_str(), "%lf %lf", &x, &y) == 2)
      segs.back().pts.emplace_back(std::round(x * 1e6) / 1e6, std::round(y * 1e6) / 1e6);
  }
  return segs;
}

std::string region_arg() {
  char buf[64];
  std::snprintf(buf, sizeof buf, "-R%g/%g/%g/%g", kWest, kEast, kSouth, kNorth);
  return buf;
}

struct WaterBody {
  std::string kind;  // sea | lake
  std::string name;
  GeometryPtr geom;
};

// Shorelines (GSHHG high resolution) noded with the frame, polygonized, and each
// face classified as ocean, land or lake by gmt select at an interior point.
std::vector<WaterBody> build_water(const std::string& tmpdir, Report& report) {
  std::vector<WaterBody> out;
  std::string shore = run_gmt({"coast", region_arg(), "-Dh", "-W", "-M"}, report);
  if (report.has_errors()) return out;
  OGRMultiLineString lines;
  for (const auto& s : parse_multisegment(shore)) {
    if (s.pts.size() < 2) continue;
    OGRLineString ls;
    for (auto [x, y] : s.pts) ls.addPoint(x, y);
    lines.addGeometry(&ls);
  }
  // Union with the frame's outline nodes every segment (GEOS splits lines where they meet).
  GeometryPtr frame = bbox_polygon(kWest, kEast, kSouth, kNorth);
  OGRLineString outline;
  for (const auto& pt : *frame->toPolygon()->getExteriorRing()) outline.addPoint(pt.getX(), pt.getY());
  GeometryPtr noded(lines.Union(&outline));
  GeometryPtr faces(noded ? noded->Polygonize() : nullptr);
  if (!faces) {
    report.error("gmt", "could not build water polygons from the GSHHG shorelines");
    return out;
  }
  std::vector<GeometryPtr> polys;
  for (const auto* g : *faces->toGeometryCollection()) polys.emplace_back(g->clone());
  std::string pts_file = (fs::absolute(tmpdir) / "faces.txt").string();  // gmt runs elsewhere
  {
    std::ofstream f(pts_file);
    f.precision(10);
    for (size_t i = 0; i < polys.size(); ++i) {
      // A point inside the face (GEOS), through the C API that computes it.
      GeometryPtr p(OGRGeometry::FromHandle(OGR_G_PointOnSurface(OGRGeometry::ToHandle(polys[i].get()))));
      if (!p) continue;
      f << p->toPoint()->getX() << " " << p->toPoint()->getY() << " " << i << "\n";
    }
  }
  auto classify = [&](const char* keep) {
    std::set<size_t> ids;
    std::string kept = run_gmt({"select", pts_file, "-Dh", std::string("-N") + keep}, report);
    std::istringstream in(kept);
    double x, y;
    size_t i;
    while (in >> x >> y >> i) ids.insert(i);
    return ids;
  };
  auto ocean = classify("k/s/s/s/s");
  auto lake = classify("s/s/k/s/k");
  // Names by a point known to lie in each body.
  struct Known {
    const char* name;
    double x, y;
  };
  const Known known[] = {{"Black Sea", 40.5, 42.5},   {"Caspian Sea", 50.6, 40.0}, {"Lake Sevan", 45.3, 40.35},
                         {"Lake Urmia", 45.45, 37.55}, {"Lake Van", 43.0, 38.6},    {"Mingachevir Reservoir", 46.9, 40.85}};
  OGRMultiPolygon sea, lakes;
  for (size_t i = 0; i < polys.size(); ++i) {
    if (ocean.count(i)) sea.addGeometry(polys[i].get());
    else if (lake.count(i) && area_km2(*polys[i]) >= kMinLakeKm2) lakes.addGeometry(polys[i].get());
  }
  auto add_bodies = [&](OGRMultiPolygon& mp, const char* kind) {
    GeometryPtr u(mp.UnionCascaded());
    if (!u) return;
    GeometryPtr parts = polygons_only(u.get(), 0);
    for (const auto* poly : *parts->toMultiPolygon()) {
      std::string name;
      for (const auto& k : known) {
        OGRPoint p(k.x, k.y);
        if (poly->Contains(&p)) name = k.name;
      }
      // The Caspian is a lake in GSHHG; maps call it a sea.
      std::string body_kind = name == "Caspian Sea" ? "sea" : kind;
      out.push_back({body_kind, name, GeometryPtr(poly->clone())});
    }
  };
  add_bodies(sea, "sea");
  add_bodies(lakes, "lake");
  std::stable_sort(out.begin(), out.end(), [](const WaterBody& a, const WaterBody& b) {
    return area_km2(*a.geom) > area_km2(*b.geom);
  });
  return out;
}

GeometryPtr build_rivers(Report& report) {
  std::string txt = run_gmt({"coast", region_arg(), "-Dh", "-I1", "-I2", "-M"}, report);
  auto mls = std::make_unique<OGRMultiLineString>();
  for (const auto& s : parse_multisegment(txt)) {
    if (s.pts.size() < 2) continue;
    OGRLineString ls;
    for (auto [x, y] : s.pts) ls.addPoint(x, y);
    mls->addGeometry(&ls);
  }
  return GeometryPtr(mls.release());
}

// Modern countries (DCW) clipped to the map area.
std::vector<std::pair<std::string, GeometryPtr>> build_countries(Report& report) {
  const char* codes[] = {"AM", "AZ", "GE", "IR", "RU", "TR"};  // DCW country codes
  std::vector<std::pair<std::string, GeometryPtr>> out;
  GeometryPtr frame = bbox_polygon(kWest, kEast, kSouth, kNorth);
  CPLPushErrorHandler(CPLQuietErrorHandler);  // DCW rings far outside the frame self-intersect; they are repaired
  for (const char* code : codes) {
    std::string txt = run_gmt({"coast", region_arg(), std::string("-E") + code, "-M"}, report);
    OGRMultiPolygon mp;
    for (const auto& s : parse_multisegment(txt)) {
      if (s.pts.size() < 4) continue;
      OGRLinearRing ring;
      for (auto [x, y] : s.pts) ring.addPoint(x, y);
      ring.closeRings();
      OGRPolygon poly;
      poly.addRing(&ring);
      GeometryPtr v = make_valid(clone(&poly));
      for (const auto* p : *v->toMultiPolygon()) mp.addGeometry(p);
    }
    GeometryPtr u(mp.UnionCascaded());
    if (!u) continue;
    GeometryPtr clipped(u->Intersection(frame.get()));
    out.emplace_back(code, polygons_only(clipped.get(), 0.5));
  }
  CPLPopErrorHandler();
  return out;
}

}  // namespace

void build_geodata(const GeodataBuildOptions& o, Report& report) {
  GDALAllRegister();
  const std::string in = o.input_dir, out = o.out_dir;
  std::vector<std::string> dataset_keys;
  for (const auto& d : kDatasets) dataset_keys.push_back(d.key);
  auto rows = read_crosswalk(in + "/crosswalk.csv", dataset_keys, report);
  std::map<std::string, std::string> mask_notes;
  auto masks = read_masks(in + "/splits.yaml", mask_notes, report);
  auto fills = read_hole_fills(in + "/splits.yaml", report);
  for (const auto& f : fills) mask_notes[f.id] = f.note;
  // regions.in.yaml and the reference areas are read before anything is written.
  YAML::Node rin;
  try {
    rin = YAML::LoadFile(in + "/regions.in.yaml");
  } catch (const YAML::Exception& e) {
    report.error(in + "/regions.in.yaml", std::string("cannot read: ") + e.what());
    return;
  }
  std::vector<std::string> uyezd_ids;
  for (const auto& r : rin["regions"])
    if (r["kind"].as<std::string>() == "uyezd") uyezd_ids.push_back(r["id"].as<std::string>());
  auto references = read_reference_areas(in + "/reference_areas.csv", uyezd_ids, report);
  if (report.has_errors()) return;

  // 1. Source districts, by dataset and name (several features of one name are one district).
  std::map<std::string, std::map<std::string, GeometryPtr>> districts;
  for (const auto& d : kDatasets) {
    auto ds = open_vector(o.sources_dir + "/" + d.path, report);
    if (!ds) continue;
    for (auto& f : *ds->GetLayer(0)) {
      std::string name = field(*f, d.name_field);
      GeometryPtr g = make_valid(clone(f->GetGeometryRef()));
      auto& slot = districts[d.key][name];
      slot = slot ? GeometryPtr(slot->Union(g.get())) : std::move(g);
    }
  }
  if (report.has_errors()) return;

  // 2. Pieces from crosswalk rows.
  std::map<std::string, BuiltPiece> pieces;
  std::set<std::pair<std::string, std::string>> used;
  for (const auto& r : rows) {
    std::string at = in + "/crosswalk.csv:" + std::to_string(r.line);
    auto dit = districts[r.dataset].find(r.district);
    if (dit == districts[r.dataset].end()) {
      report.error(at, "district '" + r.district + "' is not in " + r.dataset + " (check the spelling of shapeName/name)");
      continue;
    }
    used.insert({r.dataset, r.district});
    GeometryPtr g = clone(dit->second.get());
    if (!r.clip.empty()) {
      bool minus = r.clip[0] == '-';
      std::string mid = minus ? r.clip.substr(1) : r.clip;
      auto mit = masks.find(mid);
      if (mit == masks.end()) {
        report.error(at, "clip mask '" + mid + "' is not in splits.yaml");
        continue;
      }
      g.reset(minus ? g->Difference(mit->second.get()) : g->Intersection(mit->second.get()));
      g = polygons_only(g.get(), kSliverKm2);
    }
    BuiltPiece& p = pieces[r.piece];
    if (p.geom) {
      if (p.uyezd != r.uyezd) report.error(at, "piece " + r.piece + " is given two uyezds");
      p.geom.reset(p.geom->Union(g.get()));
      p.districts += "; " + r.district;
      continue;
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
  for (const auto& d : kDatasets)
    if (d.must_map_all)
      for (const auto& [name, g] : districts[d.key])
        if (!used.count({d.key, name}))
          report.error(in + "/crosswalk.csv", std::string(d.key) + " district '" + name + "' has no crosswalk row");
  if (report.has_errors()) return;

  // 3. Seams: a piece loses what earlier-priority pieces already cover.
  std::vector<BuiltPiece*> order;
  for (auto& [id, p] : pieces) {
    p.geom = polygons_only(p.geom.get(), kSliverKm2);  // every piece a MultiPolygon from here on
    order.push_back(&p);
  }
  std::stable_sort(order.begin(), order.end(), [](const BuiltPiece* a, const BuiltPiece* b) {
    return std::tie(a->priority, a->id) < std::tie(b->priority, b->id);
  });
  double overlap_removed = 0;
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
      overlap_removed += a;
      GeometryPtr diff(order[i]->geom->Difference(order[j]->geom.get()));
      order[i]->geom = polygons_only(diff.get(), kSliverKm2);
    }
  }
  // 4. Gaps: holes in the union go to the piece a fill names, else to the neighbour that borders them most.
  for (const auto& f : fills)
    if (!pieces.count(f.piece)) report.error(in + "/splits.yaml:" + std::to_string(f.line), "fill " + f.id + ": piece '" + f.piece + "' is not in the crosswalk");
  if (report.has_errors()) return;
  std::set<std::string> fills_used;
  int holes_filled = 0;
  double hole_area = 0;
  {
    OGRMultiPolygon all;
    for (auto* p : order)
      for (const auto* poly : *p->geom->toMultiPolygon()) all.addGeometry(poly);
    GeometryPtr u(all.UnionCascaded());
    GeometryPtr parts = polygons_only(u.get(), 0);
    for (const auto* poly : *parts->toMultiPolygon())
      for (int r = 0; r < poly->getNumInteriorRings(); ++r) {
        OGRPolygon hole;
        hole.addRingDirectly(poly->getInteriorRing(r)->clone());
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
            report.error(in + "/splits.yaml:" + std::to_string(f.line), "fill " + f.id + ": piece " + f.piece + " does not border the hole");
          best = &pieces[f.piece];
          fills_used.insert(f.id);
        }
        if (!best) continue;
        GeometryPtr merged(best->geom->Union(&hole));
        best->geom = polygons_only(merged.get(), 0);
        ++holes_filled;
        hole_area += area_km2(hole);
      }
  }

  for (const auto& f : fills)
    if (!fills_used.count(f.id))
      report.error(in + "/splits.yaml:" + std::to_string(f.line), "fill " + f.id + ": no hole contains the point [" +
                                                                        std::to_string(f.lon) + ", " + std::to_string(f.lat) + "]");
  if (report.has_errors()) return;

  // 5. Snap to the output grid here, and repair what snapping breaks, so the file
  //    holds exactly the geometry that was checked (no rounding by the writer).
  for (auto* p : order) p->geom = snap_to_grid(std::move(p->geom), 1e-5, kSliverKm2);

  // 6. Write pieces.geojson (sorted by id for stable diffs).
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

  // 7. regions.yaml from regions.in.yaml plus the crosswalk's uyezds and parts.
  std::map<std::string, std::vector<std::string>> members;
  for (const auto& [id, p] : pieces) {
    members[p.uyezd].push_back(id);
    for (const auto& part : p.parts) members[part].push_back(id);
  }
  std::set<std::string> defined;
  std::ostringstream y;
  y << "# Generated by `histmap geodata build` from source/regions.in.yaml and source/crosswalk.csv.\n"
       "# Edit those files and rebuild; do not edit this one.\n# " << kAttribution << "\n"
       "regions:\n";
  for (const auto& r : rin["regions"]) {
    std::string id = r["id"].as<std::string>();
    defined.insert(id);
    y << "  - id: " << id << "\n    kind: " << r["kind"].as<std::string>() << "\n";
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
    if (members.count(id)) {
      y << "    pieces: [";
      bool f2 = true;
      for (const auto& pid : members[id]) y << (f2 ? "" : ", ") << pid, f2 = false;
      y << "]\n";
    }
    if (r["note"]) y << "    note: " << q(r["note"].as<std::string>()) << "\n";
  }
  for (const auto& [id, ps] : members)
    if (!defined.count(id))
      report.error(in + "/crosswalk.csv", "uyezd or part '" + id + "' is used by pieces but not defined in regions.in.yaml");
  if (report.has_errors()) return;
  write_file_atomic(out + "/regions.yaml", y.str());

  // 8. places.geojson from places.csv.
  {
    auto ds = open_vector(in + "/places.csv", report);
    if (!ds) return;
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
      fc["features"].push_back({{"type", "Feature"},
                                {"properties", props},
                                {"geometry", {{"type", "Point"}, {"coordinates", {lon, lat}}}}});
    }
    std::string text;
    text = "{\"type\": \"FeatureCollection\", \"features\": [\n";
    for (size_t i = 0; i < fc["features"].size(); ++i)
      text += fc["features"][i].dump(-1, ' ', false) + (i + 1 < fc["features"].size() ? ",\n" : "\n");
    text += "]}\n";
    write_file_atomic(out + "/places.geojson", text);
  }

  // 9. Base layers.
  std::vector<WaterBody> water;
  std::vector<std::pair<std::string, GeometryPtr>> countries;
  if (o.base_layers) {
    std::string tmpdir = out + "/base/.build-tmp";
    fs::create_directories(tmpdir);
    water = build_water(tmpdir, report);
    GeometryPtr rivers = build_rivers(report);
    countries = build_countries(report);
    fs::remove_all(tmpdir);
    if (report.has_errors()) return;
    std::vector<std::pair<json, const OGRGeometry*>> wf;
    for (const auto& w : water) wf.emplace_back(json{{"kind", w.kind}, {"name", w.name}}, w.geom.get());
    write_geojson_layer(out + "/base/water.geojson", "water", wf, wkbMultiPolygon, 4);
    write_geojson_layer(out + "/base/rivers.geojson", "rivers", {{json{{"kind", "river"}}, rivers.get()}},
                        wkbMultiLineString, 4);
    std::vector<std::pair<json, const OGRGeometry*>> cf;
    for (const auto& [code, g] : countries) cf.emplace_back(json{{"iso2", code}}, g.get());
    write_geojson_layer(out + "/base/countries.geojson", "countries", cf, wkbMultiPolygon, 4);
  }

  // 10. REPORT.md.
  GeodataSummary summary;
  summary.overlap_removed_km2 = overlap_removed;
  summary.holes_km2 = hole_area;
  summary.holes_filled = holes_filled;
  summary.mask_notes = mask_notes;
  summary.base_layers = o.base_layers;
  for (const auto& [id, p] : pieces)
    summary.pieces.push_back({p.id, p.name, p.districts, p.uyezd, p.confidence, p.reason, p.parts, area_km2(*p.geom)});
  for (const auto& r : rin["regions"]) {
    std::string id = r["id"].as<std::string>();
    summary.regions.push_back({id, r["kind"].as<std::string>(), r["names"]["en"].as<std::string>(), members[id]});
  }
  for (const auto& w : water)
    if (!w.name.empty()) summary.named_water.emplace_back(w.name + " (" + w.kind + ")", area_km2(*w.geom));
  write_file_atomic(out + "/REPORT.md", geodata_report_markdown(summary, references));
}

}  // namespace histmap
