// What a reader of a figure or an animation meets: the caption and citations
// `render --caption` writes, a legend that fits the page on dense days, and
// animation captions that stay up with a legend that does not jump.
#include <catch2/catch.hpp>

#include <algorithm>

#include <cairo.h>

#include <nlohmann/json.hpp>
#include <set>

#include "export/citation.hpp"
#include "helpers.hpp"
#include "render/map.hpp"
#include "scrub/animate.hpp"
#include "symbology/dataset_words.hpp"

using namespace histmap;
namespace fs = std::filesystem;

namespace {

MapOptions sized(const std::string& size, const std::string& lang = "en", double dpi = 150) {
  MapOptions o;
  o.lang = lang;
  o.dpi = dpi;
  std::string error;
  REQUIRE(parse_page_size(size, o.dpi, o.width_pt, o.height_pt, error));
  return o;
}

// The map's own legend for a day, drawn on a surface that keeps nothing.
std::vector<LegendItem> legend_of(const MapCanvas& canvas, const Resolver& r, Day day, const Style& st) {
  cairo_surface_t* s = cairo_recording_surface_create(CAIRO_CONTENT_COLOR, nullptr);
  cairo_t* cr = cairo_create(s);
  auto items = canvas.draw(cr, r, day, st);
  cairo_destroy(cr);
  cairo_surface_destroy(s);
  return items;
}

// The BibTeX entries of a .bib file: key -> body; REQUIREs balanced braces.
std::map<std::string, std::string> bib_entries(const std::string& bib) {
  std::map<std::string, std::string> out;
  size_t at = 0;
  while ((at = bib.find('@', at)) != std::string::npos) {
    size_t open = bib.find('{', at), comma = bib.find(',', open);
    REQUIRE(open != std::string::npos);
    REQUIRE(comma != std::string::npos);
    int depth = 0;
    size_t end = open;
    for (; end < bib.size(); ++end) {
      if (bib[end] == '\\') {
        ++end;
        continue;
      }
      if (bib[end] == '{') ++depth;
      if (bib[end] == '}' && --depth == 0) break;
    }
    REQUIRE(depth == 0);
    CHECK(bib.substr(at, open - at) == "@misc");
    out[bib.substr(open + 1, comma - open - 1)] = bib.substr(comma + 1, end - comma - 1);
    at = end;
  }
  return out;
}

}  // namespace

// ---
TEST_CASE("render --caption: the caption names every legend entry, the .bib and CSL JSON every source shown",
          "[render][caption]") {
  auto atlas = test::load_ok(HISTMAP_GEODATA);
  Resolver r(*atlas);
  Style st = test::style_named("default");
  for (const char* lang : {"en", "hy"}) {
    DYNAMIC_SECTION("language " << lang) {
      test::Scratch s;
      std::string png = (s.dir / "map.png").string();
      auto run = test::histmap("render --date 1920-12-01 --size 1600x1200 --caption --lang " + std::string(lang) +
                               " -o " + png);
      INFO(run.err);
      REQUIRE(run.code == 0);
      auto paths = caption_paths(png);
      REQUIRE(paths.size() == 3);
      std::string text = test::read(paths[0]), bib = test::read(paths[1]), csl_text = test::read(paths[2]);
      // The map's legend as the renderer builds it, computed here on its own.
      Report rep;
      MapCanvas canvas(*atlas, sized("1600x1200", lang), rep);
      REQUIRE(canvas.ok());
      auto legend = legend_of(canvas, r, test::day("1920-12-01"), st);
      REQUIRE(legend.size() >= 4);
      for (const auto& item : legend) CHECK(text.find(item.label) != std::string::npos);
      const Words& w = words_for(lang);
      CHECK(text.find(day_words(test::day("1920-12-01"), w)) != std::string::npos);
      // It opens with the map's own title, filled in (no "{title}" placeholder left).
      CHECK(text.rfind(map_title(*atlas, w), 0) == 0);
      CHECK(text.find('{') == std::string::npos);
      CHECK(text.find(w.get("page.perspective")) != std::string::npos);
      for (const auto& key : legend_furniture_keys(canvas.options())) CHECK(text.find(w.get(key)) != std::string::npos);
      // Sources shown: those of the assertions behind the areas in the frame.
      std::set<std::string> sources;
      auto shown = canvas.shown_assertions(r, test::day("1920-12-01"));
      REQUIRE_FALSE(shown.empty());
      for (int a : shown) sources.insert(atlas->sources[atlas->assertions[a].source].id);
      auto entries = bib_entries(bib);
      CHECK(entries.size() == sources.size());
      for (const auto& id : sources) {
        REQUIRE(entries.count(id) == 1);
        CHECK(entries[id].find("title = {") != std::string::npos);
      }
      auto csl = nlohmann::json::parse(csl_text);
      REQUIRE(csl.is_array());
      CHECK(csl.size() == sources.size());
      for (const auto& item : csl) {
        CHECK(sources.count(item.at("id").get<std::string>()) == 1);
        CHECK(item.at("type") == "document");
        CHECK_FALSE(item.at("title").get<std::string>().empty());
      }
      // A locator of an assertion shown reaches the caption next to its source.
      const Assertion& one = atlas->assertions[shown.front()];
      CHECK(text.find(one.locator.text()) != std::string::npos);
      // The same command again gives the same bytes; without --force nothing is overwritten.
      auto again = test::histmap("render --date 1920-12-01 --size 1600x1200 --caption --force --lang " +
                                 std::string(lang) + " -o " + png);
      REQUIRE(again.code == 0);
      CHECK(test::read(paths[0]) == text);
      CHECK(test::read(paths[1]) == bib);
      CHECK(test::read(paths[2]) == csl_text);
      fs::remove(png);
      auto refused = test::histmap("render --date 1920-12-01 --size 1600x1200 --caption -o " + png);
      CHECK(refused.code != 0);
      CHECK(refused.err.find(".caption.txt") != std::string::npos);
      CHECK_FALSE(fs::exists(png));
    }
  }
}

// ---
TEST_CASE("the Cairo legend stays on the page on dense days, at 1600x1200 and A4", "[render][legend][fit]") {
  auto atlas = test::load_ok(HISTMAP_GEODATA);
  Resolver r(*atlas);
  for (const char* style_name : {"default", "print"}) {
    Style st = test::style_named(style_name);
    for (const char* size : {"1600x1200", "297x210mm"})
      for (const char* date : {"1920-12-01", "1921-09-01"}) {
        INFO(style_name << " " << size << " " << date);
        Report rep;
        MapOptions o = sized(size);
        MapCanvas canvas(*atlas, o, rep);
        REQUIRE(canvas.ok());
        auto items = legend_of(canvas, r, test::day(date), st);
        auto e = canvas.legend_extent(items, st);
        CHECK(e.complete);
        CHECK(e.box[0] >= 0);
        CHECK(e.box[1] >= 0);
        CHECK(e.box[2] <= o.width_pt + 0.01);
        CHECK(e.box[3] <= o.height_pt + 0.01);
        // Twice as many rows (the three sets' densest day doubled) still fit: smaller type or more columns, never cut.
        std::vector<LegendItem> crowded;
        for (int k = 0; k < 2; ++k) crowded.insert(crowded.end(), items.begin(), items.end());
        auto c = canvas.legend_extent(crowded, st);
        CHECK(c.complete);
        CHECK((c.columns > 1 || c.scale < 1));
        CHECK(c.box[0] >= 0);
        CHECK(c.box[3] <= o.height_pt + 0.01);
        if (c.over_map > 0) {  // render and animate then keep room for every column beside the map
          MapOptions wide = o;
          wide.legend_columns = c.columns;
          MapCanvas w(*atlas, wide, rep);
          REQUIRE(w.ok());
          auto again = w.legend_extent(crowded, st);
          CHECK(again.complete);
          CHECK(again.over_map == 0);
          CHECK(again.box[2] <= o.width_pt + 0.01);
          CHECK(w.frame()[2] < again.box[0]);  // the legend is beside the map, not on it
        }
      }
  }
}

// ---
TEST_CASE("animation: the box of what changed stays up for the caption time, newer events replace it",
          "[scrub][animate][caption]") {
  auto atlas = test::load_ok(test::synthetic());
  Resolver r(*atlas);
  std::vector<Day> days;
  for (Day d = test::day("1920-08-10"); d <= test::day("1920-08-31"); ++d) days.push_back(d);
  auto boxes = frame_captions(*atlas, r, days, 5);
  REQUIRE(boxes.size() == days.size());
  size_t change = 0;
  while (change < days.size() && boxes[change].lines.empty()) ++change;
  REQUIRE(change < days.size());
  CHECK(days[change] == test::day("1920-08-16"));  // one-assigned-blue begins
  CHECK(boxes[change].day == days[change]);
  for (size_t i = change; i < change + 5; ++i) {
    INFO("frame " << i);
    CHECK(boxes[i].lines == boxes[change].lines);
    CHECK(boxes[i].day == days[change]);  // the box names the day it tells of
  }
  CHECK(boxes[change + 5].lines.empty());
  // With a hold of one frame the box is gone the next day (the old behaviour).
  auto brief = frame_captions(*atlas, r, days, 1);
  CHECK_FALSE(brief[change].lines.empty());
  CHECK(brief[change + 1].lines.empty());
  // Weekly frames tell of changes on the days between them.
  std::vector<Day> weeks = {test::day("1920-08-10"), test::day("1920-08-17")};
  CHECK_FALSE(frame_captions(*atlas, r, weeks, 1)[1].lines.empty());
}

// ---
TEST_CASE("animation: an assertion that stops applying is told as an end, in the caption's language",
          "[scrub][animate][caption]") {
  auto atlas = test::load_ok(test::synthetic());
  Resolver r(*atlas);
  // two-assigned-green runs to 31 October 1920: on 1 November it no longer applies.
  std::vector<Day> days = {test::day("1920-10-31"), test::day("1920-11-01")};
  const std::string paraphrase = "Source two says the same agreement gave uyezd B to Green.";
  auto count_with = [&](const FrameEvents& box, const std::string& prefix) {
    return std::count_if(box.lines.begin(), box.lines.end(),
                         [&](const std::string& l) { return l.rfind(prefix + paraphrase, 0) == 0; });
  };
  auto en = frame_captions(*atlas, r, days, 1, words_for("en"));
  CHECK(count_with(en[1], "No longer applies: ") == 1);
  auto ru = frame_captions(*atlas, r, days, 1, words_for("ru"));
  CHECK(count_with(ru[1], words_for("ru").fill("caption.ends", {{"text", ""}})) == 1);
  // The day it begins is news, not an end.
  std::vector<Day> start = {test::day("1920-09-30"), test::day("1920-10-01")};
  auto begun = frame_captions(*atlas, r, start, 1, words_for("en"));
  CHECK(count_with(begun[1], "") == 1);
}

// ---
TEST_CASE("animation: the legend is the same on every frame and lists every category of the period",
          "[scrub][animate][legend]") {
  auto atlas = test::load_ok(test::synthetic());
  Resolver r(*atlas);
  Style st = test::style_named("default");
  Report rep;
  MapOptions o = sized("640x480", "en", 72);
  o.date_caption = false;
  MapCanvas canvas(*atlas, o, rep);
  REQUIRE(canvas.ok());
  std::vector<Day> days = {test::day("1920-05-15"), test::day("1920-09-15")};
  auto all = canvas.legend_over(r, days, st);
  for (Day d : days)
    for (const auto& item : legend_of(canvas, r, d, st))
      CHECK(std::find_if(all.begin(), all.end(), [&](const LegendItem& a) { return a.label == item.label; }) !=
            all.end());
  // Two frames whose maps differ: the legend panel's pixels are the same.
  test::Scratch s;
  AnimateOptions a;
  a.from = days[0], a.to = days[1], a.step = "changes", a.output = (s.dir / "f/").string(), a.threads = 1;
  animate(*atlas, r, canvas, st, a, rep);
  REQUIRE_FALSE(rep.has_errors());
  std::vector<fs::path> frames;
  for (const auto& e : fs::directory_iterator(s.dir / "f")) frames.push_back(e.path());
  std::sort(frames.begin(), frames.end());
  REQUIRE(frames.size() >= 2);
  auto panel = [&](const fs::path& p) {
    cairo_surface_t* img = cairo_image_surface_create_from_png(p.c_str());
    REQUIRE(cairo_surface_status(img) == CAIRO_STATUS_SUCCESS);
    auto f = canvas.frame();
    int stride = cairo_image_surface_get_stride(img), h = cairo_image_surface_get_height(img);
    std::string px;
    const unsigned char* data = cairo_image_surface_get_data(img);
    for (int y = static_cast<int>(f[1]); y < std::min(h, static_cast<int>(f[3])); ++y)
      px.append(reinterpret_cast<const char*>(data + y * stride + 4 * (static_cast<int>(f[2]) + 2)),
                4 * (cairo_image_surface_get_width(img) - static_cast<int>(f[2]) - 2));
    cairo_surface_destroy(img);
    return px;
  };
  std::string first = panel(frames.front()), map_first = test::read(frames.front());
  for (const auto& f : frames) {
    INFO(f.string());
    CHECK(panel(f) == first);
  }
  CHECK(test::read(frames.back()) != map_first);  // the maps themselves do differ
}
