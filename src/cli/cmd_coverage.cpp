// histmap coverage [--from YYYY-MM] [--to YYYY-MM]: for each uyezd and month,
// how many assertions from which sources speak of it; zero means no loaded
// source says anything about that uyezd in that month.
#include <memory>
#include <sstream>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "cli/format.hpp"
#include "time/coverage.hpp"

namespace histmap::cli {
namespace {

struct CoverageOptions {
  CommonOptions common;
  std::string from, to;  // the dataset's period unless given
};

std::pair<int, int> month_or_exit(const std::string& option, const std::string& v) {
  FuzzyDate d;
  try {
    d = parse_fuzzy(v, false);
  } catch (const DateError& e) {
    std::cerr << "histmap coverage: " << option << " " << v << ": " << e.what() << "\n";
    throw Exit{2};
  }
  if (d.precision != Precision::Month) {
    std::cerr << "histmap coverage: " << option << " " << v << " is not a month; write YYYY-MM, e.g. 1920-08\n";
    throw Exit{2};
  }
  return {std::stoi(v.substr(0, 4)), std::stoi(v.substr(5, 2))};
}

void run(const CoverageOptions& o) {
  auto atlas = load_or_exit(o.common);
  auto [y0, m0] = month_or_exit("--from", o.from.empty() ? format_day(atlas->dataset.first).substr(0, 7) : o.from);
  auto [y1, m1] = month_or_exit("--to", o.to.empty() ? format_day(atlas->dataset.last).substr(0, 7) : o.to);
  if (y1 * 12 + m1 < y0 * 12 + m0) {
    std::cerr << "histmap coverage: --to " << o.to << " is before --from " << o.from << "\n";
    throw Exit{2};
  }
  auto cells = coverage(*atlas, y0, m0, y1, m1);
  std::ostringstream csv;
  csv << "uyezd,month,assertions";
  for (const auto& s : atlas->sources) csv << "," << s.id;
  csv << "\n";
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const auto& c : cells) {
    char month[8];
    std::snprintf(month, sizeof month, "%04d-%02d", c.year, c.month);
    csv << atlas->regions[c.uyezd].id << "," << month << "," << c.total();
    nlohmann::ordered_json by = nlohmann::ordered_json::object();
    for (size_t s = 0; s < atlas->sources.size(); ++s) {
      auto it = c.by_source.find(static_cast<int>(s));
      int n = it == c.by_source.end() ? 0 : it->second;
      csv << "," << n;
      if (n) by[atlas->sources[s].id] = n;
    }
    csv << "\n";
    out.push_back(
        {{"uyezd", atlas->regions[c.uyezd].id}, {"month", month}, {"assertions", c.total()}, {"by_source", by}});
  }
  emit(o.common, o.common.format == "json" ? dump(out) : csv.str());
}

}  // namespace

void add_coverage_command(CLI::App& app) {
  auto o = std::make_shared<CoverageOptions>();
  auto* cmd =
      app.add_subcommand("coverage", "How many assertions from which sources speak of each uyezd in each month");
  cmd->add_option("--from", o->from, "First month, YYYY-MM (default: the dataset's period, dataset.yaml)");
  cmd->add_option("--to", o->to, "Last month, YYYY-MM (default: the dataset's period)");
  add_data_options(cmd, o->common);
  o->common.format = "csv";
  add_output_options(cmd, o->common, {"csv", "json"});
  cmd->callback([o] { run(*o); });
}

}  // namespace histmap::cli
