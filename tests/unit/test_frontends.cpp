// One visual language: for a set of dates and every language, the Cairo map’s
// legend, the page’s data, the QGIS states style and the timeline chart’s key
// name the same categories with the same words.
#include <catch2/catch.hpp>

#include <cairo.h>

#include <map>
#include <regex>
#include <set>

#include <nlohmann/json.hpp>

#include "export/qgis_style.hpp"
#include "export/state_properties.hpp"
#include "helpers.hpp"
#include "render/map.hpp"
#include "scrub/site.hpp"
#include "scrub/timeline_chart.hpp"

using namespace histmap;
using json = nlohmann::json;
using Entry = std::pair<std::string, std::string>;  // category key, legend words

namespace {

struct Shipped {
  std::unique_ptr<Atlas> atlas = test::load_ok(HISTMAP_GEODATA);
  Resolver resolver{*atlas};
  Style style;
  Shipped() {
    Report r;
    REQUIRE(load_style("default", style, r));
  }
};

std::set<Entry> entries(const Atlas& atlas, const std::vector<LegendItem>& items) {
  std::set<Entry> out;
  for (const auto& i : items) out.insert({category_key(i.category, atlas), i.label});
  return out;
}

std::set<Entry> cairo_legend(const Shipped& s, const MapCanvas& canvas, Day day) {
  cairo_surface_t* surface = cairo_recording_surface_create(CAIRO_CONTENT_COLOR, nullptr);
  cairo_t* cr = cairo_create(surface);
  auto items = canvas.draw(cr, s.resolver, day, s.style);
  cairo_destroy(cr);
  cairo_surface_destroy(surface);
  return entries(*s.atlas, items);
}

// The page’s legend for a day, as app.js builds it: each piece’s state on the
// day (the last span starting on or before it), the union of their legend entries.
std::set<Entry> page_legend(const json& data, Day day, const std::string& lang) {
  std::string iso = format_day(day);
  std::set<Entry> out;
  for (const auto& p : data["pieces"]) {
    int state = -1;
    for (const auto& span : p["spans"])
      if (span[0].is_null() || span[0].get<std::string>() <= iso) state = span[1];
    REQUIRE(state >= 0);
    for (int k : data["states"][state]["legend"]) {
      const auto& e = data["legend"][k];
      out.insert({e.at("key").get<std::string>(), e.at("label").at(lang).get<std::string>()});
    }
  }
  return out;
}

// Evaluates the filters qgis_style writes (equality terms joined by AND) on a feature’s properties.
bool matches(const std::string& filter, const json& props) {
  static const std::regex eq("\"(\\w+)\" = \047([^\047]*)\047"), null("\"(\\w+)\" IS NULL"),
      item("array_contains\\(string_to_array\\(\"(\\w+)\", \047;\047\\), \047([^\047]*)\047\\)");
  size_t at = 0;
  while (at <= filter.size()) {
    size_t end = filter.find(" AND ", at);
    std::string term = filter.substr(at, end == std::string::npos ? std::string::npos : end - at);
    std::smatch m;
    INFO(term);
    if (std::regex_match(term, m, eq)) {
      const json& v = props.at(m[1].str());
      if (!v.is_string() || v.get<std::string>() != m[2].str()) return false;
    } else if (std::regex_match(term, m, null)) {
      if (!props.at(m[1].str()).is_null()) return false;
    } else if (std::regex_match(term, m, item)) {
      std::string list = ";" + props.at(m[1].str()).get<std::string>() + ";";
      if (list.find(";" + m[2].str() + ";") == std::string::npos) return false;
    } else {
      FAIL("a filter term the style should not write: " << term);
    }
    if (end == std::string::npos) break;
    at = end + 5;
  }
  return true;
}

std::set<Entry> qgis_legend(const Shipped& s, const std::vector<QgisRule>& rules, Day day) {
  std::set<Entry> out;
  for (size_t p = 0; p < s.atlas->pieces.size(); ++p) {
    json props = json::parse(state_json(*s.atlas, s.resolver.at(static_cast<int>(p), day)).dump());
    int matched = 0;
    for (const auto& r : rules)
      if (matches(r.filter, props)) {
        out.insert({category_key(r.category, *s.atlas), r.label});
        matched += r.category.kind == Kind::Control || r.category.kind == Kind::NoController ||
                   r.category.kind == Kind::NoSource ||
                   (r.category.kind == Kind::Conflict && r.category.type == "control");
      }
    CHECK(matched == 1);  // exactly one rule fills each feature
  }
  return out;
}

}  // namespace

TEST_CASE("Cairo legend, page data, QGIS style and chart key agree for each date and language",
          "[symbology][frontends]") {
  Shipped s;
  MapOptions site_map;
  site_map.width_pt = 1000, site_map.height_pt = 800, site_map.legend = false, site_map.labels = false;
  Report rep;
  MapCanvas site_canvas(*s.atlas, site_map, rep);
  REQUIRE(site_canvas.ok());
  SiteOptions so;
  so.first = test::day("1918-01-01"), so.last = test::day("1923-12-31"), so.start = test::day("1920-01-01");
  std::string js = site_data_js(*s.atlas, s.resolver, site_canvas, s.style, so);
  json data = json::parse(js.substr(22, js.size() - 22 - 2));
  std::map<std::string, std::set<Entry>> english;  // date -> the English legend
  for (const auto& lang : word_languages()) {
    MapOptions o;
    o.lang = lang;
    MapCanvas canvas(*s.atlas, o, rep);
    REQUIRE(canvas.ok());
    auto rules = qgis_state_rules(*s.atlas, s.resolver, s.style, lang);
    for (const char* date : {"1919-06-01", "1920-08-20", "1920-12-01", "1921-09-01"}) {
      INFO(lang << " " << date);
      Day day = test::day(date);
      auto cairo = cairo_legend(s, canvas, day);
      REQUIRE(cairo.size() >= 3);
      CHECK(page_legend(data, day, lang) == cairo);
      CHECK(qgis_legend(s, rules, day) == cairo);
      CHECK(entries(*s.atlas, timeline_key(*s.atlas, s.resolver, s.style, day, day, lang)) == cairo);
      if (lang == "en") english[date] = cairo;
      else  // the words followed the language
        for (const auto& e : cairo) CHECK(english[date].count(e) == 0);
    }
  }
}
