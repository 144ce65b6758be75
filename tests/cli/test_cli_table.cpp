// The command-line table (tests/cli/cases.yaml, in the manner of PROJ's test/cli):
// each row runs the real histmap binary and checks its exit code and a fragment
// of what it printed. Placeholders: @SYN@ the synthetic dataset, @DATA@ tests/data,
// @OUT@ a fresh empty folder for the row, @X10@ the shipped dataset ten times over
// (bench/make_scaled.py, made once per test run and not committed).
// A row that fails must leave @OUT@ as it found it: nothing half-written.
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
  else out.push_back(row[key].as<std::string>());
  return out;
}

// Every entry under `dir` (relative, sorted): what a failed run must not have changed.
std::set<std::string> entries_under(const fs::path& dir) {
  std::set<std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(dir)) out.insert(fs::relative(e.path(), dir).string());
  return out;
}

// `given`: what is in @OUT@ before the run. "name/" is a folder, "name" a file
// holding "given", "name -> target" a symbolic link.
void make_given(const fs::path& out, const std::vector<std::string>& given) {
  for (const auto& g : given) {
    if (auto arrow = g.find(" -> "); arrow != std::string::npos)
      fs::create_symlink(g.substr(arrow + 4), out / g.substr(0, arrow));
    else if (g.back() == '/') fs::create_directories(out / g);
    else test::write(out / g, "given");
  }
}

// The shipped dataset ten times over, made on first use.
const std::string& ten_times_shipped() {
  static test::Scratch scratch;
  static const std::string dir = [] {
    const fs::path to = scratch.dir / "x10";
    const std::string cmd =
        "python3 '" HISTMAP_SOURCE_ROOT "/bench/make_scaled.py' '" HISTMAP_GEODATA "' 10 '" + to.string() + "'";
    REQUIRE(std::system(cmd.c_str()) == 0);
    return to.string();
  }();
  return dir;
}

}  // namespace

TEST_CASE("the CLI table: every subcommand, good and bad arguments, exit codes 0/1/2",
          "[cli][errors][table][catalogue]") {
  YAML::Node rows = YAML::LoadFile(HISTMAP_CLI_CASES);
  REQUIRE(rows.IsSequence());
  CHECK(rows.size() >= 40);
  std::set<std::string> subcommands;
  for (const auto& row : rows) {
    test::Scratch s;
    const std::string raw_args = row["args"].as<std::string>();
    std::map<std::string, std::string> vars = {
        {"@SYN@", test::synthetic()}, {"@DATA@", std::string(HISTMAP_TEST_DATA)}, {"@OUT@", s.dir.string()}};
    if (raw_args.find("@X10@") != std::string::npos) vars["@X10@"] = ten_times_shipped();
    const std::string args = expand(raw_args, vars);
    const int expected = row["exit"].as<int>();
    subcommands.insert(args.substr(0, args.find(' ')));
    INFO("histmap " << args);
    make_given(s.dir, fragments(row, "given"));
    const auto before = entries_under(s.dir);
    auto r = test::histmap(args);
    INFO("exit " << r.code << "\nstdout: " << r.out.substr(0, 2000) << "\nstderr: " << r.err.substr(0, 2000));
    CHECK(r.code == expected);
    for (const auto& f : fragments(row, "stdout")) CHECK(r.out.find(expand(f, vars)) != std::string::npos);
    for (const auto& f : fragments(row, "stderr")) CHECK(r.err.find(expand(f, vars)) != std::string::npos);
    for (const auto& f : fragments(row, "stderr_lacks")) CHECK(r.err.find(expand(f, vars)) == std::string::npos);
    for (const auto& f : fragments(row, "creates")) CHECK(fs::exists(expand(f, vars)));
    if (expected != 0) {
      CHECK(r.err.find("internal error") == std::string::npos);
      CHECK_FALSE((r.out + r.err).empty());   // a failure always says why
      CHECK(entries_under(s.dir) == before);  // and leaves no partial output behind
      for (const auto& g : fragments(row, "given"))
        if (g.back() != '/' && g.find(" -> ") == std::string::npos) CHECK(test::read(s.dir / g) == "given");
    }
  }
  for (const char* cmd : {"state", "explain", "timeline", "validate", "render", "export", "animate", "site", "geodata"})
    CHECK(subcommands.count(cmd));
}
