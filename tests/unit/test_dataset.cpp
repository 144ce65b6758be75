// The dataset describes itself (dataset.yaml): the loader reads it strictly, and
// every output made from the synthetic dataset carries its words, never the
// shipped dataset's title or ids.
#include <catch2/catch.hpp>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include <yaml-cpp/yaml.h>

#include "helpers.hpp"

using namespace histmap;
namespace fs = std::filesystem;

namespace {

std::string bytes_of(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Every id of the shipped dataset that the synthetic one does not also use.
std::set<std::string> shipped_ids(const Atlas& synthetic) {
  auto shipped = test::load_ok(HISTMAP_GEODATA);
  std::set<std::string> own, out;
  auto add = [](std::set<std::string>& to, const auto& records) {
    for (const auto& r : records) to.insert(r.id);
  };
  add(own, synthetic.pieces), add(own, synthetic.regions), add(own, synthetic.polities), add(own, synthetic.sources);
  add(own, synthetic.assertions), add(own, synthetic.places);
  add(out, shipped->pieces), add(out, shipped->regions), add(out, shipped->polities), add(out, shipped->sources);
  add(out, shipped->assertions), add(out, shipped->places);
  for (const auto& id : own) out.erase(id);
  return out;
}

// The ids found as whole words (not inside a longer id) in `text`.
std::vector<std::string> ids_in(const std::string& text, const std::set<std::string>& ids) {
  std::vector<std::string> found;
  auto is_id_char = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-'; };
  for (const auto& id : ids)
    for (size_t at = text.find(id); at != std::string::npos; at = text.find(id, at + 1)) {
      const bool starts = at == 0 || !is_id_char(text[at - 1]);
      const bool ends = at + id.size() == text.size() || !is_id_char(text[at + id.size()]);
      if (starts && ends) {
        found.push_back(id);
        break;
      }
    }
  return found;
}

}  // namespace

TEST_CASE("the shipped dataset.yaml loads into the atlas as written", "[dataset]") {
  auto atlas = test::load_ok(HISTMAP_GEODATA);
  YAML::Node file = YAML::LoadFile(std::string(HISTMAP_GEODATA) + "/dataset.yaml");
  const DatasetInfo& d = atlas->dataset;
  for (const auto& kv : file["title"]) CHECK(d.title.at(kv.first.as<std::string>()) == kv.second.as<std::string>());
  for (const auto& kv : file["credit"]) CHECK(d.credit.at(kv.first.as<std::string>()) == kv.second.as<std::string>());
  CHECK(format_day(d.first) == file["period"]["first"].as<std::string>());
  CHECK(format_day(d.last) == file["period"]["last"].as<std::string>());
  CHECK(format_day(d.start) == file["period"]["start"].as<std::string>());
  CHECK(d.crs == file["crs"].as<std::string>());
  CHECK(d.equal_area_crs == file["equal_area_crs"].as<std::string>());
  CHECK(d.languages == file["languages"].as<std::vector<std::string>>());
}

TEST_CASE("a dataset without dataset.yaml is titled by its folder and dated by its assertions", "[dataset]") {
  test::Scratch s;
  fs::path dir = s.copy_of(test::synthetic());
  fs::remove(dir / "dataset.yaml");
  auto atlas = test::load_ok(dir.string());
  CHECK(atlas->dataset.title.at("en") == dir.filename().string());
  Day first = kOpenFuture, last = kOpenPast;
  for (const auto& a : atlas->assertions)
    for (Day d : {a.interval.possible_first(), a.interval.possible_last()})
      if (d != kOpenPast && d != kOpenFuture) first = std::min(first, d), last = std::max(last, d);
  CHECK(atlas->dataset.first == first);
  CHECK(atlas->dataset.last == last);
  for (const auto& p : atlas->pieces) CHECK(p.area_km2 > 0);
}

TEST_CASE("dataset.yaml: typos, bad days, unknown languages and CRSs are errors with file and line", "[dataset]") {
  struct Case {
    std::string from, to, fragment;
  };
  const std::vector<Case> cases = {
      {"perspective:", "perspectve:", "perspectve"},
      {"last: 1924-12-31", "last: 1919-12-31", "'last' is before 'first'"},
      {"first: 1920-01-01", "first: 1920-02-30", "February 1920 has 29 days"},
      {"start: 1920-07-15", "start: 1930-07-15", "'start' lies outside"},
      {"ru: Синтетическая земля", "xx: Synthetic", "'xx' is not one of the languages"},
      {"languages: [en, ru]", "languages: [en, tr]", "'tr' is not one of"},
      {"crs: \"+proj=lcc", "crs: \"+proj=nosuch", "not a CRS PROJ knows"},
      {"equal_area_crs: \"+proj=laea +lat_0=40.75 +lon_0=44.75 +datum=WGS84 +units=m +no_defs\"",
       "equal_area_crs: EPSG:4326", "not projected"},
      {"en: Synthetic Land", "en: [Synthetic, Land]", "dataset.yaml:"},
  };
  for (const auto& c : cases) {
    INFO(c.to);
    test::Scratch s;
    fs::path dir = s.copy_of(test::synthetic());
    test::edit(dir / "dataset.yaml", c.from, c.to);
    Report report;
    auto atlas = load_atlas({dir.string(), {}}, report);
    CHECK(atlas == nullptr);
    CHECK(test::has_finding(report, Severity::Error, {"dataset.yaml:", c.fragment}));
    auto cli = test::histmap("validate --data " + dir.string());
    CHECK(cli.code == 1);
    CHECK((cli.out + cli.err).find(c.fragment) != std::string::npos);  // validate lists findings on stdout
  }
}

TEST_CASE("outputs of the synthetic dataset carry its words and nothing of the shipped dataset", "[dataset][slow]") {
  test::Scratch s;
  const std::string data = " --data " + test::synthetic();
  const fs::path out = s.dir / "out";
  fs::create_directories(out / "frames");
  const std::vector<std::string> commands = {
      "render --date 1920-08-20 -o " + (out / "map.png").string(),
      "render --date 1920-08-20 -o " + (out / "map.svg").string(),
      "render --date 1920-08-20 -o " + (out / "map.pdf").string(),
      "export --date 1920-08-20 -o " + (out / "states.geojson").string(),
      "export --date 1920-08-20 -o " + (out / "states.gpkg").string(),
      "export --qgis " + (out / "qgis").string(),
      "site -o " + (out / "site").string(),
      "timeline --format svg -o " + (out / "chart.svg").string(),
      "coverage -o " + (out / "coverage.csv").string(),
      "animate --from 1920-08-15 --to 1920-08-17 --size 480x360 --dpi 72 -o " + (out / "frames").string() + "/",
  };
  for (const auto& c : commands) {
    INFO(c);
    auto r = test::histmap(c + data);
    REQUIRE(r.code == 0);
  }
  auto synthetic = test::load_ok(test::synthetic());
  const auto ids = shipped_ids(*synthetic);
  REQUIRE(ids.size() > 100);
  int files = 0;
  for (const auto& e : fs::recursive_directory_iterator(out)) {
    if (!e.is_regular_file()) continue;
    ++files;
    std::string content = bytes_of(e.path());
    if (e.path().extension() == ".pdf") {
      const fs::path txt = s.dir / "map.txt";
      REQUIRE(std::system(("pdftotext " + e.path().string() + " " + txt.string()).c_str()) == 0);
      content = bytes_of(txt);
      CHECK(content.find("Synthetic Land") != std::string::npos);  // the check below can see words
    }
    INFO(e.path().string());
    CHECK(content.find("South Caucasus") == std::string::npos);
    CHECK(content.find("Caucasus") == std::string::npos);
    CHECK(ids_in(content, ids).empty());
  }
  CHECK(files >= 15);
  // The dataset's own words arrived: title, credit and period.
  CHECK(bytes_of(out / "site/data.js").find("Synthetic Land") != std::string::npos);
  CHECK(bytes_of(out / "site/data.js").find("invented for histmap") != std::string::npos);
  const std::string qgs = bytes_of(out / "qgis/histmap.qgs");
  CHECK(qgs.find("histmap: Synthetic Land 1920-1924") != std::string::npos);
  CHECK(qgs.find("histmap-synthetic-land") != std::string::npos);
  CHECK(bytes_of(out / "coverage.csv").find("1920-01") != std::string::npos);
  CHECK(bytes_of(out / "coverage.csv").find("1924-12") != std::string::npos);
  CHECK(bytes_of(out / "coverage.csv").find("1919-12") == std::string::npos);
}
