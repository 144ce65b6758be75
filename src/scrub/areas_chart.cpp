#include "scrub/areas_chart.hpp"

#include <algorithm>
#include <cmath>

#include <cairo-svg.h>

#include "render/painter.hpp"
#include "scrub/chart_parts.hpp"
#include "symbology/dataset_words.hpp"
#include "symbology/legend.hpp"
#include "util/atomic_file.hpp"

namespace histmap {
namespace {

// What the chart draws: a band per control category with its bases added up (a
// polity's stated, presupposed and imprecise-date control are one band), a line per claimant.
struct Plot {
  std::vector<Category> bands, lines;
  std::vector<std::vector<double>> band_km2, line_km2;  // [item][day]
};

Category drawn_as(const AreaSeries& s) {
  Category c = s.category;
  c.basis = Basis::Stated;
  return c;
}

Plot plot_of(const AreaTable& t) {
  Plot p;
  for (size_t k = 0; k < t.series.size(); ++k) {
    auto& items = t.series[k].claim ? p.lines : p.bands;
    auto& km2 = t.series[k].claim ? p.line_km2 : p.band_km2;
    Category c = drawn_as(t.series[k]);
    auto at = std::find(items.begin(), items.end(), c) - items.begin();
    if (at == static_cast<long>(items.size())) {
      items.push_back(c);
      km2.emplace_back(t.days.size(), 0.0);
    }
    for (size_t i = 0; i < t.days.size(); ++i) km2[at][i] += t.values[i][k].km2;
  }
  return p;
}

struct Frame {
  cairo_t* cr;
  ChartText& text;
  const Atlas& atlas;
  const Style& style;
  const Words& w;
  const AreaTable& table;
  TimeAxis axis;
  std::string title, subtitle;
  bool control = true, claims = true;  // the panels drawn
  double W = 860, left = 78, chart_w = 740;
};

// A step between gridlines of 1, 2, 2.5 or 5 times a power of ten, for about five lines.
double grid_step(double max) {
  if (max <= 0) return 1;
  double raw = max / 5, p = std::pow(10.0, std::floor(std::log10(raw)));
  for (double m : {1.0, 2.0, 2.5, 5.0})
    if (m * p >= raw) return m * p;
  return 10 * p;
}

// "125 000" (a thin space between thousands; no locale).
std::string thousands(double v) {
  std::string digits = std::to_string(static_cast<long long>(std::llround(v))), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += "\u2009";
    out += digits[i];
  }
  return out;
}

// Horizontal gridlines with km² labels; returns the y of a value.
auto draw_value_axis(const Frame& f, double top, double bottom, double max) {
  double step = grid_step(max), scale = max > 0 ? (bottom - top) / max : 0;
  for (double v = 0; v <= max * 1.0001; v += step) {
    double y = bottom - v * scale;
    cairo_move_to(f.cr, f.left, y);
    cairo_line_to(f.cr, f.left + f.chart_w, y);
    set_rgb(f.cr, f.style.text, v == 0 ? 0.6 : 0.15);
    cairo_set_line_width(f.cr, 0.5);
    cairo_stroke(f.cr);
    f.text.line(f.w.fill("areas.km2", {{"n", thousands(v)}}), f.left - 4, y, 6.5, false, true);
  }
  return [=](double v) { return bottom - v * scale; };
}

// x of each sampled day; a single day spans the whole width.
std::vector<double> sample_xs(const Frame& f) {
  std::vector<double> xs;
  for (Day d : f.table.days) xs.push_back(f.axis.x_of(d));
  if (xs.size() == 1) xs = {f.left, f.left + f.chart_w};
  return xs;
}

void draw_control(const Frame& f, const Plot& p, double top, double bottom) {
  auto y_of = draw_value_axis(f, top, bottom, f.table.total_km2);
  std::vector<double> xs = sample_xs(f), below(xs.size(), 0.0);
  auto value = [&](size_t b, size_t i) { return p.band_km2[b][std::min(i, f.table.days.size() - 1)]; };
  for (size_t b = 0; b < p.bands.size(); ++b) {
    Ring ring;
    for (size_t i = 0; i < xs.size(); ++i) ring.push_back({xs[i], y_of(below[i] + value(b, i))});
    for (size_t i = xs.size(); i-- > 0;) ring.push_back({xs[i], y_of(below[i])});
    for (size_t i = 0; i < xs.size(); ++i) below[i] += value(b, i);
    Shape shape{ring}, outline{ring};
    outline[0].push_back(ring[0]);
    Area area{{&shape}, &outline, shape_box(shape)};
    paint(f.cr, appearance(p.bands[b], f.atlas, f.style), area, f.style.page);
  }
}

void draw_claims(const Frame& f, const Plot& p, double top, double bottom) {
  double max = 0;
  for (const auto& line : p.line_km2)
    for (double v : line) max = std::max(max, v);
  auto y_of = draw_value_axis(f, top, bottom, max > 0 ? max * 1.05 : f.table.total_km2);
  std::vector<double> xs = sample_xs(f);
  for (size_t l = 0; l < p.lines.size(); ++l) {
    // Where a party claims nothing on two days running, no line: the baseline stays the axis
    // instead of the last-drawn claimant's colour.
    auto km2 = [&](size_t i) { return p.line_km2[l][std::min(i, f.table.days.size() - 1)]; };
    cairo_new_path(f.cr);
    for (size_t i = 0; i < xs.size(); ++i) {
      const bool zero_run = i == 0 || (km2(i) == 0 && km2(i - 1) == 0);
      zero_run ? cairo_move_to(f.cr, xs[i], y_of(km2(i))) : cairo_line_to(f.cr, xs[i], y_of(km2(i)));
    }
    set_rgb(f.cr, f.style.colour_of(f.atlas.polities[p.lines[l].party]));
    cairo_set_line_width(f.cr, 1.6);
    cairo_set_line_join(f.cr, CAIRO_LINE_JOIN_ROUND);
    cairo_stroke(f.cr);
  }
  if (p.lines.empty()) f.text.line(f.w.get("areas.no_claims"), f.left + 8, (top + bottom) / 2, 8);
}

constexpr double kKeyRow = 11;
constexpr double kControlPanel = 250, kClaimsPanel = 170;
constexpr double kPanelHead = 62;  // above a panel: its heading, the year and month names

// The key: a swatch per band (painted as the band), a line sample per claimant; names in the words' language.
double draw_key(const Frame& f, const Plot& p, double top) {
  const double column = f.chart_w / 2;
  size_t n = 0;
  auto slot = [&](double& lx, double& ly) {
    lx = f.left + column * static_cast<double>(n % 2), ly = top + kKeyRow * static_cast<double>(n / 2);
    ++n;
  };
  for (size_t b = 0; b < p.bands.size(); ++b) {
    double lx, ly;
    slot(lx, ly);
    Box sw{lx, ly - 3.5, lx + 12, ly + 4.5};
    std::vector<Shape> storage;
    cairo_save(f.cr);
    cairo_rectangle(f.cr, sw.x0, sw.y0, sw.x1 - sw.x0, sw.y1 - sw.y0);
    cairo_clip(f.cr);
    paint(f.cr, appearance(p.bands[b], f.atlas, f.style), box_area(sw, storage), f.style.page);
    cairo_restore(f.cr);
    cairo_rectangle(f.cr, sw.x0, sw.y0, sw.x1 - sw.x0, sw.y1 - sw.y0);  // pale fills stay visible
    set_rgb(f.cr, f.style.text, 0.35);
    cairo_set_line_width(f.cr, 0.4);
    cairo_stroke(f.cr);
    f.text.line(series_name({false, p.bands[b]}, f.atlas, f.w), lx + 15, ly, 6.5, false, false, column - 20);
  }
  if (n % 2) ++n;  // claimants start on a row of their own
  for (const auto& line : p.lines) {
    double lx, ly;
    slot(lx, ly);
    cairo_move_to(f.cr, lx, ly);
    cairo_line_to(f.cr, lx + 12, ly);
    set_rgb(f.cr, f.style.colour_of(f.atlas.polities[line.party]));
    cairo_set_line_width(f.cr, 1.6);
    cairo_stroke(f.cr);
    f.text.line(f.w.fill("claim", {{"party", series_name({true, line}, f.atlas, f.w)}}), lx + 15, ly, 6.5, false, false,
                column - 20);
  }
  return top + kKeyRow * static_cast<double>((n + 1) / 2);
}

std::string key_words(const Atlas& atlas, const Plot& p, const Words& w) {
  std::string out;
  for (const auto& b : p.bands) out += "\n" + series_name({false, b}, atlas, w);
  for (const auto& l : p.lines) out += "\n" + w.fill("claim", {{"party", series_name({true, l}, atlas, w)}});
  return out;
}

// The notes under the key and the dataset's credit, one paragraph each; returns their height.
double draw_notes(ChartText& text, const Frame& f, double top) {
  double y = top;
  if (f.control) y += text.paragraph(f.w.get("areas.note_bases"), f.left, y, 6.5, f.chart_w) + 2;
  if (f.claims) y += text.paragraph(f.w.get("areas.note_claims"), f.left, y, 6.5, f.chart_w) + 2;
  y += 6;
  y += text.paragraph(data_credit(f.atlas, f.w), f.left, y, 6.5, f.chart_w);
  return y - top;
}

// The title and subtitle, wrapped to the page; returns the y below them.
double draw_header(ChartText& text, const Frame& f) {
  double y = 8;
  y += text.paragraph(f.title, 12, y, 12, f.W - 24, true) + 3;
  return y + text.paragraph(f.subtitle, 12, y, 8, f.W - 24);
}

// The two panels, each with its heading and time axis, from `top`; returns the y below them.
double draw_panels(Frame& f, const Plot& plot, bool control, bool claims, double top) {
  for (int panel = 0; panel < 2; ++panel) {
    if (!(panel == 0 ? control : claims)) continue;
    const double height = panel == 0 ? kControlPanel : kClaimsPanel;
    top += kPanelHead;
    f.text.line(f.w.get(panel == 0 ? "areas.control_heading" : "areas.claims_heading"), f.left, top - kPanelHead + 20,
                9, true);
    f.axis.top = top, f.axis.bottom = top + height;
    draw_time_axis(f.cr, f.text, f.style, f.w, f.axis);
    panel == 0 ? draw_control(f, plot, top, top + height) : draw_claims(f, plot, top, top + height);
    top += height;
  }
  return top;
}

std::string step_words(AreaStep s, const Words& w) {
  return w.get(s == AreaStep::Day ? "areas.step_day" : s == AreaStep::Week ? "areas.step_week" : "areas.step_month");
}

}  // namespace

void write_area_svg(const Atlas& atlas, const AreaTable& table, const Style& style, const AreaChartOptions& o,
                    const std::string& path, Report& report) {
  const Words& w = words_for(o.lang);
  const Plot plot = plot_of(table);
  std::string tmp = temp_path_or_report(path, report);
  if (tmp.empty()) return;
  ChartText text(style, o.lang);
  Frame f{nullptr, text, atlas, style, w, table, {o.from, o.to, 78, 740, 0, 0}, "", ""};
  f.control = o.control, f.claims = o.claims;
  f.title = w.fill("areas.title", {{"title", dataset_title(atlas, w)}, {"sets", sets_in_use_words(atlas, w)}});
  f.subtitle = w.fill("areas.subtitle",
                      {{"from", day_words(o.from, w)}, {"to", day_words(o.to, w)}, {"step", step_words(o.step, w)}});
  if (!o.region.empty()) f.subtitle += " " + w.fill("areas.region", {{"region", o.region}});
  // The header's and notes' heights decide the page's: measured on scratch text first.
  ChartText scratch(style, o.lang);
  const double header = draw_header(scratch, f);
  const double panels_bottom =
      header + (o.control ? kPanelHead + kControlPanel : 0) + (o.claims ? kPanelHead + kClaimsPanel : 0);
  const double key_top = panels_bottom + 20;
  const size_t key_rows = (plot.bands.size() + 1) / 2 + (plot.lines.size() + 1) / 2;
  const double H = key_top + kKeyRow * static_cast<double>(key_rows) + 8 + draw_notes(scratch, f, 0) + 16;
  cairo_surface_t* surface = cairo_svg_surface_create(tmp.c_str(), f.W, H);
  cairo_svg_surface_set_document_unit(surface, CAIRO_SVG_UNIT_PT);
  cairo_t* cr = f.cr = cairo_create(surface);
  set_rgb(cr, style.page);
  cairo_paint(cr);
  draw_header(text, f);
  draw_panels(f, plot, o.control, o.claims, header);
  draw_notes(text, f, draw_key(f, plot, key_top) + 8);
  cairo_destroy(cr);
  finish_chart_svg(surface, tmp, path, f.title, f.subtitle + key_words(atlas, plot, w), text, report);
}

}  // namespace histmap
