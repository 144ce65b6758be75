// The command-line table (tests/cli/cases.yaml, in the manner of PROJ's test/cli):
// each row runs the real histmap binary and checks its exit code and a fragment
// of what it printed. Placeholders: @SYN@ the synthetic dataset, @DATA@ tests/data,
// @OUT@ a fresh empty folder for the row.
#include <catch2/catch.hpp>

#include <yaml-cpp/yaml.h>

#include "helpers.hpp"

namespace fs = std::filesystem;

namespace {

std::string expand(std::string s, const std::map<std::string, std::string>& vars) {
  for (const auto& [k, v] : vars)
    for (size_t p; (p = s.find(k)) != std::string::npos;) s.replace(p, k.size(), v);
  return s;
}

std::vector<std::string> fragments(const YAML::Node& row, const char* key) {
  std::vector<std::string> out;
  if (!row[key]) return out;
  if (row[key].IsSequence())
    for (const auto& f : row[key]) out.push_back(f.as<std::string>());
  else
    out.push_back(row[key].as<std::string>());
  return out;
}

}  // namespace

TEST_CASE("the CLI table: every subcommand, good and bad arguments, exit codes 0/1/2", "[cli][errors][table]") {
  YAML::Node rows = YAML::LoadFile(HISTMAP_CLI_CASES);
  REQUIRE(rows.IsSequence());
  CHECK(rows.size() >= 40);
  std::set<std::string> subcommands;
  for (const auto& row : rows) {
    test::Scratch s;
    const std::map<std::string, std::string> vars = {
        {"@SYN@", test::synthetic()}, {"@DATA@", std::string(HISTMAP_TEST_DATA)}, {"@OUT@", s.dir.string()}};
    const std::string args = expand(row["args"].as<std::string>(), vars);
    const int expected = row["exit"].as<int>();
    subcommands.insert(args.substr(0, args.find(' ')));
    INFO("histmap " << args);
    auto r = test::histmap(args);
    INFO("exit " << r.code << "\nstdout: " << r.out.substr(0, 2000) << "\nstderr: " << r.err.substr(0, 2000));
    CHECK(r.code == expected);
    for (const auto& f : fragments(row, "stdout")) CHECK(r.out.find(expand(f, vars)) != std::string::npos);
    for (const auto& f : fragments(row, "stderr")) CHECK(r.err.find(expand(f, vars)) != std::string::npos);
    for (const auto& f : fragments(row, "creates")) CHECK(fs::exists(expand(f, vars)));
    if (expected != 0) CHECK(r.err.find("internal error") == std::string::npos);
    if (expected != 0) CHECK_FALSE((r.out + r.err).empty());  // a failure always says why
  }
  for (const char* cmd : {"state", "explain", "timeline", "validate", "render", "export", "animate", "site", "geodata"})
    CHECK(subcommands.count(cmd));
}
