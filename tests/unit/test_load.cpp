#include <catch2/catch.hpp>

#include <cmath>

#include "helpers.hpp"
#include "time/resolve.hpp"

using namespace histmap;
namespace fs = std::filesystem;

namespace {

// "file:line" of the first line containing `text`.
std::string at(const fs::path& file, const std::string& text) {
  std::string s = test::read(file);
  auto pos = s.find(text);
  REQUIRE(pos != std::string::npos);
  int line = 1 + static_cast<int>(std::count(s.begin(), s.begin() + static_cast<long>(pos), '\n'));
  return file.string() + ":" + std::to_string(line);
}

Report load_report(const fs::path& dir, const std::vector<std::string>& extra = {}) {
  Report r;
  auto atlas = load_atlas({dir.string(), extra}, r);
  CHECK_FALSE(atlas);  // every case here is broken
  return r;
}

// A source set of one invented source: Violet holds uyezd A in March 1920 (a conflict with the synthetic data).
void write_violet_set(const fs::path& dir) {
  fs::create_directories(dir / "assertions");
  test::write(dir / "sources.yaml",
              "sources:\n  - id: src_three\n    title: A third view\n    perspective: Invented; the other side.\n");
  test::write(dir / "polities.yaml", "polities:\n  - {id: violet, names: {en: Violet}}\n");
  test::write(dir / "assertions/three.yaml",
              "source: src_three\nassertions:\n  - id: three-violet-a\n    kind: control\n    party: violet\n"
              "    region: uy_a\n    from: 1920-03-01\n    to: 1920-03-31\n    locator: {lines: \"9\"}\n"
              "    paraphrase: Violet held uyezd A in March 1920.\n");
}

}  // namespace

// ---
TEST_CASE("the synthetic dataset loads with every table and expanded regions", "[load]") {
  auto a = test::load_ok(test::synthetic());
  CHECK(a->pieces.size() == 6);
  CHECK(a->regions.size() == 5);
  CHECK(a->polities.size() == 4);
  CHECK(a->sources.size() == 2);
  CHECK(a->assertions.size() == 12);
  const Region& gov = a->regions[a->region_index("gov_a")];
  CHECK(gov.pieces.size() == 6);
  CHECK(a->regions[a->region_index("uy_a")].names.at("hy") == "Գավառ Ա");
  CHECK(a->uyezd_of(a->piece_index("p4")) == a->region_index("uy_b"));
  CHECK(a->strictly_within(a->region_index("part_core"), a->region_index("uy_a")));
  CHECK_FALSE(a->strictly_within(a->region_index("uy_a"), a->region_index("uy_a")));
  CHECK_FALSE(a->strictly_within(a->region_index("part_west"), a->region_index("uy_a")));
  // A 0.5° square at 40.5-41°N: 0.5° of latitude ≈ 55.5 km, of longitude ≈ 42.2 km there.
  const Piece& p1 = a->pieces[a->piece_index("p1")];
  double expect = 111.03 * 0.5 * 111.32 * std::cos(40.75 * M_PI / 180) * 0.5;
  CHECK(p1.area_km2 == Approx(expect).epsilon(0.01));
  const Assertion& blue = a->assertions[a->assertion_index("one-blue-a")];
  CHECK(blue.interval.from.original == "1920-07");
  CHECK(blue.interval.to.open());
  CHECK(blue.locator.text() == "p.2, line 3");
  CHECK(blue.voice == "author");
  CHECK(a->assertions[a->assertion_index("one-letter-green-core")].cites.size() == 1);
}

// ---
TEST_CASE("each broken table input is reported with file, line and what would be right", "[load][errors]") {
  test::Scratch s;
  fs::path d = s.copy_of(test::synthetic());
  fs::path one = d / "assertions/one.yaml";

  SECTION("impossible date") {
    test::edit(one, "from: 1920-01-01", "from: 1920-02-30");
    auto r = load_report(d);
    CHECK(test::has_finding(r, Severity::Error, {at(one, "1920-02-30"), "one-red-a", "February 1920 has 29 days"}));
  }
  SECTION("inverted interval") {
    test::edit(one, "to: 1920-06-30", "to: 1919-06-30");
    auto r = load_report(d);
    CHECK(test::has_finding(r, Severity::Error, {one.string(), "one-red-a", "inverted"}));
  }
  SECTION("unknown party, region, source") {
    test::edit(one, "party: blue", "party: bleu");
    test::edit(one, "region: part_core", "region: part_centre");
    test::edit(one, "source: src_one", "source: src_uno");
    auto r = load_report(d);
    CHECK(test::has_finding(r, Severity::Error, {at(one, "party: bleu"), "unknown party 'bleu'"}));
    CHECK(test::has_finding(r, Severity::Error, {at(one, "region: part_centre"), "unknown region 'part_centre'"}));
    CHECK(test::has_finding(r, Severity::Error, {"unknown source 'src_uno'"}));
  }
  SECTION("malformed YAML") {
    test::edit(one, "    paraphrase: Red holds", "   paraphrase: [Red holds");
    auto r = load_report(d);
    CHECK(test::has_finding(r, Severity::Error, {one.string() + ":", "malformed YAML"}));
  }
  SECTION("a typo in a key") {
    test::edit(one, "    locator: {page: \"p.1\"", "    locater: {page: \"p.1\"");
    auto r = load_report(d);
    CHECK(test::has_finding(r, Severity::Error, {at(one, "locater"), "unknown key 'locater'", "allowed keys"}));
    CHECK(test::has_finding(r, Severity::Error, {"one-red-a has no 'locator'"}));
  }
  SECTION("duplicate assertion id across files") {
    test::edit(d / "assertions/two.yaml", "id: two-red-b", "id: one-red-a");
    auto r = load_report(d);
    CHECK(test::has_finding(r, Severity::Error, {"defined twice", at(one, "id: one-red-a")}));
  }
  SECTION("unknown designation type, and 'assigned' without a beneficiary") {
    test::edit(one, "type: disputed", "type: contested");
    test::edit(one, "    beneficiary: blue\n", "");
    auto r = load_report(d);
    CHECK(
        test::has_finding(r, Severity::Error, {at(one, "type: contested"), "'contested' is unknown", "neutral_zone"}));
    CHECK(test::has_finding(r, Severity::Error, {"one-assigned-blue", "needs the 'beneficiary'"}));
  }
  SECTION("a region naming a missing piece, an unknown include, and a cycle") {
    fs::path regions = d / "regions.yaml";
    test::edit(regions, "pieces: [p1, p2, p3]", "pieces: [p1, p2, p3, p9]");
    test::edit(regions, "pieces: [p1, p4]", "pieces: [p1, p4]\n    includes: [gov_a]");
    test::edit(regions, "includes: [uy_a, uy_b]", "includes: [uy_a, uy_b, part_west, uy_c]");
    auto r = load_report(d);
    CHECK(test::has_finding(r, Severity::Error, {at(regions, "id: uy_a"), "names piece 'p9'"}));
    CHECK(test::has_finding(r, Severity::Error, {"gov_a includes unknown region 'uy_c'"}));
    CHECK(test::has_finding(r, Severity::Error, {"a cycle"}));
  }
  SECTION("a bad colour and a bad lifespan") {
    fs::path pol = d / "polities.yaml";
    test::edit(pol, "\"#cc0000\"", "red");
    test::edit(pol, "to: 1925-12-31", "to: 1918-12-31");
    auto r = load_report(d);
    CHECK(test::has_finding(r, Severity::Error, {at(pol, "id: red"), "not of the form #rrggbb"}));
    CHECK(test::has_finding(r, Severity::Error, {at(pol, "id: green"), "green lifespan", "inverted"}));
  }
  SECTION("a missing table") {
    fs::remove(d / "sources.yaml");
    auto r = load_report(d);
    CHECK(test::has_finding(r, Severity::Error, {(d / "sources.yaml").string(), "missing"}));
  }
}

// ---
TEST_CASE("each broken piece is reported with its feature id", "[load][errors][geometry]") {
  test::Scratch s;
  fs::path d = s.copy_of(test::synthetic());
  fs::path pieces = d / "pieces.geojson";

  SECTION("malformed GeoJSON") {
    test::write(pieces, "{\"type\": \"FeatureCollection\", \"features\": [ {\"type\": ");
    auto r = load_report(d);
    CHECK(test::has_finding(r, Severity::Error, {pieces.string(), "not readable as GeoJSON"}));
  }
  SECTION("self-intersecting polygon") {
    test::edit(pieces, "[[[44.0,40.5],[44.5,40.5],[44.5,41.0],", "[[[44.0,40.5],[44.5,41.0],[44.5,40.5],");
    auto r = load_report(d);
    CHECK(test::has_finding(r, Severity::Error, {"id p1", "invalid geometry"}));
  }
  SECTION("a point is not a piece") {
    test::edit(
        pieces,
        "\"type\": \"Polygon\", \"coordinates\": [[[44.0,40.5],[44.5,40.5],[44.5,41.0],[44.0,41.0],[44.0,40.5]]]",
        "\"type\": \"Point\", \"coordinates\": [44.2,40.7]");
    auto r = load_report(d);
    CHECK(test::has_finding(r, Severity::Error, {"id p1", "geometry is POINT"}));
  }
  SECTION("duplicate and missing piece ids") {
    test::edit(pieces, "\"id\": \"p2\"", "\"id\": \"p1\"");
    test::edit(pieces, "\"id\": \"p3\"", "\"id\": \"\"");
    auto r = load_report(d);
    CHECK(test::has_finding(r, Severity::Error, {"feature #2", "used by two features"}));
    CHECK(test::has_finding(r, Severity::Error, {"feature #3", "is empty"}));
  }
  SECTION("projected coordinates") {
    test::edit(pieces, "[[[44.0,40.5]", "[[[440000.0,40.5]");
    auto r = load_report(d);
    CHECK(test::has_finding(r, Severity::Error, {"outside lon/lat range"}));
  }
}

// ---
TEST_CASE("another source set loads beside the dataset and its disagreements show", "[load][sources]") {
  test::Scratch s;
  fs::path extra = s.dir / "extra";
  write_violet_set(extra);
  auto a = test::load_ok(test::synthetic(), {extra.string()});
  CHECK(a->sources.size() == 3);
  Resolver r(*a);
  const PieceState& st = r.at(a->piece_index("p2"), test::day("1920-03-15"));
  REQUIRE(st.conflict());
  CHECK(st.conflicts[0].sides.size() == 2);

  SECTION("a second set may not redefine an id") {
    test::write(extra / "polities.yaml", "polities:\n  - {id: red, names: {en: Another red}}\n");
    Report rep;
    CHECK_FALSE(load_atlas({test::synthetic(), {extra.string()}}, rep));
    CHECK(test::has_finding(rep, Severity::Error, {"polity id 'red' is defined twice"}));
  }
}

// ---
TEST_CASE("source sets: folders under sets/ load by default and --sources picks some", "[load][sources]") {
  test::Scratch s;
  const fs::path data = s.dir / "data";
  fs::copy(test::synthetic(), data, fs::copy_options::recursive);
  // The synthetic dataset's own texts become a set under sets/, beside a second set.
  fs::create_directories(data / "sets");
  fs::rename(data / "assertions", s.dir / "moved_assertions");
  fs::create_directories(data / "sets/first");
  fs::rename(s.dir / "moved_assertions", data / "sets/first/assertions");
  fs::rename(data / "sources.yaml", data / "sets/first/sources.yaml");
  test::write(data / "sets/first/set.yaml",
              "name: {en: first texts, ru: первые тексты}\nperspective: {en: One side.}\n");
  write_violet_set(data / "sets/second");
  const size_t own = test::load_ok(test::synthetic())->assertions.size();

  auto all = test::load_ok(data.string());
  REQUIRE(all->sets.size() == 2);
  CHECK(all->sets[0].id == "first");
  CHECK(all->sets[0].name.at("ru") == "первые тексты");
  CHECK(all->sets[1].name.at("en") == "second");  // no set.yaml: the folder's name stands in
  CHECK(all->sources[static_cast<size_t>(all->source_index("src_three"))].set == 1);
  CHECK(all->assertions.size() == own + 1);
  const Resolver resolve_all(*all);
  CHECK(resolve_all.at(all->piece_index("p2"), test::day("1920-03-15")).conflict());

  SECTION("one set alone: the other's assertions play no part") {
    Report rep;
    auto one = load_atlas({data.string(), {}, {"second"}}, rep);
    REQUIRE(one);
    CHECK(one->assertions.size() == 1);
    CHECK_FALSE(one->sets[0].in_use);
    CHECK(one->sets[1].in_use);
    const Resolver resolve_one(*one);  // the state lives in the resolver, so the resolver must outlive it
    const PieceState& st = resolve_one.at(one->piece_index("p2"), test::day("1920-03-15"));
    CHECK_FALSE(st.conflict());
    CHECK(st.controller == one->polity_index("violet"));
  }
  SECTION("a source id picks that source, and its set is in use") {
    Report rep;
    auto one = load_atlas({data.string(), {}, {"src_three"}}, rep);
    REQUIRE(one);
    CHECK(one->assertions.size() == 1);
    CHECK(one->sets[1].in_use);
  }
  SECTION("an unknown id is an error naming the sets") {
    Report rep;
    CHECK_FALSE(load_atlas({data.string(), {}, {"third"}}, rep));
    CHECK(test::has_finding(rep, Severity::Error, {"'third' is neither a source set (first, second)"}));
  }
  SECTION("dataset.yaml's order comes first, and a listed set must exist") {
    test::write(data / "dataset.yaml", test::read(data / "dataset.yaml") + "sets: [second]\n");
    auto ordered = test::load_ok(data.string());
    CHECK(ordered->sets[0].id == "second");
    test::edit(data / "dataset.yaml", "sets: [second]", "sets: [second, missing]");
    Report rep;
    CHECK_FALSE(load_atlas({data.string()}, rep));
    CHECK(test::has_finding(rep, Severity::Error, {"sets: 'missing' names no folder"}));
  }
  SECTION("a set added with --add-data may not take a shipped set's name") {
    Report rep;
    CHECK_FALSE(load_atlas({data.string(), {(data / "sets/second").string()}}, rep));
    CHECK(test::has_finding(rep, Severity::Error, {"a source set named 'second' is already loaded"}));
  }
}
