#include "helpers.hpp"

#include <sys/wait.h>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
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

histmap::Style style_named(const char* name) {
  histmap::Style s;
  histmap::Report r;
  INFO(all_findings(r));
  REQUIRE(histmap::load_style(name, s, r));
  return s;
}

}  // namespace test
