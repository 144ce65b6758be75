// Small multiples: several dates on one page with one legend holding the union of the
// panels' categories, headings naming the dates, the grid, determinism, bad input.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <set>

#include "helpers.hpp"
#include "render/multiple.hpp"

using namespace histmap;
namespace fs = std::filesystem;

namespace {

MapOptions page() {
  MapOptions o;
  o.width_pt = 720, o.height_pt = 420, o.dpi = 96, o.labels = false;
  return o;
}

std::set<std::string> keys_of(const Atlas& atlas, const std::vector<LegendItem>& items) {
  std::set<std::string> out;
  for (const auto& i : items) out.insert(category_key(i.category, atlas));
  return out;
}

// The PDF's text as pdftotext (poppler) reads it, runs of white space made one space.
std::string pdf_words(const fs::path& pdf) {
  fs::path txt = pdf;
  txt.replace_extension(".txt");
  REQUIRE(std::system(("pdftotext -q " + pdf.string() + " " + txt.string()).c_str()) == 0);
  std::string raw = test::read(txt), out;
  for (char ch : raw) {
    bool space = ch == ' ' || ch == '\n' || ch == '\t' || ch == '\f';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out += space ? ' ' : ch;
  }
  return out;
}

}  // namespace

TEST_CASE("a multiple of two dates: one legend with the union of both maps' categories", "[render][multiple]") {
  auto atlas = test::load_ok(test::synthetic());
  Resolver r(*atlas);
  Style st = test::style_named("default");
  test::Scratch s;
  Report rep;
  const std::vector<Day> days = {test::day("1920-05-15"), test::day("1920-09-15")};
  // The single maps of each date, drawn the ordinary way: their legends are the reference.
  MapOptions single = page();
  MapCanvas canvas(*atlas, single, rep);
  REQUIRE(canvas.ok());
  auto may = canvas.render(r, days[0], st, (s.dir / "may.png").string(), rep);
  auto sep = canvas.render(r, days[1], st, (s.dir / "sep.png").string(), rep);
  std::set<std::string> expected = keys_of(*atlas, may), sep_keys = keys_of(*atlas, sep);
  expected.insert(sep_keys.begin(), sep_keys.end());
  // The dates differ in what they show, so the union is more than either.
  REQUIRE(expected.size() > keys_of(*atlas, may).size());
  REQUIRE(expected.size() > sep_keys.size());

  auto panels = date_panels(*atlas, r, days, "en");
  auto drawn = render_multiple(panels, 0, page(), st, (s.dir / "m.pdf").string(), rep);
  INFO(test::all_findings(rep));
  REQUIRE_FALSE(rep.has_errors());
  CHECK(keys_of(*atlas, drawn.legend) == expected);
  CHECK(drawn.legend.size() == expected.size());  // each category once
  CHECK(std::is_sorted(drawn.legend.begin(), drawn.legend.end(),
                       [](const LegendItem& a, const LegendItem& b) { return legend_order(a.category, b.category); }));
  CHECK(drawn.columns * drawn.rows >= 2);
  REQUIRE(drawn.shown.size() == 2);
  CHECK(drawn.shown[0] == canvas.shown_assertions(r, days[0]));
  CHECK(drawn.shown[1] == canvas.shown_assertions(r, days[1]));

  // What a reader sees on the page: both dates in words as headings, every legend label once.
  const std::string text = pdf_words(s.dir / "m.pdf");
  const Words& w = words_for("en");
  for (Day d : days) {
    INFO(day_words(d, w));
    CHECK(text.find(day_words(d, w)) != std::string::npos);
  }
  for (const auto& item : drawn.legend) {
    INFO(item.label);
    CHECK(text.find(item.label) != std::string::npos);
  }
  CHECK(text.find(w.get("legend.title")) == text.rfind(w.get("legend.title")));  // one legend
}

TEST_CASE("a multiple is byte-identical across runs, as SVG, PNG and PDF", "[render][multiple]") {
  test::Scratch s;
  // Separate runs of the program, as a user makes them (Cairo numbers SVG ids per process).
  for (const char* ext : {".svg", ".png", ".pdf"}) {
    INFO(ext);
    std::string a = (s.dir / (std::string("a") + ext)).string(), b = (s.dir / (std::string("b") + ext)).string();
    std::string args = "render --date 1920-05-15 --date 1920-09-15 --lang hy --size 800x500 --dpi 72 --data " +
                       test::synthetic() + " -o ";
    auto ra = test::histmap(args + a);
    auto rb = test::histmap(args + b);
    INFO(ra.err);
    REQUIRE(ra.code == 0);
    REQUIRE(rb.code == 0);
    CHECK(fs::file_size(a) > 1000);
    CHECK(test::read(a) == test::read(b));
  }
  auto atlas = test::load_ok(test::synthetic());
  Resolver r(*atlas);
  auto panels = date_panels(*atlas, r, {test::day("1920-05-15"), test::day("1920-09-15")}, "hy");
  CHECK(panels[1].heading == day_words(test::day("1920-09-15"), words_for("hy")));
}

TEST_CASE("a multiple's grid: fitted to the page, or the columns asked for", "[render][multiple]") {
  auto atlas = test::load_ok(test::synthetic());
  Resolver r(*atlas);
  Style st = test::style_named("default");
  test::Scratch s;
  Report rep;
  std::vector<Day> days;
  for (const char* d : {"1920-02-01", "1920-05-15", "1920-09-15", "1921-03-01"}) days.push_back(test::day(d));
  auto panels = date_panels(*atlas, r, days, "en");
  double aspect = framed_aspect(*atlas, page(), rep);
  REQUIRE(aspect > 0);
  // On a wide page four panels go side by side rather than in one column; on a tall page fewer columns.
  MapOptions wide = page(), tall = page();
  wide.width_pt = 1400, wide.height_pt = 400;
  tall.width_pt = 400, tall.height_pt = 1400;
  CHECK(fitted_columns(4, aspect, wide) > fitted_columns(4, aspect, tall));
  MapOptions portrait = page();
  portrait.width_pt = 500, portrait.height_pt = 1000;
  auto drawn = render_multiple(panels, 1, portrait, st, (s.dir / "col.png").string(), rep);
  INFO(test::all_findings(rep));
  REQUIRE_FALSE(rep.has_errors());
  CHECK(drawn.columns == 1);
  CHECK(drawn.rows == 4);
}

TEST_CASE("a multiple refuses too many panels and impossible columns, writing nothing", "[render][multiple]") {
  CHECK(multiple_grid_error(2, 0).empty());
  CHECK(multiple_grid_error(16, 4).empty());
  CHECK(multiple_grid_error(17, 0).find("at most 16") != std::string::npos);
  CHECK(multiple_grid_error(3, 4).find("--columns 4") != std::string::npos);
  CHECK(multiple_grid_error(0, 0).find("--date") != std::string::npos);
  auto atlas = test::load_ok(test::synthetic());
  Resolver r(*atlas);
  test::Scratch s;
  Report rep;
  std::vector<Day> days;
  for (int i = 0; i < 17; ++i) days.push_back(test::day("1920-01-01") + i);
  auto drawn = render_multiple(date_panels(*atlas, r, days, "en"), 0, page(), test::style_named("default"),
                               (s.dir / "m.png").string(), rep);
  CHECK(drawn.bad_arguments);
  CHECK(test::has_finding(rep, Severity::Error, {"17 panels", "at most 16"}));
  CHECK_FALSE(fs::exists(s.dir / "m.png"));
}

TEST_CASE("panels of two atlases (source sets): one legend with the union, each category once", "[render][multiple]") {
  test::Scratch s;
  auto other_dir = s.copy_of(test::synthetic());
  test::edit(other_dir / "assertions/one.yaml", "party: red\n    region: uy_a", "party: green\n    region: uy_a");
  auto one = test::load_ok(test::synthetic()), other = test::load_ok(other_dir.string());
  Resolver r1(*one), r2(*other);
  Style st = test::style_named("default");
  Report rep;
  const Day may = test::day("1920-05-15");
  MapCanvas c1(*one, page(), rep), c2(*other, page(), rep);
  REQUIRE(c1.ok());
  REQUIRE(c2.ok());
  auto l1 = c1.render(r1, may, st, (s.dir / "one.png").string(), rep);
  auto l2 = c2.render(r2, may, st, (s.dir / "other.png").string(), rep);
  std::set<std::string> expected = keys_of(*one, l1), other_keys = keys_of(*other, l2);
  REQUIRE(expected != other_keys);  // the edit shows: the two maps differ
  expected.insert(other_keys.begin(), other_keys.end());
  std::vector<Panel> panels = {{one.get(), &r1, may, "Panel Alpha"}, {other.get(), &r2, may, "Panel Beta"}};
  auto drawn = render_multiple(panels, 0, page(), st, (s.dir / "sets.pdf").string(), rep);
  INFO(test::all_findings(rep));
  REQUIRE_FALSE(rep.has_errors());
  std::set<std::string> got;
  for (const auto& item : drawn.legend)
    got.insert(category_key(item.category, *one));  // both atlases have the same polities
  CHECK(got == expected);
  CHECK(drawn.legend.size() == expected.size());
  const std::string text = pdf_words(s.dir / "sets.pdf");
  CHECK(text.find("Panel Alpha") != std::string::npos);
  CHECK(text.find("Panel Beta") != std::string::npos);
  CHECK(text.find(day_words(may, words_for("en"))) != std::string::npos);  // one day: the date line names it
}
