// histmap site -o DIR: a self-contained offline page with a time slider.
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "data/load.hpp"
#include "scrub/site.hpp"

namespace histmap::cli {
namespace {

struct SiteCmd {
  CommonOptions common;
  std::string from, to, start, style = "default", dir;  // period: the dataset's unless given
};

// The selection's ids that belong to set `k`: the set itself when the selection is empty or names
// it, else the set's sources the selection names (empty: the set is not in use).
std::vector<std::string> only_of_set(const Atlas& atlas, int k, const std::vector<std::string>& selection) {
  const std::string& id = atlas.sets[static_cast<size_t>(k)].id;
  if (selection.empty() || std::find(selection.begin(), selection.end(), id) != selection.end()) return {id};
  std::vector<std::string> out;
  for (const auto& s : atlas.sources)
    if (s.set == k && std::find(selection.begin(), selection.end(), s.id) != selection.end()) out.push_back(s.id);
  return out;
}

// For the page's compare mode: each set in use loaded and resolved on its own (when two or more
// are in use). The main load has already shown the data's findings; a set that does not load on
// its own is an error of its own.
struct SetAtlases {
  std::vector<std::unique_ptr<Atlas>> atlases;
  std::vector<std::unique_ptr<Resolver>> resolvers;
};
std::vector<SiteSet> load_sets_or_exit(const SiteCmd& o, const Atlas& atlas, SetAtlases& keep) {
  const std::vector<std::string> selection = selection_or_exit(o.common);
  std::vector<std::pair<int, std::vector<std::string>>> in_use;
  for (size_t k = 0; k < atlas.sets.size(); ++k)
    if (auto only = only_of_set(atlas, static_cast<int>(k), selection); atlas.sets[k].in_use && !only.empty())
      in_use.emplace_back(static_cast<int>(k), std::move(only));
  std::vector<SiteSet> sets;
  if (in_use.size() < 2) return sets;
  for (auto& [k, only] : in_use) {
    Report report;
    auto one = load_atlas({o.common.data, o.common.add_data, only}, report);
    const SourceSet& set = atlas.sets[static_cast<size_t>(k)];
    if (!one) {
      print_findings(report);
      std::cerr << "histmap: source set " << set.id << " (" << set.dir
                << ") does not load on its own, which the page's set comparison needs; nothing was written\n";
      throw Exit{1};
    }
    keep.resolvers.push_back(std::make_unique<Resolver>(*one));
    sets.push_back({set.id, set.name, one.get(), keep.resolvers.back().get()});
    keep.atlases.push_back(std::move(one));
  }
  return sets;
}

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
  SetAtlases keep;
  s.sets = load_sets_or_exit(o, *atlas, keep);
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
