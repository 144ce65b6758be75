// histmap site -o DIR: a self-contained offline page with a time slider.
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "scrub/site.hpp"

namespace histmap::cli {
namespace {

struct SiteCmd {
  CommonOptions common;
  std::string from, to, start, style = "default", dir;  // period: the dataset's unless given
};

void run(const SiteCmd& o) {
  auto atlas = load_or_exit(o.common);
  const DatasetInfo& d = atlas->dataset;
  SiteOptions s;
  s.first = o.from.empty() ? d.first : parse_date_or_exit("--from", o.from);
  s.last = o.to.empty() ? d.last : parse_date_or_exit("--to", o.to);
  s.start = o.start.empty() ? std::clamp(d.start, s.first, std::max(s.first, s.last))
                            : parse_date_or_exit("--start", o.start);
  s.dir = o.dir;
  if (s.last <= s.first || s.start < s.first || s.start > s.last) {
    std::cerr << "histmap: --from must be before --to, and --start between them\n";
    throw Exit{2};
  }
  refuse_existing(o.dir, o.common.force);
  Style style = style_or_exit(o.style);
  Report report;
  Resolver resolver(*atlas);
  MapOptions mo;
  mo.width_pt = 1000, mo.height_pt = 800, mo.legend = false, mo.labels = false;
  auto canvas = canvas_or_exit(*atlas, mo);
  write_site(*atlas, resolver, *canvas, style, s, report);
  finish_or_exit(report);
}

}  // namespace

void add_site_command(CLI::App& app) {
  auto o = std::make_shared<SiteCmd>();
  auto* cmd = app.add_subcommand("site", "Write an offline page with a time slider over the period");
  cmd->add_option("-o,--output", o->dir, "Folder to write (index.html, app.js, style.css, data.js)")->required();
  cmd->add_option("--from", o->from, "First day of the slider (default: the dataset's period, dataset.yaml)");
  cmd->add_option("--to", o->to, "Last day of the slider (default: the dataset's period)");
  cmd->add_option("--start", o->start, "Day shown when the URL names none (default: the dataset's start day)");
  cmd->add_option("--style", o->style, "Style for colours and patterns")->capture_default_str();
  cmd->add_flag("--force", o->common.force, "Replace an existing folder");
  add_data_options(cmd, o->common);
  cmd->callback([o] { run(*o); });
}

}  // namespace histmap::cli
