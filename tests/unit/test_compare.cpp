// histmap compare: the comparison of two sides (time/compare) against the
// resolver's own states, the CLI's table in text/CSV/JSON, and the map.
#include <catch2/catch.hpp>

#include <cairo.h>

#include <algorithm>
#include <array>
#include <fstream>
#include <set>
#include <sstream>

#include <ogr_api.h>
#include <nlohmann/json.hpp>

#include "data/load.hpp"
#include "helpers.hpp"
#include "render/compare_map.hpp"
#include "render/map.hpp"
#include "symbology/appearance.hpp"
#include "symbology/classify.hpp"
#include "symbology/legend.hpp"
#include "symbology/words.hpp"
#include "time/compare.hpp"

using namespace histmap;
using test::day;
namespace fs = std::filesystem;

namespace {

struct Shipped {
  std::unique_ptr<Atlas> atlas = test::load_ok(HISTMAP_GEODATA);
  Resolver resolver{*atlas};
};

std::set<int> pieces_of(const std::vector<PieceComparison>& rows) {
  std::set<int> out;
  for (const auto& r : rows) out.insert(r.piece);
  return out;
}

bool has(const PieceComparison& c, Aspect a) { return std::count(c.aspects.begin(), c.aspects.end(), a) > 0; }

std::set<int> control_parties(const PieceState& s) {
  std::set<int> out;
  for (const auto& c : s.control) out.insert(c.party);
  return out;
}

// A minimal CSV reader (quoted fields with doubled quotes), enough to check the table parses.
std::vector<std::vector<std::string>> read_csv(const std::string& text) {
  std::vector<std::vector<std::string>> rows(1, std::vector<std::string>(1));
  bool quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') rows.back().back() += '"', ++i;
      else if (c == '"') quoted = false;
      else rows.back().back() += c;
    } else if (c == '"') quoted = true;
    else if (c == ',') rows.back().emplace_back();
    else if (c == '\n') rows.emplace_back(1);
    else rows.back().back() += c;
  }
  REQUIRE_FALSE(quoted);
  if (rows.back() == std::vector<std::string>(1)) rows.pop_back();
  return rows;
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

TEST_CASE("compare of two days lists exactly the pieces the resolver gives differently") {
  Shipped s;
  const Day a = day("1920-04-01"), b = day("1920-05-15");
  auto rows = compare_sides({&s.resolver, a}, {&s.resolver, b});
  REQUIRE_FALSE(rows.empty());
  std::set<int> controller_changed, shown_changed, candidates_changed;
  for (size_t p = 0; p < s.atlas->pieces.size(); ++p) {
    const PieceState& x = s.resolver.at(static_cast<int>(p), a);
    const PieceState& y = s.resolver.at(static_cast<int>(p), b);
    if (x.controller != y.controller) controller_changed.insert(static_cast<int>(p));
    if (legend_categories({&x}) != legend_categories({&y})) shown_changed.insert(static_cast<int>(p));
    if (x.controller < 0 && y.controller < 0 && control_parties(x) != control_parties(y))
      candidates_changed.insert(static_cast<int>(p));
  }
  REQUIRE_FALSE(controller_changed.empty());
  std::set<int> controller_rows;
  for (const auto& r : rows)
    if (has(r, Aspect::Controller)) controller_rows.insert(r.piece);
  // Rows naming the controller: the pieces whose controller changed, and those whose undecided candidates did.
  std::set<int> expected_controller = controller_changed;
  expected_controller.insert(candidates_changed.begin(), candidates_changed.end());
  CHECK(controller_rows == expected_controller);
  // Every piece whose map categories differ is a row; every row differs in categories or candidates.
  std::set<int> listed = pieces_of(rows);
  for (int p : shown_changed) CHECK(listed.count(p) == 1);
  for (int p : listed) CHECK((shown_changed.count(p) == 1 || candidates_changed.count(p) == 1));
  for (const auto& r : rows) {
    INFO("piece " << s.atlas->pieces[r.piece].id);
    CHECK(r.kind == (r.first->empty()    ? Difference::OnlySecond
                     : r.second->empty() ? Difference::OnlyFirst
                                         : Difference::Differs));
    CHECK(&s.resolver.at(r.piece, a) == r.first);
    CHECK(&s.resolver.at(r.piece, b) == r.second);
    // The assertions named are part of their day's state, and one of them at least begins, ends,
    // turns certain or uncertain, or is set aside or no longer, between the days.
    REQUIRE(r.first_assertions.size() + r.second_assertions.size() > 0);
    auto in = [](const std::vector<int>& v, int i) { return std::count(v.begin(), v.end(), i) > 0; };
    auto part_of = [&](const PieceState& st, int i) { return in(st.assertions, i) || in(st.set_aside, i); };
    bool some_changes = false;
    for (int i : r.first_assertions) CHECK(part_of(*r.first, i));
    for (int i : r.second_assertions) CHECK(part_of(*r.second, i));
    for (const auto* list : {&r.first_assertions, &r.second_assertions})
      for (int i : *list)
        some_changes = some_changes || in(r.first->assertions, i) != in(r.second->assertions, i) ||
                       in(r.first->uncertain, i) != in(r.second->uncertain, i) ||
                       in(r.first->set_aside, i) != in(r.second->set_aside, i);
    CHECK(some_changes);
  }
}

TEST_CASE("compare of two atlases is the same code: a second load agrees with itself and with the day compare") {
  Shipped s;
  auto other = test::load_ok(HISTMAP_GEODATA);
  Resolver other_resolver(*other);
  const Day a = day("1920-04-01"), b = day("1920-05-15");
  CHECK(compare_sides({&s.resolver, a}, {&other_resolver, a}).empty());
  auto across = compare_sides({&s.resolver, a}, {&other_resolver, b});
  auto within = compare_sides({&s.resolver, a}, {&s.resolver, b});
  REQUIRE(across.size() == within.size());
  for (size_t i = 0; i < across.size(); ++i) {
    CHECK(across[i].piece == within[i].piece);
    CHECK(across[i].aspects == within[i].aspects);
    // Two atlases: each side's applied assertions, from its own atlas.
    CHECK(across[i].first_assertions == across[i].first->assertions);
    CHECK(across[i].second_assertions == across[i].second->assertions);
    CHECK(across[i].second == &other_resolver.at(across[i].piece, b));
  }
}

TEST_CASE("a side that is silent where the other speaks is listed as such, not as a disagreement") {
  test::Scratch scratch;
  fs::path full = scratch.copy_of(test::synthetic());
  auto with_both = test::load_ok(full.string());
  fs::remove(full / "assertions" / "two.yaml");
  auto only_one = test::load_ok(full.string());
  Resolver r1(*with_both), r2(*only_one);
  const Day d = day("1920-08-01");
  auto rows = compare_sides({&r1, d}, {&r2, d});
  REQUIRE_FALSE(rows.empty());
  for (const auto& r : rows) {
    INFO("piece " << with_both->pieces[r.piece].id);
    if (r.second->empty()) {
      CHECK(r.kind == Difference::OnlyFirst);
    } else {
      CHECK(r.kind == Difference::Differs);
      CHECK_FALSE(r.aspects.empty());
    }
  }
  // Reversed, the silent side is the first.
  for (const auto& r : compare_sides({&r2, d}, {&r1, d}))
    if (r.first->empty()) CHECK(r.kind == Difference::OnlySecond);
}

TEST_CASE("histmap compare prints a table in text, CSV and JSON that lists the compared pieces") {
  Shipped s;
  auto rows = compare_sides({&s.resolver, day("1920-04-01")}, {&s.resolver, day("1920-05-15")});
  std::set<std::string> expected;
  for (const auto& r : rows) expected.insert(s.atlas->pieces[r.piece].id);
  const std::string args = "compare --date 1920-04-01 --date 1920-05-15 --data " + std::string(HISTMAP_GEODATA);

  auto json_run = test::histmap(args + " --format json");
  REQUIRE(json_run.code == 0);
  auto j = nlohmann::json::parse(json_run.out);
  CHECK(j["count"] == rows.size());
  std::set<std::string> listed;
  for (const auto& row : j["rows"]) {
    listed.insert(row["piece"].get<std::string>());
    CHECK(row["first"]["assertions"].size() + row["second"]["assertions"].size() > 0);
    for (const auto& side : {row["first"], row["second"]})
      for (const auto& a : side["assertions"]) CHECK_FALSE(a["source"].get<std::string>().empty());
  }
  CHECK(listed == expected);

  auto csv_run = test::histmap(args + " --format csv");
  REQUIRE(csv_run.code == 0);
  auto table = read_csv(csv_run.out);
  REQUIRE(table.size() == rows.size() + 1);
  std::set<std::string> csv_pieces;
  for (size_t i = 1; i < table.size(); ++i) {
    REQUIRE(table[i].size() == table[0].size());
    csv_pieces.insert(table[i][2]);
    CHECK((!table[i][8].empty() || !table[i][11].empty()));  // every row names an assertion
  }
  CHECK(table[0][2] == "piece");
  CHECK(csv_pieces == expected);

  auto text_run = test::histmap(args + " --lang ru");
  REQUIRE(text_run.code == 0);
  CHECK(text_run.out.find("Изменения между") != std::string::npos);
  for (const auto& id : expected) CHECK(text_run.out.find("(" + id + ")") != std::string::npos);
}

TEST_CASE(
    "histmap compare --map draws the second day with changed pieces outlined and the rest faded, byte for byte the "
    "same each run") {
  Shipped s;
  test::Scratch scratch;
  const std::string data = " --data " + std::string(HISTMAP_GEODATA);
  // Large enough that both legends fit one column, so both maps share one frame.
  const std::string size = " --size 3000x2200";
  const std::string common = " --date 1920-04-01 --date 1920-05-15 --format json" + size + data;
  auto run1 = test::histmap("compare -o " + (scratch.dir / "t.json").string() + " --map " +
                            (scratch.dir / "a.png").string() + common);
  INFO(run1.err);
  REQUIRE(run1.code == 0);
  REQUIRE(test::histmap("compare --map " + (scratch.dir / "b.png").string() + common).code == 0);
  REQUIRE(fs::exists(scratch.dir / "a.png"));
  CHECK(slurp(scratch.dir / "a.png") == slurp(scratch.dir / "b.png"));
  REQUIRE(test::histmap("compare --map " + (scratch.dir / "c.svg").string() + common).code == 0);
  REQUIRE(test::histmap("compare --map " + (scratch.dir / "d.svg").string() + common).code == 0);
  CHECK(slurp(scratch.dir / "c.svg") == slurp(scratch.dir / "d.svg"));

  // Beside the plain map of the second day: inside pieces that changed the colours are the same,
  // inside the others they are nearer the page colour (faded).
  REQUIRE(test::histmap("render --date 1920-05-15 -o " + (scratch.dir / "plain.png").string() + size + data).code == 0);
  MapOptions options;
  Report report;
  std::string error;
  REQUIRE(parse_page_size("3000x2200", options.dpi, options.width_pt, options.height_pt, error));
  MapCanvas canvas(*s.atlas, options, report);
  REQUIRE(canvas.ok());
  cairo_surface_t* cmp = cairo_image_surface_create_from_png((scratch.dir / "a.png").c_str());
  cairo_surface_t* plain = cairo_image_surface_create_from_png((scratch.dir / "plain.png").c_str());
  REQUIRE(cairo_surface_status(cmp) == CAIRO_STATUS_SUCCESS);
  REQUIRE(cairo_surface_status(plain) == CAIRO_STATUS_SUCCESS);
  auto pixel = [](cairo_surface_t* surf, double x, double y) {
    const unsigned char* d =
        cairo_image_surface_get_data(surf) + static_cast<int>(y) * cairo_image_surface_get_stride(surf);
    uint32_t px = reinterpret_cast<const uint32_t*>(d)[static_cast<int>(x)];
    return std::array<int, 3>{int((px >> 16) & 255), int((px >> 8) & 255), int(px & 255)};
  };
  std::set<int> changed = pieces_of(compare_sides({&s.resolver, day("1920-04-01")}, {&s.resolver, day("1920-05-15")}));
  int same_changed = 0, all_changed = 0, lighter_unchanged = 0, all_unchanged = 0;
  auto frame = canvas.frame();
  for (size_t p = 0; p < s.atlas->pieces.size(); ++p) {
    GeometryPtr inside(
        OGRGeometry::FromHandle(OGR_G_PointOnSurface(OGRGeometry::ToHandle(s.atlas->pieces[p].geometry.get()))));
    double x, y;
    if (!inside || !canvas.to_page(inside->toPoint()->getX(), inside->toPoint()->getY(), x, y)) continue;
    if (x < frame[0] || x > frame[2] || y < frame[1] || y > frame[3]) continue;
    auto a = pixel(cmp, x * canvas.pixel_scale(), y * canvas.pixel_scale());
    auto b = pixel(plain, x * canvas.pixel_scale(), y * canvas.pixel_scale());
    if (changed.count(static_cast<int>(p))) {
      ++all_changed;
      same_changed += a == b;
    } else if (b[0] + b[1] + b[2] < 3 * 235) {  // not already near white
      ++all_unchanged;
      lighter_unchanged += a[0] + a[1] + a[2] > b[0] + b[1] + b[2];
    }
  }
  cairo_surface_destroy(cmp);
  cairo_surface_destroy(plain);
  REQUIRE(all_changed > 20);
  INFO(same_changed << "/" << all_changed << " changed the same, " << lighter_unchanged << "/" << all_unchanged
                    << " unchanged lighter");
  REQUIRE(all_unchanged > 10);
  CHECK(same_changed > all_changed * 0.7);
  CHECK(lighter_unchanged > all_unchanged * 0.7);
}

TEST_CASE(
    "a map of two selections: differing pieces in bands of both sides, one-side pieces apart, the same each run") {
  // Two selections as two atlases: the shipped texts alone, and with the Armenian-side set beside them.
  auto alone = test::load_seed_texts();
  Report loaded;
  auto both = load_atlas({HISTMAP_GEODATA, {}, {"azerbaijani", "armenian"}}, loaded);
  REQUIRE(both);
  Resolver r1(*alone), r2(*both);
  const Day d = day("1920-12-01");
  const ComparedSides sides{{&r1, d}, {&r2, d}, "shipped", "shipped + armenian"};
  auto rows = compare_sides(sides.first, sides.second);
  REQUIRE_FALSE(rows.empty());
  MapOptions options;
  std::string error;
  REQUIRE(parse_page_size("1600x1130", options.dpi, options.width_pt, options.height_pt, error));
  Report report;
  MapCanvas canvas(*alone, options, report);
  REQUIRE(canvas.ok());
  const Style style = test::style_named("default");
  const Words& w = words_for("en");
  ComparedMap m = map_of_selections(sides, rows, canvas, style, w);
  REQUIRE(m.pieces.size() == alone->pieces.size());
  for (const auto& r : rows) {
    const ComparedArea& a = m.pieces[r.piece];
    INFO("piece " << alone->pieces[r.piece].id);
    if (r.kind == Difference::Differs) {
      CHECK(a.mark == CompareMark::Changed);
      REQUIRE(a.looks.size() == 2);  // both sides, neither over the other
      CHECK(a.looks[0] == appearance(classify(*r.first), *alone, style));
      CHECK(a.looks[1] == appearance(classify(*r.second), *both, style));
    } else {
      CHECK(a.mark == CompareMark::OneSide);
      CHECK(a.looks.size() == 1);
    }
  }
  size_t faded = std::count_if(m.pieces.begin(), m.pieces.end(),
                               [](const ComparedArea& a) { return a.mark == CompareMark::Faded; });
  CHECK(faded == alone->pieces.size() - rows.size());
  // The legend ends with the three marks' rows.
  REQUIRE(m.legend.size() >= 3);
  CHECK(m.legend[m.legend.size() - 3].label.find("The selections differ") == 0);
  test::Scratch scratch;
  const std::string out = getenv("HISTMAP_COMPARE_SETS_PNG") ? getenv("HISTMAP_COMPARE_SETS_PNG") : "";
  for (const char* name : {"a.png", "b.png"}) {
    Report r;
    render_compared(canvas, m, style, (scratch.dir / name).string(), r);
    REQUIRE_FALSE(r.has_errors());
  }
  CHECK(slurp(scratch.dir / "a.png") == slurp(scratch.dir / "b.png"));
  if (!out.empty()) fs::copy_file(scratch.dir / "a.png", out, fs::copy_options::overwrite_existing);
  // Framed on one uyezd, the legend in its own columns, as the CLI draws it.
  options.region = "zangezur";
  options.legend_columns = MapCanvas(*alone, options, report).legend_extent(m.legend, style).columns;
  MapCanvas framed(*alone, options, report);
  REQUIRE(framed.ok());
  Report r;
  render_compared(framed, map_of_selections(sides, rows, framed, style, w), style, (scratch.dir / "z.png").string(), r);
  REQUIRE_FALSE(r.has_errors());
  if (!out.empty()) fs::copy_file(scratch.dir / "z.png", out + ".zangezur.png", fs::copy_options::overwrite_existing);
}

namespace {

// The legend labels of a state, in English: comparable across two atlases.
std::set<std::string> labels_of(const Atlas& atlas, const PieceState& s) {
  std::set<std::string> out;
  for (const auto& c : legend_categories({&s})) out.insert(legend_label(c, atlas, words_for("en")));
  return out;
}

std::unique_ptr<Atlas> load_selection(const std::vector<std::string>& only) {
  Report report;
  auto atlas = load_atlas({HISTMAP_GEODATA, {}, only}, report);
  INFO(test::all_findings(report));
  REQUIRE(atlas);
  return atlas;
}

}  // namespace

TEST_CASE("compare of the armenian and the azerbaijani set lists only pieces where their states differ") {
  auto armenian = load_selection({"armenian"});
  auto azerbaijani = load_selection({"azerbaijani"});
  Resolver ra(*armenian), rz(*azerbaijani);
  for (const char* date : {"1920-12-01", "1921-05-01"}) {
    const Day d = day(date);
    auto rows = compare_sides({&ra, d}, {&rz, d});
    std::set<int> listed = pieces_of(rows);
    int differing = 0;
    for (size_t p = 0; p < armenian->pieces.size(); ++p) {
      const int q = azerbaijani->piece_index(armenian->pieces[p].id);
      REQUIRE(q >= 0);
      const PieceState& x = ra.at(static_cast<int>(p), d);
      const PieceState& y = rz.at(q, d);
      const bool speaks_differs = x.empty() != y.empty();
      const bool labels_differ = labels_of(*armenian, x) != labels_of(*azerbaijani, y);
      INFO(date << " piece " << armenian->pieces[p].id);
      if (speaks_differs || labels_differ) {
        ++differing;
        CHECK(listed.count(static_cast<int>(p)) == 1);
      }
      if (x.empty() && y.empty()) CHECK(listed.count(static_cast<int>(p)) == 0);
    }
    for (const auto& r : rows) {
      INFO(date << " piece " << armenian->pieces[r.piece].id);
      if (r.kind == Difference::Differs) CHECK_FALSE(r.aspects.empty());
      CHECK((r.kind == Difference::Differs) == (!r.first->empty() && !r.second->empty()));
      CHECK(r.first_assertions == r.first->assertions);
      CHECK(r.second_assertions == r.second->assertions);
      for (int a : r.first_assertions) CHECK(armenian->sources[armenian->assertions[a].source].set >= 0);
    }
    CHECK(differing > 0);
    CHECK(rows.size() >= static_cast<size_t>(differing));
  }
}
