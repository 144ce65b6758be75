// Map furniture: scale bar, north arrow, frame border, title and date line,
// credit line, and the legend panel (swatches painted like the map's areas).
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

#include "render/canvas_impl.hpp"
#include "symbology/dataset_words.hpp"

namespace histmap {

void draw_scale_and_north(const Frame& f, const ScaleBar& scale) {
  cairo_t* cr = f.cr;
  const Style& style = f.style;
  const Box& fr = f.im.frame;
  // Scale bar (bottom left), inside the frame.
  double x = fr.x0 + 12, y = fr.y1 - 14, len = scale.length_pt;
  set_rgb(cr, style.page, 0.8);
  cairo_rectangle(cr, x - 6, y - 16, len + 40, 26);
  cairo_fill(cr);
  for (int i = 0; i < 4; ++i) {
    cairo_rectangle(cr, x + len * i / 4, y, len / 4, 3);
    set_rgb(cr, i % 2 ? style.page : style.text);
    cairo_fill_preserve(cr);
    set_rgb(cr, style.text);
    cairo_set_line_width(cr, 0.5);
    cairo_stroke(cr);
  }
  char km[32];
  std::snprintf(km, sizeof km, "%g km", scale.km);
  f.text.draw("0", x - 2, y - 11, style.font_place, style.text);
  f.text.draw(km, x + len - 4, y - 11, style.font_place, style.text);
  // North (top right): the direction of the meridian there.
  double nx = fr.x1 - 18, ny = fr.y0 + 30;
  double lon, lat, dx = 0, dy = -1;
  if (f.im.unproject(nx, ny, lon, lat)) {
    Pt a, b;
    if (f.im.project(lon, lat, a) && f.im.project(lon, lat + 0.2, b)) {
      double l = std::hypot(b.x - a.x, b.y - a.y);
      if (l > 0) dx = (b.x - a.x) / l, dy = (b.y - a.y) / l;
    }
  }
  cairo_move_to(cr, nx + dx * 12, ny + dy * 12);
  cairo_line_to(cr, nx - dy * 4 - dx * 6, ny + dx * 4 - dy * 6);
  cairo_line_to(cr, nx + dy * 4 - dx * 6, ny - dx * 4 - dy * 6);
  cairo_close_path(cr);
  set_rgb(cr, style.text);
  cairo_fill(cr);
  f.text.draw("N", nx + dx * 14 - 3, ny + dy * 14 - 10, style.font_place, style.text, true);
}

void draw_frame_border(const Frame& f) {
  const Box& fr = f.im.frame;
  cairo_rectangle(f.cr, fr.x0, fr.y0, fr.x1 - fr.x0, fr.y1 - fr.y0);
  set_rgb(f.cr, f.style.text);
  cairo_set_line_width(f.cr, 0.6);
  cairo_stroke(f.cr);
}

std::vector<const Source*> sources_of(const Atlas& atlas, const std::vector<DrawnGroup>& groups) {
  std::set<int> used;
  for (const auto& g : groups)
    for (int a : g.state->assertions) used.insert(atlas.assertions[a].source);
  std::vector<const Source*> out;
  for (int s : used) out.push_back(&atlas.sources[s]);
  return out;
}

void draw_title_and_credit(const Frame& f, Day day, const std::vector<const Source*>& used_sources, const Words& w) {
  const Style& style = f.style;
  const double W = f.options.width_pt, H = f.options.height_pt;
  std::string title = f.options.title.empty() ? map_title(f.atlas, w) : f.options.title;
  double title_size = style.font_title;  // shrink a long title to one line rather than wrap into the subtitle
  while (title_size > 8 && f.text.size(title, title_size, true).x > W - 2 * kMargin) title_size *= 0.94;
  f.text.draw(title, kMargin, kMargin, title_size, style.text, true);
  if (f.options.date_caption) {  // one line too: the title band has no room for a second
    std::string line = w.fill("map.date_line", {{"date", day_words(day, w)}});
    double size = style.font_subtitle;
    while (size > 6 && f.text.size(line, size, false).x > W - 2 * kMargin) size *= 0.96;
    f.text.draw(line, kMargin, kMargin + style.font_title * 1.6, size, style.text, false, W - 2 * kMargin);
  }
  // Grouped by set ("<set>: id (title); id (title) · <set>: ..."), sets in the dataset's order.
  std::vector<const Source*> by_set = used_sources;
  std::stable_sort(by_set.begin(), by_set.end(), [](const Source* a, const Source* b) { return a->set < b->set; });
  std::string sources;
  int set = -2;
  for (const Source* src : by_set) {
    if (src->set != set && src->set >= 0 && src->set < static_cast<int>(f.atlas.sets.size()))
      sources += (sources.empty() ? "" : " · ") + set_name(f.atlas.sets[static_cast<size_t>(src->set)], w) + ": ";
    else if (!sources.empty()) sources += "; ";
    set = src->set;
    // Titles while they fit the credit band; past a few sources the ids (the caption and .bib give the rest).
    sources += by_set.size() <= 4 ? src->id + " (" + src->title + ")" : src->id;
  }
  std::string credit =
      used_sources.empty() ? w.get("credit.no_sources") : w.fill("credit.sources", {{"sources", sources}});
  credit += data_credit(f.atlas, w);
  // Smaller type rather than lines past the page's bottom edge (many sources on a narrow page).
  double credit_size = style.font_credit, room = kCreditBand - 6 + kMargin - 6;
  while (credit_size > 3.5 && f.text.size(credit, credit_size, false, W - 2 * kMargin).y > room) credit_size *= 0.94;
  f.text.draw(credit, kMargin, H - kMargin - kCreditBand + 6, credit_size, style.text, false, W - 2 * kMargin);
}

namespace {

// Lines and seat points: the map's own furniture, after the states' categories.
void furniture_swatch(const Frame& f, const std::string& key, const Box& sw) {
  cairo_t* cr = f.cr;
  if (key == "place.seat") {
    cairo_arc(cr, (sw.x0 + sw.x1) / 2, (sw.y0 + sw.y1) / 2, f.style.place_radius, 0, 2 * M_PI);
    set_rgb(cr, f.style.place_colour);
    cairo_fill(cr);
    return;
  }
  LineStyle l = key == "line.uyezd"         ? f.style.uyezd_line
                : key == "line.governorate" ? f.style.governorate_line
                : key == "line.piece"       ? f.style.uyezd_line
                                            : f.style.modern_border;
  if (key == "line.piece") l.width *= 0.5, l.dash = {1.5, 1.5};
  cairo_move_to(cr, sw.x0, (sw.y0 + sw.y1) / 2);
  cairo_line_to(cr, sw.x1, (sw.y0 + sw.y1) / 2);
  stroke_line(cr, l);
}

void state_swatch(const Frame& f, const LegendItem& item, const Box& sw) {
  cairo_t* cr = f.cr;
  cairo_save(cr);
  cairo_rectangle(cr, sw.x0, sw.y0, sw.x1 - sw.x0, sw.y1 - sw.y0);
  cairo_clip(cr);
  cairo_rectangle(cr, sw.x0, sw.y0, sw.x1 - sw.x0, sw.y1 - sw.y0);
  set_rgb(cr, f.style.page);
  cairo_fill(cr);
  std::vector<Shape> storage;
  paint(cr, item.appearance, box_area(sw, storage), f.style.page);
  cairo_restore(cr);
  cairo_rectangle(cr, sw.x0, sw.y0, sw.x1 - sw.x0, sw.y1 - sw.y0);
  set_rgb(cr, f.style.text);
  cairo_set_line_width(cr, 0.4);
  cairo_stroke(cr);
}

}  // namespace

std::vector<std::string> legend_furniture_keys(const MapOptions& options) {
  std::vector<std::string> keys = {"line.uyezd", "line.governorate"};
  if (options.modern_borders) keys.push_back("line.modern");
  if (options.piece_lines) keys.push_back("line.piece");
  keys.push_back("place.seat");
  return keys;
}

namespace {

std::vector<std::string> legend_rows(const Frame& f, const std::vector<LegendItem>& items, const Words& w) {
  std::vector<std::string> labels;
  for (const auto& item : items) labels.push_back(item.label);
  for (const auto& key : legend_furniture_keys(f.options)) labels.push_back(w.get(key));
  return labels;
}

double row_height(const Frame& f, const std::string& label, double scale) {
  return std::max(14.0 * scale,
                  f.text.size(label, f.style.font_legend * scale, false, kLegendWidth - 26 * scale).y + 4 * scale);
}

// Legend columns that fit across the page in a band under the map.
int columns_across(const MapOptions& o) {
  return std::max(1, static_cast<int>((o.width_pt - 2 * kMargin + kGap) / (kLegendWidth + kGap)));
}

}  // namespace

LegendLayout layout_legend(const Frame& f, const std::vector<LegendItem>& items, const Words& w) {
  const Style& style = f.style;
  const Box& fr = f.im.frame;
  const bool below = f.options.legend_below > 0;
  LegendLayout best;
  std::vector<std::string> labels = legend_rows(f, items, w);
  // Smaller type in steps first, then more columns: beside the map, those the layout kept room
  // for right of it, then leftwards over it on a framed box; under the map, across the page. Never cut.
  const int kept = below ? columns_across(f.options) : std::max(1, f.options.legend_columns);
  const double step = kLegendWidth + kGap;
  auto column_x = [&](int c) {
    if (below) return fr.x0 + c * step;
    double x0 = fr.x1 + kGap;
    return c < kept ? x0 + c * step : x0 - (c - kept + 1) * step;
  };
  const Pt title = below ? Pt{fr.x0, fr.y1 + kGap} : Pt{fr.x1 + kGap, fr.y0};
  const double bottom = below ? title.y + f.options.legend_below : fr.y1;
  for (int columns = kept; columns <= kept + (below ? 0 : 3); ++columns)
    for (double scale : {1.0, 0.9, 0.8, 0.72, 0.65}) {
      LegendLayout l;
      l.scale = scale;
      l.font = style.font_legend * scale;
      l.column_width = kLegendWidth;
      l.title = title;
      double top = title.y + style.font_legend * 2.4 * scale, y = top;
      int column = 0;
      for (const auto& label : labels) {
        double h = row_height(f, label, scale);
        if (y + h > bottom && y > top) {
          if (++column >= columns) break;
          y = top;
        }
        l.rows.push_back({column_x(column), y, h});
        y += h;
      }
      l.columns = column + 1;
      l.over_map = below ? 0 : std::max(0, l.columns - kept);
      l.box = below ? Box{fr.x0 - 4, title.y - 2, column_x(l.columns - 1) + kLegendWidth, bottom}
                    : Box{std::min(column_x(l.columns - 1), fr.x1 + kGap) - 4, fr.y0 - 2,
                          column_x(std::min(l.columns, kept) - 1) + kLegendWidth, fr.y1};
      if (l.rows.size() == labels.size()) return l;
      if (l.rows.size() > best.rows.size()) best = l;
    }
  return best;  // only when even three columns over the map of the smallest type cannot hold it
}

double legend_band_needed(const Frame& f, const std::vector<LegendItem>& items, const Words& w, double scale) {
  std::vector<double> heights;
  for (const auto& label : legend_rows(f, items, w)) heights.push_back(row_height(f, label, scale));
  const int across = columns_across(f.options);
  auto fits = [&](double band) {  // the rows, filled down column after column, within `across`
    int column = 0;
    double y = 0;
    for (double h : heights) {
      if (y + h > band && y > 0) ++column, y = 0;
      y += h;
    }
    return column < across;
  };
  double lo = 0, hi = 0;
  for (double h : heights) hi += h;
  for (int i = 0; i < 30; ++i) (fits((lo + hi) / 2) ? hi : lo) = (lo + hi) / 2;
  return f.style.font_legend * 2.4 * scale + hi + 1;
}

void draw_legend_panel(const Frame& f, const std::vector<LegendItem>& items, const Words& w) {
  const Style& style = f.style;
  const Box& fr = f.im.frame;
  LegendLayout l = layout_legend(f, items, w);
  if (l.over_map > 0) {  // the columns over the map sit on the page colour, framed
    cairo_rectangle(f.cr, l.box.x0, l.box.y0, fr.x1 - l.box.x0, l.box.y1 - l.box.y0);
    set_rgb(f.cr, style.page, 0.94);
    cairo_fill_preserve(f.cr);
    set_rgb(f.cr, style.text);
    cairo_set_line_width(f.cr, 0.6);
    cairo_stroke(f.cr);
  }
  f.text.draw(w.get("legend.title"), l.title.x, l.title.y, (style.font_legend + 1.5) * l.scale, style.text, true);
  auto keys = legend_furniture_keys(f.options);
  for (size_t i = 0; i < l.rows.size(); ++i) {
    const auto& r = l.rows[i];
    Box sw{r.x, r.y + 1 * l.scale, r.x + 18 * l.scale, r.y + 11 * l.scale};
    bool state = i < items.size();
    if (state) state_swatch(f, items[i], sw);
    else furniture_swatch(f, keys[i - items.size()], sw);
    f.text.draw(state ? items[i].label : w.get(keys[i - items.size()]), r.x + 24 * l.scale, r.y, l.font, style.text,
                false, kLegendWidth - 26 * l.scale);
  }
}

}  // namespace histmap
