#include "scrub/timeline_chart.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include <cairo-svg.h>
#include <cairo.h>

#include "export/state_properties.hpp"
#include "render/painter.hpp"
#include "scrub/chart_parts.hpp"
#include "symbology/legend.hpp"
#include "time/timeline.hpp"
#include "util/atomic_file.hpp"

namespace histmap {

namespace {

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\n") == std::string::npos) return s;
  std::string q = "\"";
  for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
  return q + "\"";
}

std::string summary(const Atlas& atlas, const PieceState& s) {
  if (s.assertions.empty()) return "no assertion";
  std::string out;
  auto add = [&](const std::string& p) { out += (out.empty() ? "" : "; ") + p; };
  for (const auto& c : s.conflicts) {
    std::string sides;
    for (const auto& side : c.sides) sides += (sides.empty() ? "" : " vs ") + atlas.polities[side.party].id;
    add("conflict over " + c.about + ": " + sides);
  }
  if (s.controller >= 0)
    add("controller " + atlas.polities[s.controller].id + (s.control_uncertain() ? " (uncertain)" : ""));
  for (const auto& c : s.claimants) add("claimed by " + atlas.polities[c.party].id);
  for (const auto& d : s.designations)
    add(d.type + " by " + atlas.polities[d.by].id +
        (d.beneficiary >= 0 ? " for " + atlas.polities[d.beneficiary].id : ""));
  return out;
}

}  // namespace

std::string timeline_csv(const Atlas& atlas, const Resolver& resolver, Day from, Day to) {
  std::string out = "date,region,pieces,before,after,because,locators\n";
  for (const auto& c : timeline(resolver, from, to)) {
    std::string pieces, because, locators;
    for (int p : c.pieces) pieces += (pieces.empty() ? "" : " ") + atlas.pieces[p].id;
    for (int a : c.because) {
      because += (because.empty() ? "" : " ") + atlas.assertions[a].id;
      locators += (locators.empty() ? "" : "; ") + atlas.sources[atlas.assertions[a].source].id + " " +
                  atlas.assertions[a].locator.text();
    }
    out += format_day(c.day) + "," + csv_field(c.uyezd >= 0 ? atlas.regions[c.uyezd].id : "") + "," +
           csv_field(pieces) + "," + csv_field(summary(atlas, *c.before)) + "," + csv_field(summary(atlas, *c.after)) +
           "," + csv_field(because) + "," + csv_field(locators) + "\n";
  }
  return out;
}

namespace {

struct Rows {
  std::vector<int> regions;                                  // uyezd region indices, top to bottom
  std::vector<std::pair<size_t, std::string>> group_starts;  // first row of each governorate, its name
};

// Rows: uyezds grouped by governorate, in the data's order.
Rows chart_rows(const Atlas& atlas, const Words& w) {
  Rows out;
  for (const auto& gov : atlas.regions) {
    if (gov.kind != RegionKind::Governorate) continue;
    out.group_starts.push_back({out.regions.size(), name_in(gov.names, w.lang, gov.id)});
    for (size_t r = 0; r < atlas.regions.size(); ++r)
      if (atlas.regions[r].kind == RegionKind::Uyezd && atlas.regions[r].parent == gov.id)
        out.regions.push_back(static_cast<int>(r));
  }
  const std::string other = w.get("chart.other_okrugs");
  for (size_t r = 0; r < atlas.regions.size(); ++r)  // okrugs outside any governorate
    if (atlas.regions[r].kind == RegionKind::Uyezd && atlas.regions[r].parent.empty()) {
      if (out.group_starts.empty() || out.group_starts.back().second != other)
        out.group_starts.push_back({out.regions.size(), other});
      out.regions.push_back(static_cast<int>(r));
    }
  return out;
}

struct Chart {
  cairo_t* cr;
  ChartText& text;
  const Atlas& atlas;
  const Resolver& resolver;
  const Style& style;
  const Words& words;
  Day from, to;
  double row_h = 11, left = 150, right = 20, top = 64, chart_w = 900, W = 0, H = 0, rows_bottom = 0;
  double x_of(Day d) const {
    return left + chart_w * double(std::clamp(d, from, to + 1) - from) / double(to + 1 - from);
  }
};

void draw_axis(const Chart& c) {
  draw_time_axis(c.cr, c.text, c.style, c.words, {c.from, c.to, c.left, c.chart_w, c.top, c.rows_bottom});
}

// One band: the state's fill and conflict edge painted from symbology; claims
// as lines along the top in the claimant's colour; drawn statuses as dots along the foot.
void draw_band(const Chart& c, const PieceState& st, const Box& b) {
  cairo_t* cr = c.cr;
  auto cats = classify(st);
  Appearance look = appearance(cats, c.atlas, c.style);
  std::vector<Shape> storage;
  Area area = box_area(b, storage);
  for (const Mark& m : look.marks)
    if (m.pass == Pass::Fill || m.pass == Pass::ConflictEdge) paint(cr, m, area, c.style.page);
  double k = 0, w = b.x1 - b.x0;
  bool statuses = false;
  for (const Mark& m : look.marks) {
    if (m.pass == Pass::Claims) {
      cairo_rectangle(cr, b.x0, b.y0 + k++ * 1.2, w, 1.0);
      set_rgb(cr, m.colours[0]);
      cairo_fill(cr);
    }
    statuses = statuses || m.pass == Pass::Statuses;
  }
  if (statuses) {  // dots every 4 pt: one dashed line of round caps, not an arc per dot
    const double dash[] = {0, 4};
    cairo_move_to(cr, b.x0 + 1.5, b.y1 - 1.2);
    cairo_line_to(cr, std::max(b.x1, b.x0 + 1.5), b.y1 - 1.2);
    set_rgb(cr, c.style.text);
    cairo_set_line_width(cr, 0.9);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
    cairo_set_dash(cr, dash, 2, 0);
    cairo_stroke(cr);
    cairo_set_dash(cr, nullptr, 0, 0);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
  }
}

// What a row shows from one day: its bands top to bottom, each a set of pieces and its categories.
using RowLook = std::vector<std::pair<std::vector<int>, std::vector<Category>>>;

RowLook row_look(const std::vector<StateGroup>& groups) {
  RowLook out;
  for (const auto& g : groups) out.push_back({g.pieces, classify(*g.state)});
  return out;
}

void draw_row(const Chart& c, const Region& reg, const std::vector<Day>& cuts, double y) {
  double total = 0;
  for (int p : reg.pieces) total += c.atlas.pieces[p].area_km2;
  for (size_t s = 0, e = 1; s + 1 < cuts.size(); s = e++) {
    auto groups = group_by_state(c.resolver, reg.pieces, cuts[s]);
    // Segments that look the same (other pieces changed, or only the assertions beneath)
    // are one band: no seam, no pattern restarting at a change the row does not show.
    const RowLook look = row_look(groups);
    while (e + 1 < cuts.size() && row_look(group_by_state(c.resolver, reg.pieces, cuts[e])) == look) ++e;
    double x0 = c.x_of(cuts[s]), x1 = c.x_of(cuts[e]);
    double yy = y + 0.5;
    for (const auto& g : groups) {
      double share = 0;
      for (int p : g.pieces) share += c.atlas.pieces[p].area_km2;
      double h = (c.row_h - 1) * (total > 0 ? share / total : 1.0 / groups.size());
      // Each band reaches 0.4 pt into the next, which paints over it: no hairline seam where
      // a viewer antialiases two abutting edges.
      draw_band(c, *g.state, {x0, yy, x0 + std::max(x1 - x0, 0.3) + (e + 1 < cuts.size() ? 0.4 : 0), yy + h});
      yy += h;
    }
  }
}

// The key: the same legend items (categories, swatches, words) as the map's legend, in two columns.
constexpr int kKeyColumns = 2;
constexpr double kKeyRow = 11;

void draw_key(const Chart& c, const std::vector<LegendItem>& items, double top) {
  double column = (c.W - c.left - c.right) / kKeyColumns;
  for (size_t i = 0; i < items.size(); ++i) {
    double lx = c.left + column * static_cast<double>(i % kKeyColumns),
           ly = top + kKeyRow * static_cast<double>(i / kKeyColumns);
    Box sw{lx, ly - 3.5, lx + 12, ly + 4.5};
    std::vector<Shape> storage;
    cairo_save(c.cr);
    cairo_rectangle(c.cr, sw.x0, sw.y0, sw.x1 - sw.x0, sw.y1 - sw.y0);
    cairo_clip(c.cr);
    paint(c.cr, items[i].appearance, box_area(sw, storage), c.style.page);
    cairo_restore(c.cr);
    c.text.line(items[i].label, lx + 15, ly, 6.5, false, false, column - 20);
  }
  double below = top + kKeyRow * static_cast<double>((items.size() + kKeyColumns - 1) / kKeyColumns) + 4;
  c.text.line(c.words.get("chart.key_note"), c.left, below, 6.5);
}

// The states the chart shows: every span of every row's pieces that meets the period.
std::vector<const PieceState*> chart_states(const Atlas& atlas, const Resolver& resolver, const Rows& rows, Day from,
                                            Day to) {
  std::vector<const PieceState*> out;
  for (int r : rows.regions)
    for (int p : atlas.regions[r].pieces)
      for (const auto& s : resolver.spans(p))
        if (s.last >= from && s.first <= to) out.push_back(s.state);
  return out;
}

// The chart's <desc>: its subtitle and the key's words, for readers that do not see the chart.
std::string chart_desc(const std::string& subtitle, const std::vector<LegendItem>& key, const Words& w) {
  std::string out = subtitle;
  for (const auto& item : key) out += "\n" + item.label;
  return out + "\n" + w.get("chart.key_note");
}

}  // namespace

std::vector<LegendItem> timeline_key(const Atlas& atlas, const Resolver& resolver, const Style& style, Day from, Day to,
                                     const std::string& lang) {
  const Words& w = words_for(lang);
  return legend(chart_states(atlas, resolver, chart_rows(atlas, w), from, to), atlas, style, w);
}

void write_timeline_svg(const Atlas& atlas, const Resolver& resolver, const Style& style, Day from, Day to,
                        const std::string& path, Report& report, const std::string& lang) {
  const Words& w = words_for(lang);
  Rows rows = chart_rows(atlas, w);
  auto key = legend(chart_states(atlas, resolver, rows, from, to), atlas, style, w);
  std::string tmp = temp_path_or_report(path, report);
  if (tmp.empty()) return;
  ChartText text(style, lang);
  Chart c{nullptr, text, atlas, resolver, style, w, from, to};
  c.W = c.left + c.chart_w + c.right;
  double rows_bottom = c.top + rows.regions.size() * c.row_h + rows.group_starts.size() * 6;
  c.rows_bottom = rows_bottom;
  c.H = rows_bottom + 40 + kKeyRow * static_cast<double>((key.size() + kKeyColumns - 1) / kKeyColumns);
  cairo_surface_t* surface = cairo_svg_surface_create(tmp.c_str(), c.W, c.H);
  cairo_svg_surface_set_document_unit(surface, CAIRO_SVG_UNIT_PT);
  cairo_t* cr = c.cr = cairo_create(surface);
  set_rgb(cr, style.page);
  cairo_paint(cr);
  const std::string title = w.get("chart.title"),
                    subtitle = w.fill("chart.subtitle", {{"from", day_words(from, w)}, {"to", day_words(to, w)}});
  text.line(title, 12, 16, 13, true);
  text.line(subtitle, 12, 34, 8.5);
  draw_axis(c);
  std::vector<Day> cuts = {from};  // segments between change points
  for (Day d : resolver.change_points())
    if (d > from && d <= to) cuts.push_back(d);
  cuts.push_back(to + 1);
  double y = c.top;
  for (size_t i = 0, group = 0; i < rows.regions.size(); ++i) {
    if (group < rows.group_starts.size() && rows.group_starts[group].first == i) {
      y += 6;
      text.line(rows.group_starts[group++].second, 8, y - 2, 7, true);
    }
    const Region& reg = atlas.regions[rows.regions[i]];
    text.line(name_in(reg.names, lang, reg.id), c.left - 6, y + c.row_h / 2, 7, false, true, c.left - 14);
    draw_row(c, reg, cuts, y);
    y += c.row_h;
  }
  draw_key(c, key, rows_bottom + 20);
  cairo_destroy(cr);
  finish_chart_svg(surface, tmp, path, title, chart_desc(subtitle, key, w), text, report);
}

}  // namespace histmap
