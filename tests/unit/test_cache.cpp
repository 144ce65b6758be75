// The file cache behind loading and the map canvas (util/file_cache): a map drawn
// from cached pieces and outlines is byte for byte the map drawn without them,
// and a changed source, an unwritable cache folder or a damaged entry never gives
// another answer or a crash.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <map>
#include <optional>

#include "helpers.hpp"
#include "render/map.hpp"
#include "util/file_cache.hpp"

using namespace histmap;
namespace fs = std::filesystem;

namespace {

// Sets an environment variable for the scope of a test, then puts the old value back.
struct EnvVar {
  std::string name;
  std::optional<std::string> old;
  EnvVar(const char* n, const std::string& value) : name(n) {
    if (const char* v = std::getenv(n)) old = v;
    setenv(n, value.c_str(), 1);
  }
  ~EnvVar() {
    if (old) setenv(name.c_str(), old->c_str(), 1);
    else unsetenv(name.c_str());
  }
};

// Loads `dir` and draws 20 August 1920 (dissolved outlines along uncertain edges) to `out`; the PNG bytes.
std::string draw(const fs::path& dir, const fs::path& out) {
  auto atlas = test::load_ok(dir.string());
  Resolver resolver(*atlas);
  MapOptions o;
  o.width_pt = 600, o.height_pt = 420, o.dpi = 144;
  Report report;
  MapCanvas canvas(*atlas, o, report);
  REQUIRE(canvas.ok());
  canvas.render(resolver, test::day("1920-08-20"), test::style_named("default"), out.string(), report);
  INFO(test::all_findings(report));
  REQUIRE(!report.has_errors());
  return test::read(out);
}

// The same without any cache: what the answer must be.
std::string draw_uncached(const fs::path& dir, const fs::path& out) {
  EnvVar off("HISTMAP_CACHE", "off");
  return draw(dir, out);
}

std::vector<fs::path> entries(const fs::path& cache) {
  std::vector<fs::path> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(cache / "histmap", ec)) out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

// How many entries of each kind (canvas, outlines, pieces, ...) the cache holds.
std::map<std::string, int> kinds(const fs::path& cache) {
  std::map<std::string, int> out;
  for (const auto& p : entries(cache)) ++out[p.filename().string().substr(0, p.filename().string().find('-'))];
  return out;
}

}  // namespace

TEST_CASE("cache: a second run reads the cache and draws the same bytes", "[cache]") {
  test::Scratch s;
  fs::path data = s.copy_of(test::synthetic());
  std::string want = draw_uncached(data, s.dir / "want.png");
  EnvVar cache("XDG_CACHE_HOME", (s.dir / "cache").string());
  CHECK(draw(data, s.dir / "first.png") == want);
  auto stored = entries(s.dir / "cache");
  auto made = kinds(s.dir / "cache");
  CHECK(made["pieces"] == 1);
  CHECK(made["areas"] == 1);
  CHECK(made["canvas"] == 1);
  CHECK(made["outlines"] == 1);  // the synthetic map has conflict edges along dissolved outlines
  std::vector<fs::file_time_type> times;
  for (const auto& p : stored) times.push_back(fs::last_write_time(p));
  CHECK(draw(data, s.dir / "second.png") == want);
  CHECK(entries(s.dir / "cache") == stored);  // nothing new: every entry was found
  for (size_t i = 0; i < stored.size(); ++i) CHECK(fs::last_write_time(stored[i]) == times[i]);  // none written again
}

TEST_CASE("cache: a changed pieces file is parsed again, never served old", "[cache]") {
  test::Scratch s;
  fs::path data = s.copy_of(test::synthetic());
  EnvVar cache("XDG_CACHE_HOME", (s.dir / "cache").string());
  std::string old_map = draw(data, s.dir / "old.png");
  // Piece 1 loses its western half: the same size of file, other coordinates.
  test::edit(data / "pieces.geojson", "[[[44.0,40.5],[44.5,40.5],[44.5,41.0],[44.0,41.0],[44.0,40.5]]]",
             "[[[44.2,40.5],[44.5,40.5],[44.5,41.0],[44.2,41.0],[44.2,40.5]]]");
  std::string new_map = draw(data, s.dir / "new.png");
  CHECK(new_map != old_map);
  CHECK(new_map == draw_uncached(data, s.dir / "want.png"));
  auto atlas = test::load_ok(data.string());
  OGREnvelope env;
  atlas->pieces[0].geometry->getEnvelope(&env);
  CHECK(env.MinX == 44.2);
  auto fresh = [&] {
    EnvVar off("HISTMAP_CACHE", "off");
    return test::load_ok(data.string());
  }();
  REQUIRE(fresh->pieces.size() == atlas->pieces.size());
  for (size_t i = 0; i < fresh->pieces.size(); ++i) CHECK(atlas->pieces[i].area_km2 == fresh->pieces[i].area_km2);
  CHECK(atlas->pieces[0].area_km2 < atlas->pieces[1].area_km2);        // it lost part of its area
  for (const auto& [kind, n] : kinds(s.dir / "cache")) CHECK(n == 2);  // an old and a new entry of each kind
}

TEST_CASE("cache: an unwritable cache folder falls back to no cache", "[cache]") {
  test::Scratch s;
  fs::path data = s.copy_of(test::synthetic());
  std::string want = draw_uncached(data, s.dir / "want.png");
  test::write(s.dir / "a-file", "not a folder");  // $XDG_CACHE_HOME/histmap cannot be made under a file
  EnvVar cache("XDG_CACHE_HOME", (s.dir / "a-file").string());
  CHECK(draw(data, s.dir / "a.png") == want);
  CHECK(draw(data, s.dir / "b.png") == want);
  EnvVar relative("XDG_CACHE_HOME", "relative/path");  // not absolute: ignored as the XDG rules say
  EnvVar home("HOME", (s.dir / "a-file").string());
  CHECK(draw(data, s.dir / "c.png") == want);
  CHECK(!fs::exists("relative"));
}

TEST_CASE("cache: damaged entries are ignored and replaced, with no crash", "[cache]") {
  test::Scratch s;
  fs::path data = s.copy_of(test::synthetic());
  std::string want = draw_uncached(data, s.dir / "want.png");
  EnvVar cache("XDG_CACHE_HOME", (s.dir / "cache").string());
  REQUIRE(draw(data, s.dir / "fill.png") == want);
  auto stored = entries(s.dir / "cache");
  REQUIRE(stored.size() >= 2);
  std::vector<std::string> good;
  for (const auto& p : stored) good.push_back(test::read(p));
  auto damage = [&](const std::string& how, auto&& change) {
    for (size_t i = 0; i < stored.size(); ++i) {
      std::string bytes = good[i];
      change(bytes, stored[i]);
      test::write(stored[i], bytes);
    }
    INFO(how);
    CHECK(draw(data, s.dir / "damaged.png") == want);
    for (size_t i = 0; i < stored.size(); ++i) CHECK(test::read(stored[i]) == good[i]);  // written again, whole
  };
  damage("one payload byte flipped", [](std::string& b, const fs::path&) { b[b.size() / 2] ^= 0x5a; });
  damage("cut in half", [](std::string& b, const fs::path&) { b.resize(b.size() / 2); });
  damage("empty", [](std::string& b, const fs::path&) { b.clear(); });
  damage("a header that claims more than is there", [](std::string& b, const fs::path&) { b[20] = 0x7f; });
  // A whole entry (checksum right) whose payload is not what the reader expects, as from an
  // older format: the key is in the name, the payload is nonsense with huge counts.
  damage("a well-formed entry with a nonsense payload", [](std::string& b, const fs::path& p) {
    std::string name = p.filename().string();
    std::string kind = name.substr(0, name.find('-'));
    uint64_t key = std::stoull(name.substr(kind.size() + 1, 16), nullptr, 16);
    write_cached(kind, key, std::string(64, '\xff') + "nonsense");
    b = test::read(p);
  });
}
