// Small multiples: a grid of panels, each a MapCanvas in panel mode drawn into its cell,
// and the page's furniture (title, shared legend, credit) drawn once around them.
#include "render/multiple.hpp"

#include <algorithm>
#include <memory>
#include <set>

#include "render/canvas_impl.hpp"

namespace histmap {

namespace {

struct Grid {
  int columns = 1, rows = 1;
  Box area{};  // the cells' box on the page
  double cell_w = 0, cell_h = 0;
  Box cell(int i) const {
    double x = area.x0 + (i % columns) * (cell_w + kGap), y = area.y0 + (i / columns) * (cell_h + kGap);
    return {x, y, x + cell_w, y + cell_h};
  }
};

// Left of the legend, between the title band and the credit band: where the cells go.
Box grid_area(const MapOptions& page) {
  double legend_w = page.legend ? (kLegendWidth + kGap) * std::max(1, page.legend_columns) : 0;
  return {kMargin, kMargin + kTitleBand, page.width_pt - kMargin - legend_w, page.height_pt - kMargin - kCreditBand};
}

Grid grid_for(int panels, int columns, const MapOptions& page) {
  Grid g;
  g.columns = std::max(1, std::min(columns, panels));
  g.rows = (panels + g.columns - 1) / g.columns;
  g.area = grid_area(page);
  g.cell_w = (g.area.x1 - g.area.x0 - (g.columns - 1) * kGap) / g.columns;
  g.cell_h = (g.area.y1 - g.area.y0 - (g.rows - 1) * kGap) / g.rows;
  return g;
}

// One canvas per atlas (panels of one atlas differ only in their day), all of the cell's size.
struct Canvases {
  std::vector<const Atlas*> atlases;  // in order of first appearance
  std::vector<const Resolver*> resolvers;
  std::vector<std::unique_ptr<MapCanvas>> canvases;
  size_t index_of(const Atlas* a) const { return std::find(atlases.begin(), atlases.end(), a) - atlases.begin(); }
};

bool make_canvases(const std::vector<Panel>& panels, const Grid& grid, const MapOptions& page, Canvases& out,
                   Report& report) {
  MapOptions cell = page;
  cell.width_pt = grid.cell_w, cell.height_pt = grid.cell_h;
  cell.panel = true, cell.legend = false, cell.legend_columns = 1, cell.date_caption = false;
  out = {};
  for (const auto& p : panels) {
    if (out.index_of(p.atlas) < out.atlases.size()) continue;
    out.atlases.push_back(p.atlas);
    out.resolvers.push_back(p.resolver);
    out.canvases.push_back(std::make_unique<MapCanvas>(*p.atlas, cell, report));
    if (!out.canvases.back()->ok()) return false;
  }
  return true;
}

// Every panel's categories once, in legend order: one atlas's legend over its days; further
// atlases (other source sets) add what they show that the list lacks (the same category by
// its stable key), each after the item it follows in its own list.
std::vector<LegendItem> legend_union(const std::vector<Panel>& panels, const Canvases& c, const Style& style) {
  std::vector<LegendItem> items;
  std::vector<std::string> keys;
  for (size_t a = 0; a < c.atlases.size(); ++a) {
    std::vector<Day> days;
    for (const auto& p : panels)
      if (p.atlas == c.atlases[a]) days.push_back(p.day);
    std::sort(days.begin(), days.end());
    size_t at = 0;  // where the next new item goes
    for (auto& item : c.canvases[a]->legend_over(*c.resolvers[a], days, style)) {
      std::string key = category_key(item.category, *c.atlases[a]);
      auto found = std::find(keys.begin(), keys.end(), key);
      if (found != keys.end()) {
        at = static_cast<size_t>(found - keys.begin()) + 1;
        continue;
      }
      items.insert(items.begin() + static_cast<long>(at), std::move(item));
      keys.insert(keys.begin() + static_cast<long>(at), key);
      ++at;
    }
  }
  group_by_kind(items);
  return items;
}

// The legend's layout for a grid on this page, measured on a scratch surface.
LegendLayout measure_legend(const Atlas& atlas, const MapOptions& page, const Style& style,
                            const std::vector<LegendItem>& items) {
  cairo_surface_t* surface = cairo_recording_surface_create(CAIRO_CONTENT_COLOR, nullptr);
  cairo_t* cr = cairo_create(surface);
  MapCanvas::Impl im;
  im.frame = grid_area(page);
  Frame f{cr, atlas, im, page, style, Text{cr, style.font_family}};
  LegendLayout l = layout_legend(f, items, words_for(page.lang));
  cairo_destroy(cr);
  cairo_surface_destroy(surface);
  return l;
}

void draw_heading(const Text& text, const std::string& heading, const Box& cell, const Style& style) {
  double size = style.font_legend + 1.5;  // one line: shrink a long heading rather than wrap it into the map
  while (size > 6 && text.size(heading, size, true).x > cell.x1 - cell.x0) size *= 0.94;
  text.draw(heading, cell.x0, cell.y0 + (kPanelHeading - 2 - text.size(heading, size, true).y), size, style.text, true);
}

std::vector<const Source*> sources_of_panels(const std::vector<Panel>& panels, const MultipleDrawn& drawn) {
  std::vector<const Source*> out;
  std::set<std::string> ids;
  for (size_t i = 0; i < panels.size(); ++i) {
    std::set<int> used;
    for (int a : drawn.shown[i]) used.insert(panels[i].atlas->assertions[a].source);
    for (int s : used)
      if (ids.insert(panels[i].atlas->sources[s].id).second) out.push_back(&panels[i].atlas->sources[s]);
  }
  return out;
}

void draw_page(cairo_t* cr, const std::vector<Panel>& panels, const Grid& grid, const Canvases& c,
               const MapOptions& page, const Style& style, const MultipleDrawn& drawn) {
  const Words& w = words_for(page.lang);
  Text text{cr, style.font_family};
  set_rgb(cr, style.page);
  cairo_paint(cr);
  for (size_t i = 0; i < panels.size(); ++i) {
    Box cell = grid.cell(static_cast<int>(i));
    cairo_save(cr);
    cairo_translate(cr, cell.x0, cell.y0);
    cairo_rectangle(cr, 0, 0, cell.x1 - cell.x0, cell.y1 - cell.y0);
    cairo_clip(cr);
    size_t a = c.index_of(panels[i].atlas);
    c.canvases[a]->draw_map_only(cr, *c.resolvers[a], panels[i].day, style, i == 0);  // one scale bar
    cairo_restore(cr);
    draw_heading(text, panels[i].heading, cell, style);
  }
  MapCanvas::Impl im;  // the page's own frame: the grid, for the legend's and credit's places
  im.frame = grid.area;
  MapOptions furniture = page;
  furniture.date_caption = std::all_of(panels.begin(), panels.end(), [&](const Panel& p) {
    return p.day == panels[0].day;  // one day for every panel: its date line goes under the title
  });
  Frame f{cr, *panels[0].atlas, im, furniture, style, text};
  draw_title_and_credit(f, panels[0].day, drawn.sources, w);
  if (page.legend) draw_legend_panel(f, drawn.legend, w);
}

}  // namespace

std::vector<Panel> date_panels(const Atlas& atlas, const Resolver& resolver, const std::vector<Day>& days,
                               const std::string& lang) {
  std::vector<Panel> out;
  for (Day d : days) out.push_back({&atlas, &resolver, d, day_words(d, words_for(lang))});
  return out;
}

std::string multiple_grid_error(int panels, int columns) {
  if (panels < 1) return "--date: give at least one date";
  if (panels > kMaxPanels)
    return std::to_string(panels) + " panels: at most " + std::to_string(kMaxPanels) +
           " fit on one page; give fewer --date (or --sources) values, or make several figures";
  if (columns < 0 || columns > panels)
    return "--columns " + std::to_string(columns) + ": must be between 1 and the number of panels (" +
           std::to_string(panels) + ")";
  return "";
}

int fitted_columns(int panels, double aspect, const MapOptions& page) {
  int best = 1;
  double best_scale = -1;
  for (int c = 1; c <= panels; ++c) {
    Grid g = grid_for(panels, c, page);
    double scale = std::min(g.cell_w / aspect, g.cell_h - kPanelHeading);  // height of the fitted frame
    if (scale > best_scale + 1e-9) best = c, best_scale = scale;
  }
  return best;
}

MultipleDrawn render_multiple(const std::vector<Panel>& panels, int columns, const MapOptions& page_in,
                              const Style& style, const std::string& path, Report& report) {
  MultipleDrawn drawn;
  drawn.bad_arguments = true;  // until the drawing starts
  std::string error = multiple_grid_error(static_cast<int>(panels.size()), columns);
  if (!error.empty()) {
    report.error("render", error);
    return drawn;
  }
  MapOptions page = page_in;
  page.legend_columns = 1;
  Canvases c;
  Grid grid;
  // The legend's width depends on the union of categories, which the canvases find; a legend
  // longer than one column gets room for more beside the grid, and the cells are made again.
  for (int attempt = 0; attempt < 2; ++attempt) {
    int cols = columns;
    if (cols == 0) {
      double aspect = framed_aspect(*panels[0].atlas, page, report);
      if (aspect <= 0) return drawn;
      cols = fitted_columns(static_cast<int>(panels.size()), aspect, page);
    }
    grid = grid_for(static_cast<int>(panels.size()), cols, page);
    if (!make_canvases(panels, grid, page, c, report)) return drawn;
    drawn.legend = legend_union(panels, c, style);
    if (!page.legend || attempt == 1) break;
    LegendLayout l = measure_legend(*panels[0].atlas, page, style, drawn.legend);
    if (l.over_map == 0) break;
    page.legend_columns = l.columns;
  }
  drawn.columns = grid.columns, drawn.rows = grid.rows;
  for (const auto& p : panels)
    drawn.shown.push_back(c.canvases[c.index_of(p.atlas)]->shown_assertions(*p.resolver, p.day));
  drawn.sources = sources_of_panels(panels, drawn);
  drawn.bad_arguments = false;
  std::string pdf_title = "histmap " + format_day(panels.front().day) + " - " + format_day(panels.back().day);
  if (!write_page(
          path, page.width_pt, page.height_pt, page.dpi, pdf_title,
          [&](cairo_t* cr) { draw_page(cr, panels, grid, c, page, style, drawn); }, report))
    drawn = {};
  return drawn;
}

}  // namespace histmap
