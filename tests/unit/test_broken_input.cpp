// The bad-input catalogue: every fault under tests/data/broken_input and
// tests/data/broken_styles is refused with file, line (or feature) and what is
// wrong, through the library and through the binary (exit 1 for data, 2 for a style).
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "helpers.hpp"
#include "render/style.hpp"

using namespace histmap;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);)
    if (!l.empty()) out.push_back(l);
  return out;
}

std::string replaced(std::string s, const std::string& from, const std::string& to) {
  for (size_t p; (p = s.find(from)) != std::string::npos;) s.replace(p, from.size(), to);
  return s;
}

// True when one line of `text` contains every fragment.
bool one_line_has_all(const std::string& text, const std::vector<std::string>& fragments) {
  for (const auto& line : lines_of(text)) {
    bool ok = true;
    for (const auto& f : fragments) ok = ok && line.find(f) != std::string::npos;
    if (ok) return true;
  }
  return false;
}

std::vector<fs::path> entries(const fs::path& dir, bool folders) {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.is_directory() == folders && (folders || e.path().extension() == ".yaml")) out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

// Findings as the CLI prints them, one per line.
std::string printed(const Report& r) { return test::all_findings(r); }

}  // namespace

TEST_CASE("every seeded input fault is refused with where, what and exit 1", "[load][errors][catalogue]") {
  auto cases = entries(test::data_path("broken_input"), true);
  REQUIRE(cases.size() >= 40);
  for (const auto& c : cases) {
    INFO("case " << c.filename().string());
    test::Scratch s;
    fs::path d = s.copy_of(test::synthetic());
    for (const auto& e : fs::directory_iterator(c))
      if (e.path().filename() != "EXPECT" && e.path().filename() != "REMOVE")
        fs::copy(e.path(), d / e.path().filename(),
                 fs::copy_options::recursive | fs::copy_options::overwrite_existing | fs::copy_options::copy_symlinks);
    if (fs::exists(c / "REMOVE"))  // files the fault takes away from the copy
      for (const auto& rel : lines_of(test::read(c / "REMOVE"))) REQUIRE(fs::remove(d / rel));
    std::vector<std::string> expect;
    for (const auto& l : lines_of(test::read(c / "EXPECT"))) expect.push_back(replaced(l, "@DIR@", d.string()));
    REQUIRE_FALSE(expect.empty());

    Report r;
    auto atlas = load_atlas({d.string(), {}}, r);
    INFO(printed(r));
    CHECK_FALSE(atlas);
    CHECK(one_line_has_all(printed(r), expect));

    auto run = test::histmap("validate --data \047" + d.string() + "\047");
    INFO("validate printed:\n" << run.out << run.err);
    CHECK(run.code == 1);
    CHECK(one_line_has_all(run.out + run.err, expect));  // validate lists findings on stdout
    CHECK(run.err.find("internal error") == std::string::npos);

    // A command that writes refuses the same data and leaves nothing behind.
    fs::create_directories(s.dir / "out");
    auto render = test::histmap("render --date 1920-08-01 --size 320x240 --data \047" + d.string() + "\047 -o \047" +
                                (s.dir / "out/map.png").string() + "\047");
    INFO("render printed:\n" << render.err);
    CHECK(render.code == 1);
    CHECK(fs::is_empty(s.dir / "out"));
  }
}

TEST_CASE("every seeded style fault is refused with file, line and exit 2", "[render][style][errors][catalogue]") {
  auto files = entries(test::data_path("broken_styles"), false);
  REQUIRE(files.size() >= 8);
  for (const auto& f : files) {
    INFO("style " << f.filename().string());
    std::string first = lines_of(test::read(f)).at(0);
    REQUIRE(first.rfind("# EXPECT: ", 0) == 0);
    std::vector<std::string> expect;
    std::istringstream in(first.substr(10));
    for (std::string frag; std::getline(in, frag, '|');) {
      frag.erase(0, frag.find_first_not_of(' '));
      frag.erase(frag.find_last_not_of(' ') + 1);
      expect.push_back(replaced(frag, "@FILE@", f.string()));
    }
    Style style;
    Report r;
    CHECK_FALSE(load_style(f.string(), style, r));
    INFO(printed(r));
    CHECK(one_line_has_all(printed(r), expect));

    test::Scratch s;
    auto run = test::histmap("render --date 1920-08-01 --data " + test::synthetic() + " --style \047" + f.string() +
                             "\047 -o \047" + (s.dir / "map.png").string() + "\047");
    INFO(run.err);
    CHECK(run.code == 2);
    CHECK(one_line_has_all(run.err, expect));
    CHECK_FALSE(fs::exists(s.dir / "map.png"));
  }
}

TEST_CASE("the shipped styles pass the strict reader", "[render][style]") {
  for (const char* name : {"default", "print", "dark"}) {
    Style style;
    Report r;
    bool ok = load_style(name, style, r);
    INFO(name << ": " << printed(r));
    CHECK(ok);
    CHECK(r.findings.empty());
  }
}
