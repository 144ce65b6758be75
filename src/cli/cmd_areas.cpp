// histmap areas: area per controller and per claimant over time, as CSV and an SVG chart.
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "model/languages.hpp"
#include "scrub/areas.hpp"
#include "scrub/areas_chart.hpp"
#include "symbology/legend.hpp"

namespace histmap::cli {
namespace {

struct AreasOptions {
  CommonOptions common;
  std::string from, to, step = "month", by = "both", region, chart, lang = "en", style = "default";
};

AreaStep step_of(const std::string& s) {
  return s == "day" ? AreaStep::Day : s == "week" ? AreaStep::Week : AreaStep::Month;
}

// The sampled days; bad or empty periods are argument errors (exit 2).
std::vector<Day> days_or_exit(const AreasOptions& o, const Atlas& atlas) {
  const bool no_period = atlas.dataset.first == 0 && atlas.dataset.last == 0;
  if (no_period && (o.from.empty() || o.to.empty())) {
    std::cerr << "histmap: the dataset's dataset.yaml gives no period; give both --from and --to\n";
    throw Exit{2};
  }
  const Day from = o.from.empty() ? atlas.dataset.first : parse_date_or_exit("--from", o.from);
  const Day to = o.to.empty() ? atlas.dataset.last : parse_date_or_exit("--to", o.to);
  if (to < from) {
    std::cerr << "histmap: --to " << format_day(to) << " is before --from " << format_day(from)
              << "; give an interval that runs forward\n";
    throw Exit{2};
  }
  auto days = area_days(from, to, step_of(o.step));
  if (days.empty()) {
    std::cerr << "histmap: " << format_day(from) << " to " << format_day(to)
              << " holds no first of a month; use --step day or --step week, or a longer period\n";
    throw Exit{2};
  }
  return days;
}

void run(const AreasOptions& o) {
  auto atlas = load_or_exit(o.common);
  auto days = days_or_exit(o, *atlas);
  AreaOptions ao;
  ao.control = o.by != "claimant";
  ao.claims = o.by != "controller";
  int region = o.region.empty() ? -1 : region_or_exit(*atlas, o.region);
  if (region >= 0) ao.pieces = atlas->regions[region].pieces;
  Style style = o.chart.empty() ? Style{} : style_or_exit(o.style);
  // Refuse an existing output before writing either, so a refusal leaves nothing half-done.
  if (!o.common.output.empty()) refuse_existing(o.common.output, o.common.force);
  if (!o.chart.empty()) refuse_existing(o.chart, o.common.force);
  Resolver resolver(*atlas);
  AreaTable table = area_table(*atlas, resolver, days, ao);
  if (!o.chart.empty()) {
    AreaChartOptions co;
    co.lang = o.lang, co.from = days.front(), co.to = days.back(), co.step = step_of(o.step);
    co.control = ao.control, co.claims = ao.claims;
    if (region >= 0) co.region = name_in(atlas->regions[region].names, o.lang, atlas->regions[region].id);
    Report report;
    write_area_svg(*atlas, table, style, co, o.chart, report);
    finish_or_exit(report);
  }
  CommonOptions out = o.common;
  out.force = true;  // refused above unless --force
  emit(out, area_csv(table, *atlas, words_for(o.lang)));
}

}  // namespace

void add_areas_command(CLI::App& app) {
  auto o = std::make_shared<AreasOptions>();
  auto* cmd = app.add_subcommand(
      "areas", "Area per controller and per claimant over time (km², equal-area), as CSV and an SVG chart");
  cmd->add_option("--from", o->from, "First day, YYYY-MM-DD (default: the first day of the dataset's period)");
  cmd->add_option("--to", o->to, "Last day, YYYY-MM-DD (default: the last day of the dataset's period)");
  cmd->add_option("--step", o->step, "Days to count: every day, every 7th day from --from, or the first of each month")
      ->check(CLI::IsMember({"day", "week", "month"}))
      ->capture_default_str();
  cmd->add_option("--by", o->by, "Rows per controller, per claimant, or both")
      ->check(CLI::IsMember({"controller", "claimant", "both"}))
      ->capture_default_str();
  cmd->add_option("--region", o->region, "Count only this region's pieces");
  cmd->add_option("-o,--output", o->common.output,
                  "Write the CSV to this file (atomically) instead of standard output");
  cmd->add_option("--chart", o->chart, "Also draw the areas as an SVG chart into this file");
  cmd->add_option("--lang", o->lang, "Language of names and the chart's words: " + language_list())
      ->check(CLI::IsMember(language_codes()))
      ->capture_default_str();
  cmd->add_option("--style", o->style, "Style of the SVG chart (colours of polities)")->capture_default_str();
  add_data_options(cmd, o->common);
  cmd->add_flag("--force", o->common.force, "Overwrite existing output files");
  cmd->callback([o] { run(*o); });
}

}  // namespace histmap::cli
