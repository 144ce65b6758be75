// The base layers of the map area from GSHHG and DCW through the gmt program,
// started from an argument vector (no shell) in a throwaway working folder.
#include "geodata/base_layers.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <stdlib.h>

#include <ogr_api.h>

#include "data/load.hpp"
#include "geodata/geometry.hpp"
#include "util/subprocess.hpp"

namespace histmap {
namespace fs = std::filesystem;

namespace {

// The map area: the South Caucasus with Kars oblast, north-west Persia and the
// Caspian and Black Sea shores around it.
constexpr double kWest = 38.0, kEast = 51.5, kSouth = 36.5, kNorth = 44.5;
constexpr double kMinLakeKm2 = 30.0;  // smaller lakes and reservoirs are left out of the base layer

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
    report.error(
        "gmt", "cannot make a temporary working folder (" + (ec ? ec.message() : std::string("mkdtemp failed")) + ")");
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

}  // namespace

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
  const Known known[] = {{"Black Sea", 40.5, 42.5},   {"Caspian Sea", 50.6, 40.0},
                         {"Lake Sevan", 45.3, 40.35}, {"Lake Urmia", 45.45, 37.55},
                         {"Lake Van", 43.0, 38.6},    {"Mingachevir Reservoir", 46.9, 40.85}};
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
  std::stable_sort(out.begin(), out.end(),
                   [](const WaterBody& a, const WaterBody& b) { return area_km2(*a.geom) > area_km2(*b.geom); });
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

}  // namespace histmap
