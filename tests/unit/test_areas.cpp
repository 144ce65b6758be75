// histmap areas: the table adds up, agrees with the resolver piece by piece, and
// the chart is an SVG with the key's words.
#include <catch2/catch.hpp>

#include <map>
#include <sstream>

#include "helpers.hpp"
#include "scrub/areas.hpp"
#include "scrub/areas_chart.hpp"
#include "symbology/dataset_words.hpp"

using namespace histmap;
namespace fs = std::filesystem;

namespace {

// What the resolver says of one piece's control, worked out here from its state alone.
std::string control_of(const Atlas& atlas, const PieceState& s) {
  if (s.assertions.empty() && s.set_aside.empty()) return "no_source";
  for (const auto& c : s.conflicts)
    if (c.about == "control") return "contested";
  if (s.controller >= 0) return atlas.polities[s.controller].id;
  return "no_controller";
}

// One CSV line split by commas outside quotes (RFC 4180), quotes undone.
std::vector<std::string> csv_cells(const std::string& line) {
  std::vector<std::string> out(1);
  bool quoted = false;
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (c == '"' && quoted && i + 1 < line.size() && line[i + 1] == '"') out.back() += '"', ++i;
    else if (c == '"') quoted = !quoted;
    else if (c == ',' && !quoted) out.emplace_back();
    else out.back() += c;
  }
  return out;
}

void check_day(const Atlas& atlas, const Resolver& resolver, Day day) {
  INFO(format_day(day));
  AreaTable t = area_table(atlas, resolver, {day}, {});
  std::map<std::string, double> expected_control, expected_claims, got_control, got_claims;
  double total = 0;
  for (size_t p = 0; p < atlas.pieces.size(); ++p) {
    const PieceState& s = resolver.at(static_cast<int>(p), day);
    total += atlas.pieces[p].area_km2;
    expected_control[control_of(atlas, s)] += atlas.pieces[p].area_km2;
    for (const auto& c : s.claimants) expected_claims[atlas.polities[c.party].id] += atlas.pieces[p].area_km2;
  }
  double control_sum = 0;
  for (size_t k = 0; k < t.series.size(); ++k) {
    const double km2 = t.values[0][k].km2;
    CHECK(km2 >= 0);
    std::string id = series_id(t.series[k], atlas);
    if (t.series[k].claim) {
      got_claims[id] += km2;
      continue;
    }
    control_sum += km2;
    got_control[id.rfind("contested:", 0) == 0 ? "contested" : id] += km2;
  }
  CHECK(t.total_km2 == Approx(total));
  CHECK(control_sum == Approx(total).epsilon(1e-9));
  CHECK(got_control.size() == expected_control.size());
  for (const auto& [id, km2] : expected_control) {
    INFO("control " << id);
    CHECK(got_control[id] == Approx(km2).epsilon(1e-9));
  }
  CHECK(got_claims.size() == expected_claims.size());
  for (const auto& [id, km2] : expected_claims) {
    INFO("claim " << id);
    CHECK(got_claims[id] == Approx(km2).epsilon(1e-9));
  }
  // The CSV: one row per series; control rows add up to the whole within 0.05 km² per row.
  std::istringstream csv(area_csv(t, atlas, words_for("en")));
  std::string line;
  std::getline(csv, line);
  CHECK(line == "date,kind,id,name,basis,area_km2,pieces");
  double csv_control = 0;
  size_t rows = 0, control_rows = 0;
  while (std::getline(csv, line)) {
    auto cells = csv_cells(line);
    REQUIRE(cells.size() == 7);
    CHECK(cells[0] == format_day(day));
    CHECK((cells[1] == "control" || cells[1] == "claim"));
    CHECK(cells[5].find_first_not_of("0123456789.") == std::string::npos);
    if (cells[1] == "control") csv_control += std::stod(cells[5]), ++control_rows;
    ++rows;
  }
  CHECK(rows == t.series.size());
  CHECK(std::abs(csv_control - total) <= 0.05 * static_cast<double>(control_rows) + 1e-6);
}

}  // namespace

// ---
TEST_CASE("areas: control partitions the pieces and agrees with the resolver, and so do claims", "[areas]") {
  auto shipped = test::load_ok(HISTMAP_GEODATA);
  Resolver resolver(*shipped);
  for (const char* d : {"1918-06-01", "1920-04-01", "1920-12-01", "1921-05-01", "1922-03-01"})
    check_day(*shipped, resolver, test::day(d));
  auto synthetic = test::load_ok(test::synthetic());
  Resolver r2(*synthetic);
  for (const char* d : {"1919-06-01", "1920-08-01", "1920-08-16", "1921-03-01"})
    check_day(*synthetic, r2, test::day(d));
}

// ---
TEST_CASE("areas: days per step, a region's pieces only, a complete series on every day", "[areas]") {
  CHECK(area_days(test::day("1920-01-15"), test::day("1920-04-01"), AreaStep::Month) ==
        std::vector<Day>{test::day("1920-02-01"), test::day("1920-03-01"), test::day("1920-04-01")});
  auto weeks = area_days(test::day("1920-01-01"), test::day("1920-01-31"), AreaStep::Week);
  CHECK(weeks.size() == 5);
  CHECK(weeks[1] - weeks[0] == 7);
  CHECK(area_days(test::day("1920-01-02"), test::day("1920-01-31"), AreaStep::Month).empty());
  auto atlas = test::load_ok(HISTMAP_GEODATA);
  Resolver resolver(*atlas);
  int region = atlas->region_index("nakhichevan");
  REQUIRE(region >= 0);
  AreaOptions o;
  o.pieces = atlas->regions[region].pieces;
  auto days = area_days(test::day("1920-01-01"), test::day("1921-12-31"), AreaStep::Month);
  AreaTable t = area_table(*atlas, resolver, days, o);
  double whole = 0;
  for (int p : o.pieces) whole += atlas->pieces[p].area_km2;
  CHECK(t.total_km2 == Approx(whole));
  REQUIRE(t.values.size() == days.size());
  for (const auto& row : t.values) {
    REQUIRE(row.size() == t.series.size());
    double sum = 0;
    int pieces = 0;
    for (size_t k = 0; k < row.size(); ++k)
      if (!t.series[k].claim) sum += row[k].km2, pieces += row[k].pieces;
    CHECK(sum == Approx(whole));
    CHECK(pieces == static_cast<int>(o.pieces.size()));
  }
  AreaOptions control_only = o;
  control_only.claims = false;
  for (const auto& s : area_table(*atlas, resolver, days, control_only).series) CHECK_FALSE(s.claim);
}

// ---
TEST_CASE("areas: the chart is SVG with the key's names in the chosen language", "[areas][chart]") {
  test::Scratch s;
  auto atlas = test::load_ok(HISTMAP_GEODATA);
  Resolver resolver(*atlas);
  auto days = area_days(test::day("1920-01-01"), test::day("1921-12-31"), AreaStep::Month);
  AreaTable t = area_table(*atlas, resolver, days, {});
  for (const char* lang : {"en", "hy"}) {
    const std::string svg = (s.dir / (std::string(lang) + ".svg")).string();
    AreaChartOptions o;
    o.lang = lang, o.from = days.front(), o.to = days.back();
    Report report;
    write_area_svg(*atlas, t, test::style_named("default"), o, svg, report);
    INFO(test::all_findings(report));
    REQUIRE_FALSE(report.has_errors());
    // Parse it: an <svg> root with a <title> and a <desc> naming every polity the table names.
    const std::string desc = (s.dir / "desc.txt").string();
    std::string parse =
        "/usr/bin/python3 -c \"import sys, xml.etree.ElementTree as E; r = E.parse(sys.argv[1]).getroot(); "
        "ns = '{http://www.w3.org/2000/svg}'; assert r.tag == ns + 'svg'; "
        "open(sys.argv[2], 'w').write(r.find(ns + 'title').text + '\\n' + r.find(ns + 'desc').text)\" " +
        svg + " " + desc;
    REQUIRE(std::system(parse.c_str()) == 0);
    const std::string words = test::read(desc);
    // The chart's words are <text> an XML reader finds (not glyph outlines), in the language.
    const test::SvgWords text = test::svg_words(svg);
    REQUIRE(text.parsed);
    CHECK(text.symbols == 0);
    CHECK(text.glyph_refs == 0);
    CHECK(text.lang == lang);
    auto has = [&](const std::string& t) {
      return std::find(text.texts.begin(), text.texts.end(), t) != text.texts.end();
    };
    for (const auto& series : t.series) {
      const std::string name = series_name(series, *atlas, words_for(lang));
      INFO(name);
      CHECK(words.find(name) != std::string::npos);
      CHECK(has(series.claim ? words_for(lang).fill("claim", {{"party", name}}) : name));
    }
    for (const char* key : {"areas.control_heading", "areas.claims_heading", "month.1"})
      CHECK(has(words_for(lang).get(key)));
    CHECK(has("1921"));  // the period is 1920–1921
    CHECK(has(words_for(lang).fill("areas.km2", {{"n", "0"}})));
    if (std::string(lang) == "hy") CHECK(has("Հայաստանի Հանրապետություն"));  // Armenian script as text
    CHECK(words.find(words_for(lang).fill("areas.title", {{"title", dataset_title(*atlas, words_for(lang))},
                                                          {"sets", sets_in_use_words(*atlas, words_for(lang))}})) !=
          std::string::npos);
  }
  // Byte for byte the same output from the same command (Cairo numbers glyphs per process).
  const std::string args = "areas --lang ru --data " + test::synthetic() + " --chart ";
  auto a = test::histmap(args + (s.dir / "a.svg").string() + " -o " + (s.dir / "a.csv").string());
  auto b = test::histmap(args + (s.dir / "b.svg").string() + " -o " + (s.dir / "b.csv").string());
  REQUIRE(a.code == 0);
  REQUIRE(b.code == 0);
  CHECK(test::read(s.dir / "a.svg") == test::read(s.dir / "b.svg"));
  CHECK(test::read(s.dir / "a.csv") == test::read(s.dir / "b.csv"));
}
