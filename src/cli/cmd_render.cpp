// histmap render --date D -o FILE.{pdf,svg,png}: a map for a date.
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <memory>
#include <sstream>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "export/citation.hpp"
#include "model/languages.hpp"
#include "render/map.hpp"

namespace histmap::cli {
namespace {

struct RenderOptions {
  CommonOptions common;
  std::string date, size = "297x210mm", bbox, style = "default", output;
  MapOptions map;
  bool no_labels = false, no_legend = false, caption = false;
};

void run(RenderOptions& o) {
  Day day = parse_date_or_exit("--date", o.date);
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
  Style style = style_or_exit(o.style);
  Report report;
  auto atlas = load_or_exit(o.common);
  Resolver resolver(*atlas);
  auto canvas = canvas_or_exit(*atlas, o.map);
  if (o.map.legend) {  // a legend too long for one column gets room for more beside the map
    auto e = canvas->legend_extent(canvas->legend_over(resolver, {day}, style), style);
    if (e.over_map > 0) {
      o.map.legend_columns = e.columns;
      canvas = canvas_or_exit(*atlas, o.map);
    }
  }
  auto legend = canvas->render(resolver, day, style, o.output, report);
  if (o.caption && !report.has_errors()) {
    const Words& w = words_for(o.map.lang);
    std::vector<std::string> lines;
    for (const auto& key : legend_furniture_keys(o.map)) lines.push_back(w.get(key));
    auto caption = figure_caption(*atlas, day, o.map.title, legend, o.map.legend ? lines : std::vector<std::string>{},
                                  canvas->shown_assertions(resolver, day), w);
    write_figure_caption(o.output, caption, report);
  }
  finish_or_exit(report);
}

}  // namespace

void add_render_command(CLI::App& app) {
  auto o = std::make_shared<RenderOptions>();
  auto* cmd = app.add_subcommand("render", "Draw the map for a date as PDF, SVG or PNG (format from the extension)");
  cmd->add_option("--date", o->date, "Calendar day, YYYY-MM-DD")->required();
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
  cmd->add_flag("--no-legend", o->no_legend, "Leave out the legend panel");
  cmd->add_flag("--caption", o->caption,
                "Also write a figure caption (FILE.caption.txt) and the cited sources (FILE.bib, FILE.csl.json) "
                "beside the figure, in the --lang language");
  add_data_options(cmd, o->common);
  cmd->callback([o] { run(*o); });
}

}  // namespace histmap::cli
