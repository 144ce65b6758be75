// The shipped geodata: canonical ids with their names, a clean partition,
// seats inside their uyezds, and plausible areas.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdio>

#include <cmath>
#include <fstream>
#include <set>

#include <gdal_priv.h>

#include "data/validate.hpp"
#include "geodata/report.hpp"
#include "helpers.hpp"

using namespace histmap;

namespace {
const Atlas& shipped() {
  static auto atlas = test::load_ok(HISTMAP_GEODATA);
  return *atlas;
}
double area_of(const Atlas& a, const std::string& region) {
  double s = 0;
  for (int p : a.regions[a.region_index(region)].pieces) s += a.pieces[p].area_km2;
  return s;
}
}  // namespace

// ---
TEST_CASE("every canonical region exists with its names", "[geodata]") {
  const Atlas& a = shipped();
  const std::vector<std::string> georgian = {"gov_tiflis", "tiflis", "borchali", "akhalkalaki", "akhaltsikh",
                                             "signakh",    "telav",  "gori",     "dushet",      "tianet",
                                             "gov_kutais", "sukhum", "batum",    "obl_batum",   "lori_neutral_zone"};
  const std::vector<std::string> ids = {"gov_erivan",
                                        "erivan",
                                        "echmiadzin",
                                        "alexandropol",
                                        "novo_bayazet",
                                        "nakhichevan",
                                        "sharur_daralagez",
                                        "surmali",
                                        "gov_elisavetpol",
                                        "elisavetpol",
                                        "kazakh",
                                        "shusha",
                                        "jevanshir",
                                        "jebrail",
                                        "zangezur",
                                        "nukha",
                                        "aresh",
                                        "gov_baku",
                                        "baku",
                                        "shemakha",
                                        "geokchay",
                                        "kuba",
                                        "lenkoran",
                                        "javad",
                                        "gov_tiflis",
                                        "tiflis",
                                        "borchali",
                                        "akhalkalaki",
                                        "akhaltsikh",
                                        "signakh",
                                        "telav",
                                        "gori",
                                        "dushet",
                                        "tianet",
                                        "gov_kutais",
                                        "sukhum",
                                        "zakatala",
                                        "obl_batum",
                                        "batum",
                                        "artvin",
                                        "obl_kars",
                                        "kars",
                                        "ardahan",
                                        "kagyzman",
                                        "olti",
                                        "zangezur_west",
                                        "zangezur_east",
                                        "mountainous_karabakh",
                                        "daralagez",
                                        "sharur",
                                        "goycha",
                                        "ordubad",
                                        "julfa",
                                        "lori_neutral_zone",
                                        "kazakh_highlands"};
  for (const auto& id : ids) {
    INFO(id);
    int r = a.region_index(id);
    REQUIRE(r >= 0);
    CHECK_FALSE(a.regions[r].pieces.empty());
    for (const char* lang : {"en", "ru", "az", "hy"}) CHECK(a.regions[r].names.count(lang));
    if (std::find(georgian.begin(), georgian.end(), id) != georgian.end()) CHECK(a.regions[r].names.count("ka"));
  }
}

// ---
TEST_CASE("every canonical polity exists with names and a colour", "[geodata]") {
  const Atlas& a = shipped();
  for (const char* id :
       {"adr", "az_ssr", "am_republic", "am_ssr", "ge_republic", "ge_ssr", "rsfsr", "ottoman", "turkey_gna", "britain",
        "persia", "mountainous_armenia", "tdfr", "tsfsr", "ussr", "russian_empire"}) {
    INFO(id);
    int p = a.polity_index(id);
    REQUIRE(p >= 0);
    for (const char* lang : {"en", "ru", "az", "hy"}) CHECK(a.polities[p].names.count(lang));
    CHECK(a.polities[p].colour.size() == 7);
  }
}

// ---
TEST_CASE("the shipped dataset validates: partition, structure, seats", "[geodata][validate]") {
  Report r;
  validate_atlas(shipped(), {}, r);
  INFO(test::all_findings(r));
  CHECK_FALSE(r.has_errors());
  CHECK(r.count(Severity::Warning) == 0);
}

// ---
TEST_CASE("every uyezd seat lies inside its own reconstructed uyezd", "[geodata][places]") {
  const Atlas& a = shipped();
  int seats = 0;
  std::set<std::string> seated;
  for (const auto& pl : a.places)
    for (const auto& rid : pl.seat_of) {
      int r = a.region_index(rid);
      REQUIRE(r >= 0);
      OGRPoint pt(pl.lon, pl.lat);
      bool inside = false;
      for (int p : a.regions[r].pieces) inside = inside || a.pieces[p].geometry->Intersects(&pt);
      INFO(pl.id << " seat of " << rid);
      CHECK(inside);
      ++seats;
      seated.insert(rid);
    }
  // Every uyezd has a seat.
  for (const auto& reg : a.regions)
    if (reg.kind == RegionKind::Uyezd) {
      INFO(reg.id);
      CHECK(seated.count(reg.id));
    }
  CHECK(seats >= 50);
}

// ---
TEST_CASE("reconstructed areas agree with the modern countries they come from", "[geodata][area]") {
  const Atlas& a = shipped();
  double aze = 0, arm = 0;
  for (const auto& p : a.pieces) {
    if (p.id.rfind("aze_", 0) == 0) aze += p.area_km2;
    if (p.id.rfind("arm_", 0) == 0) arm += p.area_km2;
  }
  CHECK(aze == Approx(86600).epsilon(0.04));  // Azerbaijan: 86,600 km²
  CHECK(arm == Approx(29743).epsilon(0.04));  // Armenia: 29,743 km²
  // The 1921 line: west and east Zangezur partition the uyezd.
  CHECK(area_of(a, "zangezur_west") + area_of(a, "zangezur_east") == Approx(area_of(a, "zangezur")).epsilon(1e-9));
  CHECK(area_of(a, "zangezur_west") == Approx(4506).epsilon(0.06));  // Syunik province: 4,506 km²
}

// ---
TEST_CASE("REPORT.md gives every uyezd's area in km² and square versts", "[geodata][report]") {
  std::ifstream in(std::string(HISTMAP_GEODATA) + "/REPORT.md");
  std::string report((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const Atlas& a = shipped();
  for (const auto& r : a.regions) {
    if (r.kind != RegionKind::Uyezd) continue;
    INFO(r.id);
    auto pos = report.find("| " + r.id + " (");
    REQUIRE(pos != std::string::npos);
    // The row's km² figure matches the loaded pieces within rounding.
    auto bar = report.find("| ", pos + 2);
    int km2 = std::stoi(report.substr(bar + 2));
    CHECK(km2 == Approx(area_of(a, r.id)).margin(1.0));
  }
  CHECK(report.find("square versts") != std::string::npos);
}

// ---
TEST_CASE("Armenia is built from the 39 ARM ADM2 districts, one piece each, in the right uyezds",
          "[geodata][armenia]") {
  const Atlas& a = shipped();
  std::set<std::string> arm;
  for (const auto& p : a.pieces)
    if (p.id.rfind("arm_", 0) == 0) arm.insert(p.id);
  CHECK(arm.size() == 39);
  auto uyezd_of = [&](const std::string& piece) {
    for (const auto& r : a.regions)
      if (r.kind == RegionKind::Uyezd)
        for (int p : r.pieces)
          if (a.pieces[p].id == piece) return r.id;
    return std::string();
  };
  // Seats and cores: a wrong row in the crosswalk moves one of these.
  CHECK(uyezd_of("arm_gavar") == "novo_bayazet");
  CHECK(uyezd_of("arm_vagharshapat") == "echmiadzin");
  CHECK(uyezd_of("arm_akhuryan") == "alexandropol");
  CHECK(uyezd_of("arm_gugark") == "alexandropol");
  CHECK(uyezd_of("arm_stepanavan") == "borchali");
  CHECK(uyezd_of("arm_dilijan") == "kazakh");
  CHECK(uyezd_of("arm_yeghegnadzor") == "sharur_daralagez");
  CHECK(uyezd_of("arm_goris") == "zangezur");
  CHECK(uyezd_of("arm_yerevan") == "erivan");
}

// ---
TEST_CASE("goycha and the Lori neutral zone are parts of their uyezds, and Goycha holds Lake Sevan",
          "[geodata][armenia]") {
  const Atlas& a = shipped();
  auto piece_ids = [&](const std::string& region) {
    std::set<int> s(a.regions[a.region_index(region)].pieces.begin(), a.regions[a.region_index(region)].pieces.end());
    return s;
  };
  auto nb = piece_ids("novo_bayazet"), borchali = piece_ids("borchali");
  for (int p : piece_ids("goycha")) CHECK(nb.count(p));
  for (int p : piece_ids("lori_neutral_zone")) CHECK(borchali.count(p));
  CHECK(piece_ids("goycha").size() == 4);
  CHECK(piece_ids("lori_neutral_zone").size() == 3);
  // The four shore districts have about 3,340 km² of land; Lake Sevan (about 1,260 km²) is filled into them.
  CHECK(area_of(a, "goycha") == Approx(3340 + 1260).epsilon(0.05));
}

// ---
TEST_CASE("reference_areas.csv: every uyezd has a row and every figure names its page", "[geodata][reference]") {
  GDALAllRegister();
  const Atlas& a = shipped();
  std::vector<std::string> uyezds;
  for (const auto& r : a.regions)
    if (r.kind == RegionKind::Uyezd) uyezds.push_back(r.id);
  Report report;
  auto refs = read_reference_areas(std::string(HISTMAP_GEODATA) + "/source/reference_areas.csv", uyezds, report);
  INFO(test::all_findings(report));
  CHECK_FALSE(report.has_errors());
  CHECK(refs.size() == uyezds.size());
  int with_figure = 0;
  for (const auto& r : refs) {
    if (r.km2 <= 0) continue;
    ++with_figure;
    INFO(r.region);
    CHECK(r.url.rfind("http", 0) == 0);
    CHECK_FALSE(r.locator.empty());
  }
  CHECK(with_figure >= 25);
}

// ---
TEST_CASE("reference_areas.csv: unknown regions, bad numbers and versts that disagree with km² are errors",
          "[geodata][reference]") {
  GDALAllRegister();
  test::Scratch s;
  auto csv = s.dir / "reference_areas.csv";
  test::write(csv,
              "region,square_versts,km2,source,url,locator,note,gap\n"
              "shusha,4315.6,4911.1,page,http://x,infobox,,\n"
              "atlantis,1,1.1,page,http://x,infobox,,\n"
              "jebrail,abc,,page,http://x,infobox,,\n"
              "kazakh,6024.2,5000,page,http://x,infobox,,\n"
              "kuba,,7000,,,,,\n");
  Report report;
  read_reference_areas(csv.string(), {"shusha", "jebrail", "kazakh", "kuba", "baku"}, report);
  CHECK(test::has_finding(report, Severity::Error, {"reference_areas.csv:3", "atlantis"}));
  CHECK(test::has_finding(report, Severity::Error, {"reference_areas.csv:4", "plain numbers"}));
  CHECK(test::has_finding(report, Severity::Error, {"reference_areas.csv:5", "1.138"}));
  CHECK(test::has_finding(report, Severity::Error, {"reference_areas.csv:6", "source, url and locator"}));
  CHECK(test::has_finding(report, Severity::Error, {"baku", "has no row"}));
  CHECK_FALSE(test::has_finding(report, Severity::Error, {"reference_areas.csv:2"}));
}

// ---
TEST_CASE("REPORT.md compares every uyezd with its historical area and counts those within 10%",
          "[geodata][report][reference]") {
  GDALAllRegister();
  const Atlas& a = shipped();
  std::string report = test::read(std::string(HISTMAP_GEODATA) + "/REPORT.md");
  std::vector<std::string> uyezds;
  for (const auto& r : a.regions)
    if (r.kind == RegionKind::Uyezd) uyezds.push_back(r.id);
  Report findings;
  auto refs = read_reference_areas(std::string(HISTMAP_GEODATA) + "/source/reference_areas.csv", uyezds, findings);
  auto section = report.find("## Reconstructed and historical areas");
  REQUIRE(section != std::string::npos);
  int within = 0, compared = 0, far_off = 0;
  std::vector<double> abs_diffs;
  for (const auto& r : refs) {
    INFO(r.region);
    auto row = report.find("\n| " + r.region + " | ", section);
    REQUIRE(row != std::string::npos);
    if (r.km2 <= 0) {
      CHECK(report.substr(row, 200).find("not found") != std::string::npos);
      continue;
    }
    double diff = area_of(a, r.region) / r.km2 - 1;
    ++compared;
    within += std::abs(diff) <= 0.10;
    far_off += std::abs(diff) > 0.25;
    abs_diffs.push_back(std::abs(diff));
    bool flagged = report.substr(row, report.find('\n', row + 1) - row).find("over 10%") != std::string::npos;
    CHECK(flagged == (std::abs(diff) > 0.10));
  }
  CHECK(report.find(std::to_string(within) + " of " + std::to_string(compared) + " uyezds and okrugs with a figure") !=
        std::string::npos);
  // The median and the count beyond 25%, recomputed from the shipped pieces.
  REQUIRE(!abs_diffs.empty());
  std::sort(abs_diffs.begin(), abs_diffs.end());
  size_t n = abs_diffs.size();
  double median = n % 2 ? abs_diffs[n / 2] : (abs_diffs[n / 2 - 1] + abs_diffs[n / 2]) / 2;
  char want[96];
  std::snprintf(want, sizeof want, "%d are more than 25%% off; the median absolute difference is %.1f%%", far_off,
                median * 100);
  INFO(want);
  CHECK(report.find(want) != std::string::npos);
}
