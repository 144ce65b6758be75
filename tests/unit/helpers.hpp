// Shared test helpers: the synthetic dataset, scratch copies to break, and
// running the real histmap binary.
#pragma once

#include "render/style.hpp"

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "data/load.hpp"

namespace test {

std::string data_path(const std::string& rel);  // under tests/data
std::string synthetic();                        // tests/data/synthetic

// Loads a dataset; REQUIREs success.
std::unique_ptr<histmap::Atlas> load_ok(const std::string& dir, const std::vector<std::string>& extra = {});
// The shipped dataset with only the set drawn from the two seed texts (`--sources azerbaijani`),
// for tests that check what those texts say.
std::unique_ptr<histmap::Atlas> load_seed_texts();

// A fresh scratch folder, removed when the object goes.
struct Scratch {
  Scratch();
  ~Scratch();
  std::filesystem::path dir;
  std::filesystem::path copy_of(const std::string& dataset);  // copies into dir/data
};

// Replaces the first occurrence of `from` with `to` in file; REQUIREs it was found.
void edit(const std::filesystem::path& file, const std::string& from, const std::string& to);
void write(const std::filesystem::path& file, const std::string& content);
std::string read(const std::filesystem::path& file);

// True when some finding has this severity and contains every fragment.
bool has_finding(const histmap::Report& r, histmap::Severity s, std::initializer_list<std::string> fragments);
std::string all_findings(const histmap::Report& r);

struct Run {
  int code;
  std::string out, err;
};
// Runs the histmap binary with `args` (shell-quoted by the caller).
Run histmap(const std::string& args);

histmap::Day day(const char* ymd);

// An SVG chart as an XML parser reads it (Python's ElementTree, not our writer's view).
struct SvgWords {
  bool parsed = false;              // a well-formed document with an <svg> root
  std::string title, desc, lang;    // lang: xml:lang of the group holding the <text>
  std::vector<std::string> texts;   // every <text>'s content, in document order
  int symbols = 0, glyph_refs = 0;  // <symbol> elements, <use> of glyph outlines
};
SvgWords svg_words(const std::filesystem::path& svg);

// A shipped style by name; fails the test (with the findings) if it does not load.
histmap::Style style_named(const char* name);

}  // namespace test
