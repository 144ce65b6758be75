// histmap compare --date A --date B | --sources X --sources Y --date D: where two
// days, or two source selections on one day, differ; a table and optionally a map.
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <memory>
#include <set>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "cli/compare_report.hpp"
#include "model/languages.hpp"
#include "render/compare_map.hpp"
#include "symbology/dataset_words.hpp"
#include "symbology/legend.hpp"

namespace histmap::cli {
namespace {

struct CompareOptions {
  CommonOptions common;
  std::vector<std::string> dates;
  std::string region, map_path, size = "297x210mm", style = "default";
  MapOptions map;
};

// One side of the comparison: an atlas (owned, or shared with the other side), its resolver, a day.
struct Side {
  std::shared_ptr<const Atlas> atlas;
  std::shared_ptr<const Resolver> resolver;
  Day day = 0;
  std::string key, label;
};

[[noreturn]] void usage_error(const std::string& message) {
  std::cerr << "histmap: compare: " << message << "\n";
  throw Exit{2};
}

// Everything about the arguments that is known before any data is read.
void check_arguments(const CompareOptions& o) {
  const auto& d = o.dates;
  const auto& s = o.common.sources;
  if (s.size() == 1 && d.size() != 2)
    usage_error("--sources " + s[0] +
                " is one selection; give two (--sources X --sources Y) and one --date to see where they differ, "
                "or two --date to compare two days of this selection");
  if (s.size() > 2) usage_error("--sources given " + std::to_string(s.size()) + " times; compare takes two selections");
  if (s.size() == 2 && d.size() != 1)
    usage_error("two --sources selections are compared on one day; give exactly one --date (got " +
                std::to_string(d.size()) + ")");
  if (s.size() == 2 && s[0] == s[1]) usage_error("--sources " + s[0] + " given twice; give two different selections");
  if (s.size() < 2 && d.size() != 2)
    usage_error("give two days (--date A --date B), or two selections (--sources X --sources Y) and one --date; got " +
                std::to_string(d.size()) + " --date");
  if (s.size() < 2 && d[0] == d[1]) usage_error("--date " + d[0] + " given twice; give two different days");
  if (!o.map_path.empty()) {
    std::string ext = std::filesystem::path(o.map_path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), ::tolower);
    if (ext != ".pdf" && ext != ".svg" && ext != ".png")
      usage_error("--map " + o.map_path + ": unknown map format '" + ext + "'; use .png, .svg or .pdf");
  }
}

std::pair<Side, Side> date_sides(const CompareOptions& o, const Words& w) {
  Day a = parse_date_or_exit("--date", o.dates[0]), b = parse_date_or_exit("--date", o.dates[1]);
  if (a == b) usage_error("--date " + o.dates[0] + " and --date " + o.dates[1] + " are the same day");
  std::shared_ptr<const Atlas> atlas = load_or_exit(o.common);
  auto resolver = std::make_shared<const Resolver>(*atlas);
  return {Side{atlas, resolver, a, format_day(a), day_words(a, w)},
          Side{atlas, resolver, b, format_day(b), day_words(b, w)}};
}

// A selection in words: its sets' short names (else the ids as given), joined.
std::string selection_words(const Atlas& atlas, const std::string& selection, const Words& w) {
  std::string out;
  for (const auto& id : selection_ids(selection)) {
    auto set = std::find_if(atlas.sets.begin(), atlas.sets.end(), [&](const SourceSet& x) { return x.id == id; });
    out += (out.empty() ? "" : " + ") + (set == atlas.sets.end() ? id : name_in(set->name, w.lang, id));
  }
  return out;
}

std::pair<Side, Side> selection_sides(const CompareOptions& o, const Words& w) {
  Day d = parse_date_or_exit("--date", o.dates[0]);
  const auto& s = o.common.sources;
  std::shared_ptr<const Atlas> a = load_selection_or_exit(o.common, s[0]);
  std::shared_ptr<const Atlas> b = load_selection_or_exit(o.common, s[1]);
  return {Side{a, std::make_shared<const Resolver>(*a), d, s[0], selection_words(*a, s[0], w)},
          Side{b, std::make_shared<const Resolver>(*b), d, s[1], selection_words(*b, s[1], w)}};
}

void draw_map(const CompareOptions& o, const Side& first, const Side& second, const std::vector<PieceComparison>& rows,
              const Words& w) {
  const bool dates = o.common.sources.size() < 2;
  MapOptions options = o.map;
  page_size_or_exit(o.size, options);
  if (!dates && options.title.empty())  // the title names both selections, not only the first one's sets
    options.title = w.fill("map.title", {{"title", dataset_title(*first.atlas, w)},
                                         {"sets", first.label + w.get("list.and") + second.label}});
  Style style = style_or_exit(o.style);
  auto canvas = canvas_or_exit(*first.atlas, options);
  const ComparedSides sides{
      {first.resolver.get(), first.day}, {second.resolver.get(), second.day}, first.label, second.label};
  auto map_of = [&] {
    return dates ? map_of_days(sides, rows, *canvas, style, w) : map_of_selections(sides, rows, *canvas, style, w);
  };
  ComparedMap m = map_of();
  if (MapOptions fitted = room_for_legend(*first.atlas, options, m.legend, style);  // room for a long legend
      fitted.legend_columns != options.legend_columns || fitted.legend_below != options.legend_below) {
    options = fitted;
    canvas = canvas_or_exit(*first.atlas, options);
    m = map_of();
  }
  Report report;
  render_compared(*canvas, m, style, o.map_path, report);
  finish_or_exit(report);
}

void run(const CompareOptions& o) {
  check_arguments(o);
  const Words& w = words_for(o.map.lang);
  if (!o.map_path.empty()) refuse_existing(o.map_path, o.common.force);
  if (!o.common.output.empty()) refuse_existing(o.common.output, o.common.force);
  auto [first, second] = o.common.sources.size() < 2 ? date_sides(o, w) : selection_sides(o, w);
  std::vector<int> pieces;
  if (!o.region.empty()) pieces = first.atlas->regions[region_or_exit(*first.atlas, o.region)].pieces;
  CompareReport report;
  report.dates = o.common.sources.size() < 2;
  report.first_key = first.key, report.second_key = second.key;
  report.first_label = first.label, report.second_label = second.label;
  report.day = first.day;
  report.first_atlas = first.atlas.get(), report.second_atlas = second.atlas.get();
  report.rows = compare_sides({first.resolver.get(), first.day}, {second.resolver.get(), second.day}, pieces);
  if (!o.map_path.empty())  // the map shows the pieces around the region too
    draw_map(o, first, second,
             pieces.empty() ? report.rows
                            : compare_sides({first.resolver.get(), first.day}, {second.resolver.get(), second.day}),
             w);
  const std::string& f = o.common.format;
  emit(o.common, f == "json" ? compare_json(report, w) : f == "csv" ? compare_csv(report, w) : compare_text(report, w));
}

}  // namespace

void add_compare_command(CLI::App& app) {
  auto o = std::make_shared<CompareOptions>();
  auto* cmd = app.add_subcommand(
      "compare", "Where two days, or two source selections on one day, differ: a table, and a map with --map");
  cmd->add_option("--date", o->dates, "Calendar day, YYYY-MM-DD: twice to compare two days, once with two --sources");
  cmd->add_option("--region", o->region, "Only pieces in this region (uyezd, governorate or named part); frames --map");
  cmd->add_option("--lang", o->map.lang, "Language of the words: " + language_list())
      ->check(CLI::IsMember(language_codes()))
      ->capture_default_str();
  cmd->add_option("--map", o->map_path, "Also draw a map of the comparison: .png, .svg or .pdf");
  cmd->add_option("--size", o->size, "Map page size: WIDTHxHEIGHT in pixels (1600x1200) or mm (297x210mm)")
      ->capture_default_str();
  cmd->add_option("--style", o->style, "Map style name in styles/ or a style file")->capture_default_str();
  add_data_options(cmd, o->common);
  // Here --sources may be given twice: each occurrence one selection, the two compared on --date.
  cmd->get_option("--sources")
      ->description("A source selection (comma list of set or source ids); twice, to compare the two on --date")
      ->allow_extra_args(false);
  add_output_options(cmd, o->common, {"text", "csv", "json"});
  cmd->callback([o] {
    o->map.region = o->region;
    run(*o);
  });
}

}  // namespace histmap::cli
