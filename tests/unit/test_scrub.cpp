// Scrubbing: animation frames and video (checked with ffprobe), timeline CSV
// and SVG, and the site's data.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "helpers.hpp"
#include "scrub/animate.hpp"
#include "scrub/site.hpp"
#include "scrub/timeline_chart.hpp"
#include "symbology/words.hpp"

using namespace histmap;
namespace fs = std::filesystem;

// ---
TEST_CASE("frame days: daily, weekly and per change point", "[scrub][animate]") {
  auto atlas = test::load_ok(test::synthetic());
  Resolver r(*atlas);
  Report rep;
  AnimateOptions o;
  o.from = test::day("1920-01-01"), o.to = test::day("1920-01-31");
  CHECK(frame_days(r, o, rep).size() == 31);
  o.step = "1w";
  auto weeks = frame_days(r, o, rep);
  CHECK(weeks.size() == 5);
  CHECK(weeks[1] - weeks[0] == 7);
  o.from = test::day("1919-01-01"), o.to = test::day("1921-12-31"), o.step = "changes";
  auto changes = frame_days(r, o, rep);
  CHECK(changes.front() == o.from);
  for (size_t i = 1; i < changes.size(); ++i)
    CHECK(std::binary_search(r.change_points().begin(), r.change_points().end(), changes[i]));
  CHECK_FALSE(rep.has_errors());
  o.step = "fortnightly";
  CHECK(frame_days(r, o, rep).empty());
  CHECK(test::has_finding(rep, Severity::Error, {"--step", "expected Nd"}));
}

// ---
TEST_CASE("animate writes deterministic PNG frames, one per day", "[scrub][animate]") {
  test::Scratch s;
  std::string args = "animate --from 1920-08-14 --to 1920-08-18 --size 640x480 --dpi 72 --data " + test::synthetic();
  auto a = test::histmap(args + " -o " + (s.dir / "a/").string());
  auto b = test::histmap(args + " -o " + (s.dir / "b/").string());
  INFO(a.err);
  REQUIRE(a.code == 0);
  REQUIRE(b.code == 0);
  int n = 0;
  for (const auto& e : fs::directory_iterator(s.dir / "a")) {
    ++n;
    CHECK(test::read(e.path()) == test::read(s.dir / "b" / e.path().filename()));
  }
  CHECK(n == 5);
  // Days in one state share the map; the caption (date) still differs.
  CHECK(test::read(s.dir / "a" / "frame-00001.png") != test::read(s.dir / "a" / "frame-00002.png"));
}

// ---
TEST_CASE("animate encodes a video that ffprobe reads with the right frame count and duration",
          "[scrub][animate][video]") {
  test::Scratch s;
  std::string mp4 = (s.dir / "v.mp4").string();
  auto r =
      test::histmap("animate --from 1920-04-01 --to 1920-05-10 --step 1d --fps 10 --size 640x480 --dpi 72 -o " + mp4);
  INFO(r.err);
  REQUIRE(r.code == 0);
  std::string probe = (s.dir / "probe.txt").string();
  REQUIRE(std::system(("ffprobe -v error -count_frames -select_streams v:0 -show_entries "
                       "stream=nb_read_frames,duration,width,height -of default=nw=1 " +
                       mp4 + " > " + probe)
                          .c_str()) == 0);
  std::string out = test::read(probe);
  CHECK(out.find("nb_read_frames=40") != std::string::npos);  // 40 days
  CHECK(out.find("duration=4.0") != std::string::npos);       // at 10 frames per second
  CHECK(out.find("width=640") != std::string::npos);
  auto bad = test::histmap("animate --from 1920-04-01 --to 1920-03-01 -o " + (s.dir / "x.mp4").string());
  CHECK(bad.code == 2);  // an argument error (was 1 before exit codes were unified)
  CHECK(bad.err.find("before --from") != std::string::npos);
  auto fmt = test::histmap("animate --from 1920-04-01 --to 1920-04-03 -o " + (s.dir / "x.avi").string());
  CHECK(fmt.code == 2);  // an argument error (was 1)
  CHECK(fmt.err.find(".mp4, .webm, .gif") != std::string::npos);
  CHECK_FALSE(fs::exists(s.dir / "x.avi"));
}

// ---
TEST_CASE("timeline as CSV and as an SVG chart", "[scrub][timeline]") {
  test::Scratch s;
  auto csv = test::histmap("timeline --format csv --from 1920-06-01 --to 1920-12-31 --data " + test::synthetic());
  REQUIRE(csv.code == 0);
  CHECK(csv.out.rfind("date,region,pieces,before,after,because,locators\n", 0) == 0);
  CHECK(csv.out.find("1920-07-01,uy_a,p1 p2 p3,") != std::string::npos);
  CHECK(csv.out.find("one-blue-a") != std::string::npos);
  std::string svg = (s.dir / "t.svg").string();
  auto chart = test::histmap("timeline --format svg -o " + svg);
  INFO(chart.err);
  REQUIRE(chart.code == 0);
  std::string check =
      "/usr/bin/python3 -c \"import sys, xml.etree.ElementTree as E; "
      "sys.exit(0 if E.parse(sys.argv[1]).getroot().tag.endswith('svg') else 1)\" " +
      svg;
  CHECK(std::system(check.c_str()) == 0);
  auto no_file = test::histmap("timeline --format svg");
  CHECK(no_file.code == 2);
}

// ---
TEST_CASE("timeline chart: its words are SVG <text>, not glyph outlines, the same on every run", "[scrub][timeline]") {
  test::Scratch s;
  auto atlas = test::load_ok(HISTMAP_GEODATA);
  Resolver resolver(*atlas);
  const Style style = test::style_named("default");
  const std::string period = " --from 1920-04-01 --to 1921-08-01 -o ";
  for (const char* lang : {"en", "ka"}) {
    INFO(lang);
    const Words& w = words_for(lang);
    const fs::path a = s.dir / (std::string(lang) + "-a.svg"), b = s.dir / (std::string(lang) + "-b.svg");
    for (const auto& out : {a, b}) {
      auto run = test::histmap(std::string("timeline --format svg --lang ") + lang + period + out.string());
      INFO(run.err);
      REQUIRE(run.code == 0);
    }
    CHECK(test::read(a) == test::read(b));  // byte for byte
    const test::SvgWords svg = test::svg_words(a);
    REQUIRE(svg.parsed);
    CHECK(svg.symbols == 0);
    CHECK(svg.glyph_refs == 0);
    CHECK(test::read(a).find("glyph") == std::string::npos);
    CHECK(svg.lang == lang);
    CHECK(svg.title == w.get("chart.title"));
    auto has = [&](const std::string& t) {
      return std::find(svg.texts.begin(), svg.texts.end(), t) != svg.texts.end();
    };
    CHECK(has(w.get("chart.title")));
    // The axis: both years, and the months of a period this short.
    for (const char* t : {"1920", "1921", "month.5", "month.6", "month.9", "month.1"}) {
      const std::string label = std::string(t).rfind("month.", 0) == 0 ? w.get(t) : t;
      INFO(label);
      CHECK(has(label));
    }
    // The key's words, in the chart and in its <desc>.
    const auto key = timeline_key(*atlas, resolver, style, test::day("1920-04-01"), test::day("1921-08-01"), lang);
    REQUIRE(key.size() > 5);
    for (const auto& item : key) {
      INFO(item.label);
      CHECK(has(item.label));
      CHECK(svg.desc.find(item.label) != std::string::npos);
    }
    // Every uyezd's name in the language, e.g. Georgian script for the Georgian chart.
    int named = 0;
    for (const auto& r : atlas->regions)
      if (r.kind == RegionKind::Uyezd) {
        INFO(r.id);
        CHECK(has(name_in(r.names, lang, r.id)));
        ++named;
      }
    CHECK(named > 20);
    if (std::string(lang) == "ka") {
      CHECK(has("ივნისი"));  // June: the words' file is not the only witness of Georgian text
      CHECK(svg.desc.find("ტ") != std::string::npos);
    }
  }
}

// ---
TEST_CASE("the site's data carries every piece, its spans and the assertions", "[scrub][site]") {
  test::Scratch s;
  auto r = test::histmap("site -o " + (s.dir / "site").string() + " --data " + test::synthetic());
  INFO(r.err);
  REQUIRE(r.code == 0);
  for (const char* f : {"index.html", "app.js", "style.css", "data.js"}) CHECK(fs::exists(s.dir / "site" / f));
  std::string js = test::read(s.dir / "site" / "data.js");
  REQUIRE(js.rfind("window.HISTMAP_DATA = ", 0) == 0);
  auto data = nlohmann::json::parse(js.substr(22, js.size() - 22 - 2));
  CHECK(data["pieces"].size() == 6);
  CHECK(data["assertions"].size() == 12);
  for (const auto& p : data["pieces"]) {
    CHECK(p["path"].get<std::string>().rfind("M", 0) == 0);
    CHECK(p["spans"][0][0].is_null());  // the first span is open to the past
  }
  // No network: the page loads nothing from elsewhere.
  std::string html = test::read(s.dir / "site" / "index.html");
  CHECK(html.find("http://") == std::string::npos);
  CHECK(html.find("https://") == std::string::npos);
  auto again = test::histmap("site -o " + (s.dir / "site").string() + " --data " + test::synthetic());
  CHECK(again.code == 1);
  CHECK(again.err.find("--force") != std::string::npos);
  // An assertion whose text gives no end reads so, not "open".
  auto fid = test::histmap("site -o " + (s.dir / "fid").string() + " --data " + test::data_path("fidelity_set"));
  INFO(fid.err);
  REQUIRE(fid.code == 0);
  std::string fjs = test::read(s.dir / "fid" / "data.js");
  auto fdata = nlohmann::json::parse(fjs.substr(22, fjs.size() - 22 - 2));
  bool found = false;
  for (const auto& a : fdata["assertions"])
    if (a["id"] == "three-teal-b") {
      found = true;
      CHECK(a["when"]["en"].get<std::string>().find("no end given") != std::string::npos);
    }
  CHECK(found);
  // One day (or one span) is written once, not as "1 December 1920 – 1 December 1920".
  auto shipped = test::histmap("site -o " + (s.dir / "shipped").string());
  REQUIRE(shipped.code == 0);
  std::string sjs = test::read(s.dir / "shipped" / "data.js");
  auto sdata = nlohmann::json::parse(sjs.substr(22, sjs.size() - 22 - 2));
  int single = 0;
  for (const auto& a : sdata["assertions"]) {
    const std::string when = a["when"]["en"];
    const auto dash = when.find(" – ");
    if (dash != std::string::npos) CHECK(when.substr(0, dash) != when.substr(dash + 5));  // " – " is 5 bytes
    single += a["from"] == a["to"];
    if (a["from"] == a["to"]) CHECK(dash == std::string::npos);
  }
  CHECK(single > 0);
}

// ---
TEST_CASE("the site's data gives each source set its own spans in the page's one state table", "[scrub][site]") {
  test::Scratch s;
  const fs::path one = s.copy_of(test::synthetic());
  fs::remove(one / "assertions" / "two.yaml");  // a set with source one's assertions only
  auto main = test::load_ok(test::synthetic());
  auto only_one = test::load_ok(one.string());
  auto both = test::load_ok(test::synthetic());
  Resolver rm(*main), r1(*only_one), r2(*both);
  MapOptions mo;
  mo.width_pt = 1000, mo.height_pt = 800, mo.legend = false, mo.labels = false;
  Report rep;
  MapCanvas canvas(*main, mo, rep);
  REQUIRE(canvas.ok());
  const Style style = test::style_named("default");
  SiteOptions o;
  o.first = test::day("1918-01-01"), o.last = test::day("1923-12-31"), o.start = o.first;
  auto parse = [](const std::string& js) { return nlohmann::json::parse(js.substr(22, js.size() - 24)); };
  const auto plain = parse(site_data_js(*main, rm, canvas, style, o));
  CHECK_FALSE(plain.contains("sets"));
  o.sets = {{"one", {{"en", "Source one"}}, only_one.get(), &r1}, {"both", {}, both.get(), &r2}};
  const auto data = parse(site_data_js(*main, rm, canvas, style, o));
  REQUIRE(data["sets"].size() == 2);
  CHECK(data["sets"][0]["title"]["en"] == "Source one");
  CHECK(data["sets"][1]["title"]["ru"] == "both");  // no name: the id
  // The page's own data is as without sets; the sets' states are added after its own.
  CHECK(data["pieces"] == plain["pieces"]);
  REQUIRE(data["states"].size() > plain["states"].size());
  for (size_t i = 0; i < plain["states"].size(); ++i) CHECK(data["states"][i] == plain["states"][i]);
  for (size_t i = 0; i < plain["legend"].size(); ++i) CHECK(data["legend"][i] == plain["legend"][i]);
  // A set resolved from the same assertions shares the page's states: the very same spans.
  const size_t pieces = data["pieces"].size();
  for (size_t p = 0; p < pieces; ++p) CHECK(data["sets"][1]["spans"][p] == data["pieces"][p]["spans"]);
  // The set of source one: its states name only source one's assertions (indices into the
  // page's list), and it differs from the whole somewhere.
  REQUIRE(data["sets"][0]["spans"].size() == pieces);
  int differing = 0;
  for (size_t p = 0; p < pieces; ++p) {
    differing += data["sets"][0]["spans"][p] != data["pieces"][p]["spans"];
    for (const auto& span : data["sets"][0]["spans"][p]) {
      const auto& st = data["states"][span[1].get<size_t>()];
      for (const auto& a : st["a"]) CHECK(data["assertions"][a.get<size_t>()]["source"] == "src_one");
      for (const auto& k : st["legend"]) CHECK(k.get<size_t>() < data["legend"].size());
    }
  }
  CHECK(differing > 0);
}
