// Rendering: colours at projected points, valid SVG/PDF, legend from what is
// drawn, scale bar against PROJ geodesics, determinism, bad input.
#include <catch2/catch.hpp>

#include <cairo.h>
#include <geodesic.h>

#include <map>
#include <tuple>

#include "helpers.hpp"
#include "render/map.hpp"

using namespace histmap;
namespace fs = std::filesystem;

namespace {

MapOptions plain() {
  MapOptions o;
  o.width_pt = 600, o.height_pt = 420, o.dpi = 144, o.labels = false;
  return o;
}

struct Png {
  cairo_surface_t* s;
  explicit Png(const fs::path& p) : s(cairo_image_surface_create_from_png(p.c_str())) {
    REQUIRE(cairo_surface_status(s) == CAIRO_STATUS_SUCCESS);
  }
  ~Png() { cairo_surface_destroy(s); }
  std::string at(double x, double y) const {
    int w = cairo_image_surface_get_width(s), h = cairo_image_surface_get_height(s);
    int ix = static_cast<int>(x), iy = static_cast<int>(y);
    REQUIRE(ix >= 0);
    REQUIRE(iy >= 0);
    REQUIRE(ix < w);
    REQUIRE(iy < h);
    const unsigned char* row = cairo_image_surface_get_data(s) + iy * cairo_image_surface_get_stride(s);
    uint32_t px = reinterpret_cast<const uint32_t*>(row)[ix];
    Rgb c{((px >> 16) & 255) / 255.0, ((px >> 8) & 255) / 255.0, (px & 255) / 255.0};
    return to_hex(c);
  }
};

// The most frequent colour on a grid inside a lon/lat box.
std::string dominant(const Png& png, const MapCanvas& c, double w, double s, double e, double n) {
  std::map<std::string, int> count;
  for (int i = 1; i < 10; ++i)
    for (int j = 1; j < 10; ++j) {
      double x, y;
      REQUIRE(c.to_pixel(w + (e - w) * i / 10, s + (n - s) * j / 10, x, y));
      ++count[png.at(x, y)];
    }
  return std::max_element(count.begin(), count.end(), [](auto& a, auto& b) { return a.second < b.second; })->first;
}

// The share of pixels in a lon/lat box lighter in every channel than the colour r,g,b
// (dots in the page colour over it), sampled on a fine grid.
double lighter_share(const Png& png, const MapCanvas& c, double w, double s, double e, double n, int r, int g, int b) {
  int lighter = 0, all = 0;
  for (int i = 1; i < 60; ++i)
    for (int j = 1; j < 60; ++j) {
      double x, y;
      REQUIRE(c.to_pixel(w + (e - w) * i / 60, s + (n - s) * j / 60, x, y));
      const std::string hex = png.at(x, y);
      const int pr = std::stoi(hex.substr(1, 2), nullptr, 16), pg = std::stoi(hex.substr(3, 2), nullptr, 16),
                pb = std::stoi(hex.substr(5, 2), nullptr, 16);
      lighter += pr > r + 20 || pg > g + 20 || pb > b + 20;
      ++all;
    }
  return static_cast<double>(lighter) / all;
}

// Whether the legend has an item of this kind (in the old words: controller, conflict,
// no_controller, no_assertion, claim, designation) for this polity id or status type.
bool has_entry(const Atlas& atlas, const std::vector<LegendItem>& l, const std::string& kind,
               const std::string& key = "") {
  return std::any_of(l.begin(), l.end(), [&](const LegendItem& e) {
    const Category& c = e.category;
    auto party = [&](int p) { return key.empty() || (p >= 0 && atlas.polities[p].id == key); };
    if (kind == "controller") return c.kind == Kind::Control && party(c.party);
    if (kind == "claim") return c.kind == Kind::Claim && party(c.party);
    if (kind == "designation") return c.kind == Kind::Status && (key.empty() || c.type == key);
    if (kind == "conflict") return c.kind == Kind::Conflict;
    if (kind == "no_controller") return c.kind == Kind::NoController;
    if (kind == "no_assertion") return c.kind == Kind::NoSource;
    return false;
  });
}

}  // namespace

// ---
TEST_CASE("a piece whose controller changes changes colour on the map", "[render][pixels]") {
  auto atlas = test::load_ok(test::synthetic());
  Resolver r(*atlas);
  Report rep;
  MapCanvas canvas(*atlas, plain(), rep);
  REQUIRE(canvas.ok());
  Style st = test::style_named("default");
  test::Scratch s;
  auto png_at = [&](const char* date) {
    fs::path p = s.dir / (std::string(date) + ".png");
    canvas.render(r, test::day(date), st, p.string(), rep);
    INFO(test::all_findings(rep));
    REQUIRE_FALSE(rep.has_errors());
    return p;
  };
  // p3 is the square 45.0-45.5 E, 40.5-41.0 N.
  Png march(png_at("1920-03-01"));
  CHECK(dominant(march, canvas, 45.05, 40.55, 45.45, 40.95) == "#cc0000");  // red, per one-red-a
  Png aug(png_at("1920-08-01"));
  CHECK(dominant(aug, canvas, 45.05, 40.55, 45.45, 40.95) == "#0000cc");  // blue, per one-blue-a
  Png later(png_at("1921-06-01"));
  CHECK(dominant(later, canvas, 45.05, 40.05, 45.45, 40.45) == to_hex(st.no_assertion));  // p6: nothing asserted
  // p1 in conflict (blue vs green): both sides' colours appear as stripes.
  Png sep(png_at("1920-09-15"));
  std::map<std::string, int> seen;
  for (int i = 1; i < 30; ++i)
    for (int j = 1; j < 30; ++j) {
      double x, y;
      REQUIRE(canvas.to_pixel(44.0 + 0.5 * i / 30, 40.5 + 0.5 * j / 30, x, y));
      ++seen[sep.at(x, y)];
    }
  CHECK(seen["#0000cc"] > 20);
  CHECK(seen["#00aa00"] > 20);
}

// ---
TEST_CASE("shipped map: Zangezur changes from ADR to Armenian control (s004 lines 69-107)", "[render][pixels]") {
  auto atlas = test::load_seed_texts();  // what s004 says, without the other sets
  Resolver r(*atlas);
  Report rep;
  MapOptions o = plain();
  o.region = "zangezur";
  MapCanvas canvas(*atlas, o, rep);
  REQUIRE(canvas.ok());
  Style st = test::style_named("default");
  test::Scratch s;
  fs::path a = s.dir / "a.png", b = s.dir / "b.png";
  canvas.render(r, test::day("1919-06-01"), st, a.string(), rep);
  canvas.render(r, test::day("1920-03-01"), st, b.string(), rep);
  REQUIRE_FALSE(rep.has_errors());
  // Inside Qubadli District (eastern Zangezur).
  Png before(a), after(b);
  // Both holds are open-ended in the text (`to: next`), so after their first day they are drawn
  // on an imprecise date: the polity's own colour (never a lighter tint that reads as another
  // polity) under a screen of dots in the page colour.
  CHECK(dominant(before, canvas, 46.55, 39.25, 46.65, 39.35) == "#0072b2");                  // adr
  CHECK(dominant(after, canvas, 46.55, 39.25, 46.65, 39.35) == "#e69f00");                   // am_republic
  CHECK(lighter_share(after, canvas, 46.45, 39.15, 46.75, 39.45, 0xe6, 0x9f, 0x00) > 0.02);  // the dots
}

// ---
TEST_CASE("the legend lists what the map shows and nothing else", "[render][legend]") {
  auto atlas = test::load_ok(test::synthetic());
  Resolver r(*atlas);
  Report rep;
  MapCanvas canvas(*atlas, plain(), rep);
  Style st = test::style_named("default");
  test::Scratch s;
  auto sep = canvas.render(r, test::day("1920-09-15"), st, (s.dir / "a.png").string(), rep);
  CHECK(has_entry(*atlas, sep, "controller", "blue"));
  CHECK(has_entry(*atlas, sep, "controller", "green"));
  CHECK_FALSE(has_entry(*atlas, sep, "controller", "red"));
  CHECK(has_entry(*atlas, sep, "conflict"));
  CHECK(has_entry(*atlas, sep, "no_controller"));  // p5, p6: an assignment but no controller
  CHECK_FALSE(has_entry(*atlas, sep, "no_assertion"));
  CHECK_FALSE(has_entry(*atlas, sep, "claim"));
  auto may = canvas.render(r, test::day("1920-05-15"), st, (s.dir / "b.png").string(), rep);
  CHECK(has_entry(*atlas, may, "claim", "teal"));
  CHECK(has_entry(*atlas, may, "designation", "disputed"));
  CHECK(has_entry(*atlas, may, "controller", "red"));
  CHECK_FALSE(has_entry(*atlas, may, "conflict"));
  auto empty = canvas.render(r, test::day("1910-01-01"), st, (s.dir / "c.png").string(), rep);
  CHECK(has_entry(*atlas, empty, "no_assertion"));
  CHECK_FALSE(has_entry(*atlas, empty, "controller"));
  REQUIRE_FALSE(rep.has_errors());
}

// ---
TEST_CASE("the scale bar's length agrees with PROJ geodesic distance at the map centre", "[render][scale]") {
  auto atlas = test::load_ok(HISTMAP_GEODATA);
  for (const char* crs : {"", "EPSG:3857", "+proj=aea +lat_1=38 +lat_2=43 +lon_0=45 +datum=WGS84"}) {
    INFO(crs);
    Report rep;
    MapOptions o = plain();
    o.crs = crs;
    MapCanvas canvas(*atlas, o, rep);
    REQUIRE(canvas.ok());
    const ScaleBar& sb = canvas.scale_bar();
    CHECK(sb.km > 0);
    geod_geodesic g;
    geod_init(&g, 6378137, 1 / 298.257223563);
    double lat2, lon2, azi2;
    geod_direct(&g, sb.lat, sb.lon, 90, sb.km * 1000, &lat2, &lon2, &azi2);
    double x1, y1, x2, y2;
    REQUIRE(canvas.to_page(sb.lon, sb.lat, x1, y1));
    REQUIRE(canvas.to_page(lon2, lat2, x2, y2));
    CHECK(std::hypot(x2 - x1, y2 - y1) == Approx(sb.length_pt).epsilon(0.02));
  }
}

// ---
TEST_CASE("SVG parses as XML and PDF renders with pdftoppm to the same colours", "[render][formats]") {
  auto atlas = test::load_ok(test::synthetic());
  Resolver r(*atlas);
  Report rep;
  MapCanvas canvas(*atlas, plain(), rep);
  Style st = test::style_named("default");
  test::Scratch s;
  fs::path svg = s.dir / "m.svg", pdf = s.dir / "m.pdf";
  canvas.render(r, test::day("1920-03-01"), st, svg.string(), rep);
  canvas.render(r, test::day("1920-03-01"), st, pdf.string(), rep);
  REQUIRE_FALSE(rep.has_errors());
  std::string check =
      "/usr/bin/python3 -c \"import sys, xml.etree.ElementTree as E; t = E.parse(sys.argv[1]); "
      "sys.exit(0 if t.getroot().tag.endswith('svg') else 1)\" " +
      svg.string();
  CHECK(std::system(check.c_str()) == 0);
  CHECK(test::read(svg).find("<svg") != std::string::npos);
  CHECK(test::read(pdf).rfind("%PDF-", 0) == 0);
  std::string raster = "pdftoppm -r 144 -png -singlefile " + pdf.string() + " " + (s.dir / "fromPdf").string();
  REQUIRE(std::system(raster.c_str()) == 0);
  Png page(s.dir / "fromPdf.png");
  CHECK(dominant(page, canvas, 45.05, 40.55, 45.45, 40.95) == "#cc0000");
}

// ---
TEST_CASE("same inputs give byte-identical PNG, SVG and PDF", "[render][determinism]") {
  auto atlas = test::load_ok(HISTMAP_GEODATA);
  test::Scratch s;
  for (const char* ext : {".png", ".svg", ".pdf"}) {
    INFO(ext);
    std::string a = (s.dir / (std::string("a") + ext)).string(), b = (s.dir / (std::string("b") + ext)).string();
    std::string args = " --date 1920-12-15 --size 800x560 --dpi 96 --region nakhchivan_area -o ";
    auto ra = test::histmap("render" + args + a);
    auto rb = test::histmap("render" + args + b);
    INFO(ra.err);
    REQUIRE(ra.code == 0);
    REQUIRE(rb.code == 0);
    CHECK(test::read(a) == test::read(b));
    CHECK(test::read(a).size() > 1000);
  }
}

// ---
TEST_CASE("render rejects bad input clearly and writes nothing", "[render][errors]") {
  test::Scratch s;
  std::string out = (s.dir / "m.png").string();
  auto run = [&](const std::string& args) { return test::histmap("render --date 1920-12-15 " + args); };
  auto crs = run("--crs EPSG:999999 -o " + out);
  CHECK(crs.code == 2);
  CHECK(crs.err.find("not a coordinate reference system") != std::string::npos);
  auto geographic = run("--crs EPSG:4326 -o " + out);
  CHECK(geographic.code == 2);
  CHECK(geographic.err.find("geographic") != std::string::npos);
  auto ext = run("-o " + (s.dir / "m.jpg").string());
  CHECK(ext.code == 2);  // a wrong extension is a wrong argument, as for export
  CHECK(ext.err.find("use .pdf, .svg or .png") != std::string::npos);
  auto size = run("--size 100000x100000 -o " + out);
  CHECK(size.code == 2);
  CHECK(size.err.find("between") != std::string::npos);
  auto style = run("--style neon -o " + out);
  CHECK(style.code == 2);
  CHECK(style.err.find("default") != std::string::npos);
  auto region = run("--region atlantis -o " + out);
  CHECK(region.code == 2);
  auto bbox = run("--bbox 47,38,43,41 -o " + out);
  CHECK(bbox.code == 2);
  auto date = test::histmap("render --date 1920-02-30 -o " + out);
  CHECK(date.code == 2);
  CHECK(date.err.find("February 1920 has 29 days") != std::string::npos);
  auto dir = run("-o " + (s.dir / "missing" / "m.png").string());
  CHECK(dir.code == 1);
  CHECK(dir.err.find("does not exist") != std::string::npos);
  int files = 0;
  for (const auto& e : fs::recursive_directory_iterator(s.dir)) files += e.is_regular_file();
  CHECK(files == 0);
  auto ok = run("--size 800x560 --dpi 96 -o " + out);
  CHECK(ok.code == 0);
  auto again = run("--size 800x560 --dpi 96 -o " + out);
  CHECK(again.code == 1);
  CHECK(again.err.find("--force") != std::string::npos);
}

// ---
TEST_CASE("styles: the shipped ones load, a broken one is reported with file and line", "[render][style]") {
  for (const char* n : {"default", "print", "dark"}) {
    Style s = test::style_named(n);
    CHECK(s.name == n);
    CHECK(s.designations.count("disputed"));
  }
  Style print = test::style_named("print");
  CHECK(print.polities.count("adr"));  // grays override the data's hues
  // In every shipped style the two "no controller" fills differ from each other and from every controller.
  auto atlas = test::load_ok(HISTMAP_GEODATA);
  for (const char* n : {"default", "print", "dark"}) {
    Style s = test::style_named(n);
    INFO(n);
    CHECK_FALSE(s.no_assertion == s.no_controller);
    for (const auto& p : atlas->polities) {
      INFO(p.id);
      CHECK_FALSE(s.colour_of(p) == s.no_assertion);
      CHECK_FALSE(s.colour_of(p) == s.no_controller);
    }
  }
  test::Scratch sc;
  fs::path f = sc.dir / "bad.yaml";
  std::string text = test::read(fs::path(styles_dir()) / "default.yaml");
  text.replace(text.find("water: \"#cfe3f2\""), std::string("water: \"#cfe3f2\"").size(), "water: blue");
  test::write(f, text);
  Style s;
  Report r;
  CHECK_FALSE(load_style(f.string(), s, r));
  CHECK(test::has_finding(r, Severity::Error, {f.string() + ":", "'water' is 'blue'", "#rrggbb"}));
}

TEST_CASE("journal figures: --graticule names the lines that cross the frame, --inset draws only in its corner",
          "[render][journal]") {
  test::Scratch s;
  const std::string data = " --data " + std::string(HISTMAP_GEODATA);
  auto pdf_text = [&](const std::string& extra) {
    fs::path pdf = s.dir / "z.pdf", txt = s.dir / "z.txt";
    auto run = test::histmap("render --date 1920-12-01 --region zangezur --force -o " + pdf.string() + data + extra);
    REQUIRE(run.code == 0);
    REQUIRE(std::system(("pdftotext -q " + pdf.string() + " " + txt.string()).c_str()) == 0);
    return test::read(txt);
  };
  // Zangezur uyezd lies about 45.6-46.9 E, 39.0-39.8 N: those degrees, and none far away.
  std::string with = pdf_text(" --graticule");
  CHECK(with.find("46°E") != std::string::npos);
  CHECK(with.find("39.5°N") != std::string::npos);
  CHECK(with.find("44°E") == std::string::npos);
  CHECK(with.find("41°N") == std::string::npos);
  CHECK(pdf_text("").find("°E") == std::string::npos);

  // The inset changes pixels in the frame's bottom-right corner only, and outlines the frame in red.
  fs::path plain_png = s.dir / "a.png", inset_png = s.dir / "b.png";
  REQUIRE(test::histmap("render --date 1920-12-01 --region zangezur --dpi 72 -o " + plain_png.string() + data).code ==
          0);
  REQUIRE(test::histmap("render --date 1920-12-01 --region zangezur --dpi 72 --inset -o " + inset_png.string() + data)
              .code == 0);
  Png a(plain_png), b(inset_png);
  int w = cairo_image_surface_get_width(a.s), h = cairo_image_surface_get_height(a.s);
  auto pixel = [](const Png& p, int x, int y) {
    const unsigned char* row = cairo_image_surface_get_data(p.s) + y * cairo_image_surface_get_stride(p.s);
    return reinterpret_cast<const uint32_t*>(row)[x] & 0xffffff;
  };
  int changed = 0, red = 0, x0 = w, y0 = h;
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      uint32_t pa = pixel(a, x, y), pb = pixel(b, x, y);
      if (pa == pb) continue;
      ++changed, x0 = std::min(x0, x), y0 = std::min(y0, y);
      red += (pb >> 16) > 180 && ((pb >> 8) & 255) < 90 && (pb & 255) < 90;  // the frame's outline
    }
  CHECK(changed > 2000);
  CHECK(red > 20);
  CHECK(x0 > w / 2);
  CHECK(y0 > h / 2);
}

TEST_CASE("Armenian and Georgian words are shaped into the PDF and read back as the same text", "[render][lang]") {
  test::Scratch s;
  // pdftotext reads the glyphs back through the fonts' Unicode maps: missing glyphs, a font
  // without the script or letters out of order would not give the words back.
  for (auto [lang, region, date] :
       {std::tuple{"hy", "Զանգեզուրի գավառ", "1920 թ."}, std::tuple{"ka", "ზანგეზურის მაზრა", "1920 წ."}}) {
    INFO(lang);
    fs::path pdf = s.dir / (std::string(lang) + ".pdf"), txt = s.dir / (std::string(lang) + ".txt");
    auto run = test::histmap("render --date 1920-12-01 --region zangezur --lang " + std::string(lang) + " -o " +
                             pdf.string() + " --data " + HISTMAP_GEODATA);
    REQUIRE(run.code == 0);
    REQUIRE(std::system(("pdftotext -q " + pdf.string() + " " + txt.string()).c_str()) == 0);
    std::string text = test::read(txt);
    CHECK(text.find(region) != std::string::npos);
    CHECK(text.find(date) != std::string::npos);
  }
}
