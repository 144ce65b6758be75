// Exports: RFC 7946 GeoJSON, the temporal layer and its round trip against
// single-date exports, GeoPackage validity (ogrinfo) and determinism, bad input.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "export/export.hpp"
#include "helpers.hpp"
#include "time/timeline.hpp"

using namespace histmap;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

double signed_area(const json& ring) {
  double a = 0;
  for (size_t i = 0; i + 1 < ring.size(); ++i)
    a += ring[i][0].get<double>() * ring[i + 1][1].get<double>() -
         ring[i + 1][0].get<double>() * ring[i][1].get<double>();
  return a / 2;
}

void check_polygon(const json& rings) {
  REQUIRE(rings.size() >= 1);
  CHECK(signed_area(rings[0]) > 0);  // exterior counter-clockwise
  for (size_t r = 1; r < rings.size(); ++r) CHECK(signed_area(rings[r]) < 0);
  for (const auto& ring : rings) {
    CHECK(ring.front() == ring.back());
    for (const auto& pt : ring) {
      CHECK(pt[0].get<double>() >= -180);
      CHECK(pt[0].get<double>() <= 180);
      CHECK(pt[1].get<double>() >= -90);
      CHECK(pt[1].get<double>() <= 90);
    }
  }
}

struct Shipped {
  std::unique_ptr<Atlas> atlas = test::load_ok(HISTMAP_GEODATA);
  Resolver resolver{*atlas};
};

}  // namespace

// ---
TEST_CASE("single-date GeoJSON follows RFC 7946 and the state JSON contract", "[export][geojson]") {
  Shipped s;
  json fc = json::parse(geojson_for_date(*s.atlas, s.resolver, test::day("1920-08-20"), false));
  CHECK(fc["type"] == "FeatureCollection");
  CHECK_FALSE(fc.contains("crs"));
  REQUIRE(fc["features"].size() == s.atlas->pieces.size());
  json state = json::parse(test::histmap("state --date 1920-08-20 --by-piece --format json").out);
  REQUIRE(state.size() == s.atlas->pieces.size());
  std::map<std::string, json> by_piece;
  for (const auto& e : state) by_piece[e["piece"]] = e;
  for (const auto& f : fc["features"]) {
    const auto& g = f["geometry"];
    if (g["type"] == "Polygon") check_polygon(g["coordinates"]);
    else {
      REQUIRE(g["type"] == "MultiPolygon");
      for (const auto& p : g["coordinates"]) check_polygon(p);
    }
    const auto& p = f["properties"];
    for (const char* k : {"piece", "uyezd", "governorate", "regions", "date", "controller", "controller_name",
                          "claimants", "designations", "conflict", "precision", "assertions", "sources"})
      CHECK(p.contains(k));
    CHECK(p["regions"].is_array());
    CHECK(p["claimants"].is_array());
    // Same names and values as `histmap state --by-piece --format json`.
    const json& st = by_piece.at(p["piece"]);
    for (const char* k : {"controller", "claimants", "designations", "conflict", "precision", "assertions"})
      CHECK(p[k] == st[k]);
  }
}

// ---
TEST_CASE("round trip: a date's export equals the temporal layer filtered to that date", "[export][roundtrip]") {
  Shipped s;
  json temporal = json::parse(temporal_geojson(*s.atlas, s.resolver));
  std::map<std::string, std::vector<const json*>> by_piece;
  for (const auto& f : temporal["features"]) by_piece[f["properties"]["piece"]].push_back(&f);
  int compared = 0;
  for (Day d = test::day("1918-03-01"); d <= test::day("1925-01-01"); d += 47) {
    json fc = json::parse(geojson_for_date(*s.atlas, s.resolver, d, false));
    std::string ds = format_day(d);
    for (const auto& f : fc["features"]) {
      const auto& p = f["properties"];
      std::vector<const json*> hits;
      for (const json* t : by_piece[p["piece"]]) {
        const auto& tp = (*t)["properties"];
        bool after = tp["valid_from"].is_null() || tp["valid_from"].get<std::string>() <= ds;
        bool before = tp["valid_to"].is_null() || tp["valid_to"].get<std::string>() >= ds;
        if (after && before) hits.push_back(t);
      }
      INFO(p["piece"] << " on " << ds);
      REQUIRE(hits.size() == 1);
      json a = p, b = (*hits[0])["properties"];
      a.erase("date");
      b.erase("valid_from");
      b.erase("valid_to");
      b.erase("state_id");  // the temporal layer's row key (QGIS relations)
      CHECK(a == b);
      CHECK(f["geometry"] == (*hits[0])["geometry"]);
      ++compared;
    }
  }
  CHECK(compared > 50 * static_cast<int>(s.atlas->pieces.size()));
}

// ---
TEST_CASE("dissolve merges pieces in identical state", "[export][dissolve]") {
  Shipped s;
  Day d = test::day("1920-08-20");
  json fc = json::parse(geojson_for_date(*s.atlas, s.resolver, d, true));
  std::vector<int> all(s.atlas->pieces.size());
  for (size_t i = 0; i < all.size(); ++i) all[i] = static_cast<int>(i);
  CHECK(fc["features"].size() == group_by_state(s.resolver, all, d).size());
  size_t pieces = 0;
  for (const auto& f : fc["features"]) {
    pieces += f["properties"]["pieces"].size();
    CHECK(f["properties"]["uyezds"].is_array());
  }
  CHECK(pieces == s.atlas->pieces.size());
}

// ---
TEST_CASE("the GeoPackage is valid for ogrinfo, has every layer, and is reproducible", "[export][gpkg]") {
  Shipped s;
  test::Scratch sc;
  std::string a = (sc.dir / "a.gpkg").string(), b = (sc.dir / "b.gpkg").string();
  Report r;
  write_geopackage(*s.atlas, s.resolver, a, r);
  write_geopackage(*s.atlas, s.resolver, b, r);
  INFO(test::all_findings(r));
  REQUIRE_FALSE(r.has_errors());
  CHECK(test::read(a) == test::read(b));
  std::string listing = (sc.dir / "info.txt").string();
  REQUIRE(std::system(("ogrinfo -ro -so " + a + " > " + listing + " 2>&1").c_str()) == 0);
  std::string info = test::read(listing);
  for (const char* layer :
       {"states (Multi Polygon)", "uyezds (Multi Polygon)", "governorates (Multi Polygon)", "places (Point)",
        "water (Multi Polygon)", "rivers (Multi Line String)", "countries (Multi Polygon)", "assertions (None)",
        "sources (None)", "polities (None)", "state_assertions (None)"})
    CHECK(info.find(layer) != std::string::npos);
  size_t spans = 0;
  for (size_t p = 0; p < s.atlas->pieces.size(); ++p) spans += s.resolver.spans(static_cast<int>(p)).size();
  REQUIRE(std::system(("ogrinfo -ro -so " + a + " states > " + listing).c_str()) == 0);
  CHECK(test::read(listing).find("Feature Count: " + std::to_string(spans)) != std::string::npos);
  CHECK(test::read(listing).find("valid_from: Date") != std::string::npos);
  // GeoJSON outputs are readable by GDAL too.
  std::string gj = (sc.dir / "d.geojson").string();
  test::write(gj, geojson_for_date(*s.atlas, s.resolver, test::day("1921-01-01"), false));
  CHECK(std::system(("ogrinfo -ro -so " + gj + " > /dev/null 2>&1").c_str()) == 0);
}

// ---
TEST_CASE("export: CSV tables and clear errors for bad requests", "[export][cli]") {
  test::Scratch sc;
  std::string data = " --data " + test::synthetic();
  auto tables = test::histmap("export --tables -o " + (sc.dir / "t").string() + data);
  INFO(tables.err);
  REQUIRE(tables.code == 0);
  std::string csv = test::read(sc.dir / "t" / "assertions.csv");
  CHECK(std::count(csv.begin(), csv.end(), '\n') >= 13);  // header + 12 assertions (quoted text may add lines)
  CHECK(csv.find("Blue holds uyezd A from some day in July 1920") != std::string::npos);
  CHECK(fs::exists(sc.dir / "t" / "sources.csv"));
  CHECK(fs::exists(sc.dir / "t" / "polities.csv"));

  auto two = test::histmap("export --date 1920-01-01 --temporal -o x.geojson" + data);
  CHECK(two.code == 2);
  CHECK(two.err.find("exactly one of") != std::string::npos);
  // Any vector format by extension; another extension is refused with the list of formats.
  CHECK(test::histmap("export --date 1920-01-01 -o " + (sc.dir / "d.gpkg").string() + data).code == 0);
  auto ext = test::histmap("export --date 1920-01-01 -o " + (sc.dir / "x.xlsx").string() + data);
  CHECK(ext.code == 2);
  CHECK(ext.err.find(".geojson") != std::string::npos);
  CHECK(ext.err.find(".fgb") != std::string::npos);
  CHECK_FALSE(fs::exists(sc.dir / "x.xlsx"));
  auto text = test::histmap("export --temporal -o " + (sc.dir / "x.txt").string() + data);
  CHECK(text.code == 2);
  auto date = test::histmap("export --date 1921-02-29 -o " + (sc.dir / "x.geojson").string() + data);
  CHECK(date.code == 2);
  CHECK(date.err.find("February 1921 has 28 days") != std::string::npos);
  auto missing = test::histmap("export --temporal -o " + (sc.dir / "no" / "x.gpkg").string() + data);
  CHECK(missing.code == 1);
  CHECK(missing.err.find("does not exist") != std::string::npos);
  CHECK_FALSE(fs::exists(sc.dir / "no"));
  fs::path out = sc.dir / "s.gpkg";
  CHECK(test::histmap("export --temporal -o " + out.string() + data).code == 0);
  auto again = test::histmap("export --temporal -o " + out.string() + data);
  CHECK(again.code == 1);
  CHECK(again.err.find("--force") != std::string::npos);
  CHECK(test::histmap("export --temporal --force -o " + out.string() + data).code == 0);
  // No temporary files are left next to the outputs.
  for (const auto& e : fs::directory_iterator(sc.dir)) CHECK(e.path().filename().string().rfind(".", 0) != 0);
}
