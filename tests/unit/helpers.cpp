#include "helpers.hpp"

#include <sys/wait.h>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>

namespace fs = std::filesystem;

namespace test {

std::string data_path(const std::string& rel) { return std::string(HISTMAP_TEST_DATA) + "/" + rel; }
std::string synthetic() { return data_path("synthetic"); }

std::unique_ptr<histmap::Atlas> load_ok(const std::string& dir, const std::vector<std::string>& extra) {
  histmap::Report report;
  auto atlas = histmap::load_atlas({dir, extra}, report);
  INFO(all_findings(report));
  REQUIRE(atlas);
  return atlas;
}

std::unique_ptr<histmap::Atlas> load_seed_texts() {
  histmap::Report report;
  auto atlas = histmap::load_atlas({HISTMAP_GEODATA, {}, {"azerbaijani"}}, report);
  std::string findings;
  for (const auto& f : report.findings) findings += f.where + ": " + f.message + "\n";
  INFO(findings);
  REQUIRE(atlas);
  return atlas;
}

Scratch::Scratch() {
  static std::mt19937_64 rng(std::random_device{}());
  dir = fs::temp_directory_path() / ("histmap-test-" + std::to_string(rng()));
  fs::create_directories(dir);
}
Scratch::~Scratch() {
  std::error_code ec;
  fs::remove_all(dir, ec);
}
fs::path Scratch::copy_of(const std::string& dataset) {
  fs::path to = dir / "data";
  fs::copy(dataset, to, fs::copy_options::recursive);
  return to;
}

std::string read(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void write(const fs::path& file, const std::string& content) {
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out << content;
}

void edit(const fs::path& file, const std::string& from, const std::string& to) {
  std::string s = read(file);
  auto pos = s.find(from);
  INFO("editing " << file << ": looking for " << from);
  REQUIRE(pos != std::string::npos);
  s.replace(pos, from.size(), to);
  write(file, s);
}

bool has_finding(const histmap::Report& r, histmap::Severity s, std::initializer_list<std::string> fragments) {
  for (const auto& f : r.findings) {
    if (f.severity != s) continue;
    std::string all = f.where + ": " + f.message;
    bool ok = true;
    for (const auto& frag : fragments) ok = ok && all.find(frag) != std::string::npos;
    if (ok) return true;
  }
  return false;
}

std::string all_findings(const histmap::Report& r) {
  std::string s;
  for (const auto& f : r.findings) s += f.where + ": " + histmap::to_string(f.severity) + ": " + f.message + "\n";
  return s;
}

Run histmap(const std::string& args) {
  Scratch s;
  fs::path out = s.dir / "out", err = s.dir / "err";
  std::string cmd =
      std::string(HISTMAP_BINARY) + " " + args + " >" + out.string() + " 2>" + err.string() + " </dev/null";
  int status = std::system(cmd.c_str());
  int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return {code, read(out), read(err)};
}

histmap::Day day(const char* ymd) { return histmap::parse_day(ymd); }

SvgWords svg_words(const fs::path& svg) {
  Scratch s;
  const fs::path out = s.dir / "words.json";
  const std::string script =
      "import sys, json, xml.etree.ElementTree as E\n"
      "ns = '{http://www.w3.org/2000/svg}'; xl = '{http://www.w3.org/XML/1998/namespace}lang'\n"
      "r = E.parse(sys.argv[1]).getroot(); assert r.tag == ns + 'svg'\n"
      "def text(e): return '' if e is None else (e.text or '')\n"
      "langs = [g.get(xl) for g in r.iter(ns + 'g') if g.get(xl)]\n"
      "uses = [u for u in r.iter(ns + 'use') if 'glyph' in str(u.attrib)]\n"
      "json.dump({'title': text(r.find(ns + 'title')), 'desc': text(r.find(ns + 'desc')),\n"
      "  'lang': langs[0] if langs else '', 'texts': [text(t) for t in r.iter(ns + 'text')],\n"
      "  'symbols': len(list(r.iter(ns + 'symbol'))), 'glyph_refs': len(uses)}, open(sys.argv[2], 'w'))\n";
  write(s.dir / "words.py", script);
  const std::string cmd = "/usr/bin/python3 " + (s.dir / "words.py").string() + " " + svg.string() + " " + out.string();
  SvgWords w;
  if (std::system(cmd.c_str()) != 0) return w;
  auto j = nlohmann::json::parse(read(out));
  w.parsed = true;
  w.title = j["title"], w.desc = j["desc"], w.lang = j["lang"];
  w.texts = j["texts"].get<std::vector<std::string>>();
  w.symbols = j["symbols"], w.glyph_refs = j["glyph_refs"];
  return w;
}

histmap::Style style_named(const char* name) {
  histmap::Style s;
  histmap::Report r;
  INFO(all_findings(r));
  REQUIRE(histmap::load_style(name, s, r));
  return s;
}

}  // namespace test
