// docs/cli/<subcommand>.md against `histmap <subcommand> --help`: every option the
// help lists is in the page’s options table, and every option in the table is
// one the help lists. A page for every subcommand, and no page for none.
#include <catch2/catch.hpp>

#include <filesystem>
#include <regex>
#include <set>
#include <sstream>

#include "helpers.hpp"

namespace fs = std::filesystem;

namespace {

// The lines of `text` under the heading that starts with `heading` (CLI11: "Options:", "Subcommands:").
std::vector<std::string> section(const std::string& text, const std::string& heading) {
  std::vector<std::string> out;
  std::istringstream in(text);
  bool inside = false;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line[0] != ' ') inside = line.rfind(heading, 0) == 0;
    else if (inside && !line.empty()) out.push_back(line);
  }
  return out;
}

// Option names in the first column of help lines: "  -o,--output TEXT  ..." gives -o and --output.
std::set<std::string> help_options(const std::string& help) {
  std::set<std::string> out;
  static const std::regex name("(^|,)(--?[A-Za-z][A-Za-z0-9-]*)");
  for (const auto& line : section(help, "Options:")) {
    std::string first = line.substr(line.find_first_not_of(' '));
    first = first.substr(0, first.find(' '));
    for (std::sregex_iterator it(first.begin(), first.end(), name), end; it != end; ++it) out.insert((*it)[2]);
  }
  out.erase("-h"), out.erase("--help");
  return out;
}

std::vector<std::string> subcommands(const std::string& help) {
  std::vector<std::string> out;
  for (const auto& line : section(help, "Subcommands:")) {
    std::istringstream words(line);
    std::string name;
    if (words >> name) out.push_back(name);
  }
  return out;
}

// Options named in the first cell of the page’s table rows: | `-o`, `--output FILE` | ... |
std::set<std::string> page_options(const std::string& page) {
  std::set<std::string> out;
  static const std::regex name("`(--?[A-Za-z][A-Za-z0-9-]*)");
  std::istringstream in(page);
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("| `-", 0) != 0) continue;
    std::string cell = line.substr(1, line.find('|', 1) - 1);
    for (std::sregex_iterator it(cell.begin(), cell.end(), name), end; it != end; ++it) out.insert((*it)[1]);
  }
  return out;
}

}  // namespace

TEST_CASE("docs/cli has a page per subcommand listing exactly the options of its --help", "[cli][docs]") {
  const fs::path docs = fs::path(HISTMAP_SOURCE_DIR) / "docs/cli";
  auto top = test::histmap("--help");
  REQUIRE(top.code == 0);
  const auto names = subcommands(top.out);
  REQUIRE(names.size() >= 10);
  std::set<std::string> pages;
  for (const auto& e : fs::directory_iterator(docs))
    if (e.path().extension() == ".md" && e.path().stem() != "README") pages.insert(e.path().stem().string());
  CHECK(pages == std::set<std::string>(names.begin(), names.end()));
  for (const auto& sub : names) {
    INFO("histmap " << sub);
    auto help = test::histmap(sub + " --help");
    REQUIRE(help.code == 0);
    std::set<std::string> in_help = help_options(help.out);
    for (const auto& nested : subcommands(help.out)) {  // geodata build
      auto more = test::histmap(sub + " " + nested + " --help");
      REQUIRE(more.code == 0);
      for (const auto& o : help_options(more.out)) in_help.insert(o);
    }
    const std::string page = test::read(docs / (sub + ".md"));
    CHECK(page.find("# histmap " + sub) != std::string::npos);
    const std::set<std::string> in_page = page_options(page);
    for (const auto& o : in_help) {
      INFO(o << " is in the help of `histmap " << sub << "` but not in docs/cli/" << sub << ".md");
      CHECK(in_page.count(o));
    }
    for (const auto& o : in_page) {
      INFO(o << " is in docs/cli/" << sub << ".md but not in the help of `histmap " << sub << "`");
      CHECK(in_help.count(o));
    }
  }
}
