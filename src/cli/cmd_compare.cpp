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
#include "symbology/classify.hpp"
#include "time/timeline.hpp"

namespace histmap::cli {
namespace {

struct CompareOptions {
  CommonOptions common;
  std::vector<std::string> dates, selections;
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
  const auto& s = o.selections;
  if (s.size() == 1)
    usage_error("--sources " + s[0] +
                " is one selection; give two (--sources X --sources Y) and one --date to see where they differ");
  if (s.size() > 2) usage_error("--sources given " + std::to_string(s.size()) + " times; compare takes two selections");
  if (s.size() == 2 && d.size() != 1)
    usage_error("two --sources selections are compared on one day; give exactly one --date (got " +
                std::to_string(d.size()) + ")");
  if (s.size() == 2 && s[0] == s[1]) usage_error("--sources " + s[0] + " given twice; give two different selections");
  if (s.empty() && d.size() != 2)
    usage_error("give two days (--date A --date B), or two selections (--sources X --sources Y) and one --date; got " +
                std::to_string(d.size()) + " --date");
  if (s.empty() && d[0] == d[1]) usage_error("--date " + d[0] + " given twice; give two different days");
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

std::pair<Side, Side> selection_sides(const CompareOptions& o) {
  parse_date_or_exit("--date", o.dates[0]);
  usage_error("--sources: comparing source selections needs the source sets of this dataset (not yet available)");
}

std::string sources_line(const Atlas& atlas, const std::set<int>& assertions) {
  std::set<int> sources;
  for (int a : assertions) sources.insert(atlas.assertions[a].source);
  std::string out;
  for (int s : sources) out += (out.empty() ? "" : "; ") + atlas.sources[s].id + " (" + atlas.sources[s].title + ")";
  return out;
}

// The map of a date compare: the second day's states, changed pieces outlined, the rest faded.
ComparedMap date_map(const Side& first, const Side& second, const std::vector<PieceComparison>& rows,
                     const MapCanvas& canvas, const Style& style, const Words& w) {
  const Atlas& atlas = *first.atlas;
  ComparedMap m;
  std::vector<const PieceState*> shown;
  std::set<int> cited;
  const auto& visible = pieces_in_frame(canvas);
  std::vector<int> all(atlas.pieces.size());
  for (size_t p = 0; p < all.size(); ++p) all[p] = static_cast<int>(p);
  std::vector<int> group(atlas.pieces.size());  // as `render` groups them: by identical state
  const auto groups = group_by_state(*second.resolver, all, second.day);
  for (size_t g = 0; g < groups.size(); ++g)
    for (int p : groups[g].pieces) group[p] = static_cast<int>(g);
  for (size_t p = 0; p < atlas.pieces.size(); ++p) {
    const PieceState& s = second.resolver->at(static_cast<int>(p), second.day);
    m.pieces.push_back({{appearance(classify(s), atlas, style)}, CompareMark::Faded, group[p]});
    if (!visible[p]) continue;
    shown.push_back(&s);
    cited.insert(s.assertions.begin(), s.assertions.end());
  }
  for (const auto& r : rows) {
    m.pieces[r.piece].mark = CompareMark::Changed;
    cited.insert(r.first_assertions.begin(), r.first_assertions.end());
  }
  m.legend = legend(shown, atlas, style, w);
  std::string since = first.label;
  m.legend.push_back(
      compare_legend_item(CompareMark::Changed, false, w.fill("compare.map.changed", {{"date", since}}), style));
  m.legend.push_back(
      compare_legend_item(CompareMark::Faded, false, w.fill("compare.map.unchanged", {{"date", since}}), style));
  m.date_line = w.fill("compare.map.dates_line", {{"first", first.label}, {"second", second.label}});
  m.sources = sources_line(atlas, cited);
  return m;
}

// The map of a selection compare: pieces where the selections differ in bands of each side's
// state, pieces only one speaks of in that side's state, the rest (agreeing) faded.
ComparedMap selection_map(const Side& first, const Side& second, const std::vector<PieceComparison>& rows,
                          const MapCanvas& canvas, const Style& style, const Words& w) {
  const Atlas& a = *first.atlas;
  const Atlas& b = *second.atlas;
  ComparedMap m;
  std::vector<const PieceState*> shown_a, shown_b;
  std::set<int> cited_a, cited_b;
  const auto& visible = pieces_in_frame(canvas);
  std::vector<const PieceComparison*> row_of(a.pieces.size(), nullptr);
  for (const auto& r : rows) row_of[r.piece] = &r;
  for (size_t p = 0; p < a.pieces.size(); ++p) {
    const PieceState& x = first.resolver->at(static_cast<int>(p), first.day);
    const PieceComparison* r = row_of[p];
    ComparedArea area{{appearance(classify(x), a, style)}, CompareMark::Faded};
    if (r && r->kind == Difference::Differs) {
      area = {{area.looks[0], appearance(classify(*r->second), b, style)}, CompareMark::Changed};
    } else if (r && r->kind == Difference::OnlySecond) {
      area = {{appearance(classify(*r->second), b, style)}, CompareMark::OneSide};
    } else if (r) {
      area.mark = CompareMark::OneSide;
    }
    m.pieces.push_back(area);
    if (!visible[p]) continue;
    if (!r || r->kind != Difference::OnlySecond)
      shown_a.push_back(&x), cited_a.insert(x.assertions.begin(), x.assertions.end());
    if (r && r->kind != Difference::OnlyFirst)
      shown_b.push_back(r->second), cited_b.insert(r->second->assertions.begin(), r->second->assertions.end());
  }
  m.legend = legend(shown_a, a, style, w);
  for (auto& item : legend(shown_b, b, style, w))
    if (std::none_of(m.legend.begin(), m.legend.end(), [&](const LegendItem& i) { return i.label == item.label; }))
      m.legend.push_back(item);
  m.legend.push_back(
      compare_legend_item(CompareMark::Changed, true,
                          w.fill("compare.map.differ", {{"first", first.label}, {"second", second.label}}), style));
  m.legend.push_back(compare_legend_item(CompareMark::OneSide, false, w.get("compare.map.one_side"), style));
  m.legend.push_back(compare_legend_item(CompareMark::Faded, false, w.get("compare.map.agree"), style));
  m.date_line = w.fill("compare.map.sets_line",
                       {{"date", day_words(first.day, w)}, {"first", first.label}, {"second", second.label}});
  std::string sa = sources_line(a, cited_a), sb = sources_line(b, cited_b);
  m.sources = sa + (!sa.empty() && !sb.empty() ? "; " : "") + sb;
  return m;
}

ComparedMap compare_map(bool dates, const Side& first, const Side& second, const std::vector<PieceComparison>& rows,
                        const MapCanvas& canvas, const Style& style, const Words& w) {
  return dates ? date_map(first, second, rows, canvas, style, w) : selection_map(first, second, rows, canvas, style, w);
}

void draw_map(const CompareOptions& o, const Side& first, const Side& second, const std::vector<PieceComparison>& rows,
              const Words& w) {
  const bool dates = o.selections.empty();
  MapOptions options = o.map;
  page_size_or_exit(o.size, options);
  Style style = style_or_exit(o.style);
  auto canvas = canvas_or_exit(*first.atlas, options);
  ComparedMap m = compare_map(dates, first, second, rows, *canvas, style, w);
  if (canvas->legend_extent(m.legend, style).over_map > 0) {  // a long legend gets its own columns
    options.legend_columns = canvas->legend_extent(m.legend, style).columns;
    canvas = canvas_or_exit(*first.atlas, options);
    m = compare_map(dates, first, second, rows, *canvas, style, w);
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
  auto [first, second] = o.selections.empty() ? date_sides(o, w) : selection_sides(o);
  std::vector<int> pieces;
  if (!o.region.empty()) pieces = first.atlas->regions[region_or_exit(*first.atlas, o.region)].pieces;
  CompareReport report;
  report.dates = o.selections.empty();
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
  cmd->add_option("--sources", o->selections,
                  "A source selection (comma list of set or source ids); twice, to compare the two on --date")
      ->allow_extra_args(false);
  cmd->add_option("--region", o->region, "Only pieces in this region (uyezd, governorate or named part); frames --map");
  cmd->add_option("--lang", o->map.lang, "Language of the words: " + language_list())
      ->check(CLI::IsMember(language_codes()))
      ->capture_default_str();
  cmd->add_option("--map", o->map_path, "Also draw a map of the comparison: .png, .svg or .pdf");
  cmd->add_option("--size", o->size, "Map page size: WIDTHxHEIGHT in pixels (1600x1200) or mm (297x210mm)")
      ->capture_default_str();
  cmd->add_option("--style", o->style, "Map style name in styles/ or a style file")->capture_default_str();
  add_data_options(cmd, o->common);
  add_output_options(cmd, o->common, {"text", "csv", "json"});
  cmd->callback([o] {
    o->map.region = o->region;
    run(*o);
  });
}

}  // namespace histmap::cli
