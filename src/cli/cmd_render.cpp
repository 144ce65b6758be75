// histmap render --date D -o FILE.{pdf,svg,png}: a map for a date.
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <memory>
#include <set>
#include <sstream>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "export/citation.hpp"
#include "model/languages.hpp"
#include "render/map.hpp"
#include "render/multiple.hpp"
#include "symbology/dataset_words.hpp"
#include "symbology/words.hpp"
#include "time/resolve.hpp"

namespace histmap::cli {
namespace {

struct RenderOptions {
  CommonOptions common;
  std::vector<std::string> dates;
  std::string size = "297x210mm", bbox, style = "default", output;
  int columns = -1;  // -1: not given (a grid fitted to the page)
  MapOptions map;
  bool no_labels = false, no_legend = false, caption = false;
};

// Every --date once, in the order given; a repeated one is a mistake (exit 2).
std::vector<Day> dates_or_exit(const RenderOptions& o) {
  std::vector<Day> days;
  for (const auto& text : o.dates) {
    Day d = parse_date_or_exit("--date", text);
    if (std::find(days.begin(), days.end(), d) != days.end()) {
      std::cerr << "histmap: --date " << text << ": given twice; each panel of a multiple needs a date of its own\n";
      throw Exit{2};
    }
    days.push_back(d);
  }
  const size_t selections = std::max<size_t>(1, o.common.sources.size());  // several --sources: a row each
  std::string error = multiple_grid_error(static_cast<int>(days.size() * selections), o.columns < 0 ? 0 : o.columns);
  if (o.columns == 0) error = "--columns 0: must be between 1 and the number of panels";
  if (!error.empty()) {
    std::cerr << "histmap: " << error << "\n";
    throw Exit{2};
  }
  return days;
}

// Arguments checked before any data is read: page size, box, output name and format.
void check_page_or_exit(RenderOptions& o) {
  page_size_or_exit(o.size, o.map);
  if (!o.bbox.empty()) {
    std::array<double, 4> b{};
    char extra;
    if (std::sscanf(o.bbox.c_str(), "%lf,%lf,%lf,%lf%c", &b[0], &b[1], &b[2], &b[3], &extra) != 4) {
      std::cerr << "histmap: --bbox " << o.bbox
                << ": expected WEST,SOUTH,EAST,NORTH in degrees, e.g. 43,38.5,47.5,41.5\n";
      throw Exit{2};
    }
    o.map.bbox = b;
  }
  refuse_existing(o.output, o.common.force);
  // A wrong extension is a wrong argument (exit 2), known before any data is read.
  std::string ext = std::filesystem::path(o.output).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), ::tolower);
  if (ext != ".pdf" && ext != ".svg" && ext != ".png") {
    std::cerr << "histmap: -o " << o.output << ": unknown output format '" << ext << "'; use .pdf, .svg or .png\n";
    throw Exit{2};
  }
  if (o.caption)
    for (const auto& p : caption_paths(o.output)) refuse_existing(p, o.common.force);
  o.map.labels = !o.no_labels;
  o.map.legend = !o.no_legend;
}

void write_caption(const RenderOptions& o, const Atlas& atlas, const std::vector<Day>& days,
                   const std::vector<LegendItem>& legend, const std::vector<int>& shown, Report& report) {
  const Words& w = words_for(o.map.lang);
  std::vector<std::string> lines;
  if (o.map.legend)
    for (const auto& key : legend_furniture_keys(o.map)) lines.push_back(w.get(key));
  write_figure_caption(o.output, figure_caption(atlas, days, o.map.title, legend, lines, shown, w), report);
}

void render_single(RenderOptions& o, Day day, const Atlas& atlas, const Style& style, Report& report) {
  Resolver resolver(atlas);
  auto canvas = canvas_or_exit(atlas, o.map);
  if (o.map.legend) {  // a legend too long for one column gets room beside or under the map
    MapOptions fitted = room_for_legend(atlas, o.map, canvas->legend_over(resolver, {day}, style), style);
    if (fitted.legend_columns != o.map.legend_columns || fitted.legend_below != o.map.legend_below) {
      o.map = fitted;
      canvas = canvas_or_exit(atlas, o.map);
    }
  }
  auto legend = canvas->render(resolver, day, style, o.output, report);
  if (o.caption && !report.has_errors())
    write_caption(o, atlas, {day}, legend, canvas->shown_assertions(resolver, day), report);
}

void render_panels(RenderOptions& o, const std::vector<Day>& days, const Atlas& atlas, const Style& style,
                   Report& report) {
  Resolver resolver(atlas);
  auto panels = date_panels(atlas, resolver, days, o.map.lang);
  auto drawn = render_multiple(panels, std::max(0, o.columns), o.map, style, o.output, report);
  if (drawn.bad_arguments) {
    print_findings(report);
    throw Exit{2};
  }
  if (o.caption && !report.has_errors()) {
    std::set<int> shown;
    for (const auto& s : drawn.shown) shown.insert(s.begin(), s.end());
    write_caption(o, atlas, days, drawn.legend, {shown.begin(), shown.end()}, report);
  }
}

// --sources given more than once: one atlas per selection; rows are the selections, columns the dates.
struct Selections {
  std::vector<std::unique_ptr<Atlas>> atlases;
  std::vector<std::unique_ptr<Resolver>> resolvers;
};

// Every set any selection uses, in the dataset's order, as one list of names.
std::string sets_of_selections(const Selections& s, const Words& w) {
  const Atlas& first = *s.atlases.front();
  std::vector<std::string> names;
  for (size_t i = 0; i < first.sets.size(); ++i)
    if (std::any_of(s.atlases.begin(), s.atlases.end(), [&](const auto& a) { return a->sets[i].in_use; }))
      names.push_back(set_name(first.sets[i], w));
  return list_words(names, w);
}

void render_set_panels(RenderOptions& o, const std::vector<Day>& days, const Style& style, Report& report) {
  if (o.caption) {
    std::cerr << "histmap: --caption with several --sources: a caption cites one selection; render each selection "
                 "with its own --caption, or give one --sources\n";
    throw Exit{2};
  }
  if (days.size() > 1 && o.columns >= 0) {
    std::cerr << "histmap: --columns with several --sources and several --date: rows are the selections, columns "
                 "the dates; leave --columns out\n";
    throw Exit{2};
  }
  const Words& w = words_for(o.map.lang);
  Selections s;
  std::vector<Panel> panels;
  for (const auto& selection : o.common.sources) {
    s.atlases.push_back(load_selection_or_exit(o.common, selection));
    s.resolvers.push_back(std::make_unique<Resolver>(*s.atlases.back()));
    std::string sets = sets_in_use_words(*s.atlases.back(), w);
    for (Day d : days)
      panels.push_back({s.atlases.back().get(), s.resolvers.back().get(), d,
                        days.size() > 1 ? sets + ", " + day_words(d, w) : sets});
  }
  if (o.map.title.empty())
    o.map.title =
        w.fill("map.title", {{"title", dataset_title(*s.atlases.front(), w)}, {"sets", sets_of_selections(s, w)}});
  int columns = days.size() > 1 ? static_cast<int>(days.size()) : std::max(0, o.columns);
  auto drawn = render_multiple(panels, columns, o.map, style, o.output, report);
  if (drawn.bad_arguments) {
    print_findings(report);
    throw Exit{2};
  }
}

void run(RenderOptions& o) {
  std::vector<Day> days = dates_or_exit(o);
  check_page_or_exit(o);
  Style style = style_or_exit(o.style);
  Report report;
  if (o.common.sources.size() > 1) {  // source sets side by side
    render_set_panels(o, days, style, report);
    finish_or_exit(report);
    return;
  }
  auto atlas = load_or_exit(o.common);
  if (days.size() == 1) render_single(o, days[0], *atlas, style, report);
  else render_panels(o, days, *atlas, style, report);
  finish_or_exit(report);
}

}  // namespace

void add_render_command(CLI::App& app) {
  auto o = std::make_shared<RenderOptions>();
  auto* cmd = app.add_subcommand("render", "Draw the map for a date as PDF, SVG or PNG (format from the extension)");
  cmd->add_option("--date", o->dates,
                  "Calendar day, YYYY-MM-DD; repeat it for small multiples: one panel per date on one page")
      ->required();
  cmd->add_option("--columns", o->columns,
                  "Columns of the grid of panels (default: the grid that gives the largest panels on the page)");
  cmd->add_option("-o,--output", o->output, "Output file: .pdf, .svg or .png")->required();
  cmd->add_flag("--force", o->common.force, "Overwrite an existing output file");
  cmd->add_option("--size", o->size, "Page size: WIDTHxHEIGHT in pixels (1600x1200) or mm (297x210mm)")
      ->capture_default_str();
  cmd->add_option("--dpi", o->map.dpi, "Raster resolution of PNG output (and of pixel sizes)")->capture_default_str();
  cmd->add_option("--region", o->map.region, "Frame this region with a margin");
  cmd->add_option("--bbox", o->bbox, "Frame WEST,SOUTH,EAST,NORTH in degrees");
  cmd->add_option("--crs", o->map.crs, "Projection: any PROJ/EPSG definition (default: a conic centred on the map)");
  cmd->add_option("--style", o->style, "Style name in styles/ or a style file")->capture_default_str();
  cmd->add_option("--lang", o->map.lang, "Label language: " + language_list())
      ->check(CLI::IsMember(language_codes()))
      ->capture_default_str();
  cmd->add_option("--title", o->map.title, "Map title (default: the dataset's title and the sources' role)");
  cmd->add_flag("--modern-borders", o->map.modern_borders,
                "Overlay today's international borders, thin, for orientation");
  cmd->add_flag("--no-labels", o->no_labels, "Leave out region and town labels");
  cmd->add_flag("--piece-lines", o->map.piece_lines, "Draw the outline of every piece (the modern districts)");
  cmd->add_flag("--graticule", o->map.graticule, "Draw lines of longitude and latitude, labelled at the frame's edges");
  cmd->add_flag("--inset", o->map.inset, "Add a locator map of the whole area, bottom right, showing this map's frame");
  cmd->add_flag("--no-legend", o->no_legend, "Leave out the legend panel");
  cmd->add_flag("--caption", o->caption,
                "Also write a figure caption (FILE.caption.txt) and the cited sources (FILE.bib, FILE.csl.json) "
                "beside the figure, in the --lang language");
  add_data_options(cmd, o->common);
  cmd->callback([o] { run(*o); });
}

}  // namespace histmap::cli
