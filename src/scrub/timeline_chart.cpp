#include "scrub/timeline_chart.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <set>

#include <cairo-svg.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include "export/state_properties.hpp"
#include "render/painter.hpp"
#include "render/text.hpp"
#include "scrub/chart_parts.hpp"
#include "symbology/legend.hpp"
#include "time/timeline.hpp"
#include "util/atomic_file.hpp"

namespace histmap {
namespace fs = std::filesystem;

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
  draw_time_axis(c.cr, c.style, c.words, {c.from, c.to, c.left, c.chart_w, c.top, c.rows_bottom});
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
  if (statuses) {
    set_rgb(cr, c.style.text);
    for (double x = b.x0 + 1.5; x < b.x1; x += 4) {
      cairo_new_sub_path(cr);
      cairo_arc(cr, x, b.y1 - 1.2, 0.45, 0, 2 * M_PI);
    }
    cairo_fill(cr);
  }
}

void draw_row(const Chart& c, const Region& reg, const std::vector<Day>& cuts, double y) {
  double total = 0;
  for (int p : reg.pieces) total += c.atlas.pieces[p].area_km2;
  for (size_t s = 0; s + 1 < cuts.size(); ++s) {
    double x0 = c.x_of(cuts[s]), x1 = c.x_of(cuts[s + 1]);
    auto groups = group_by_state(c.resolver, reg.pieces, cuts[s]);
    double yy = y + 0.5;
    for (const auto& g : groups) {
      double share = 0;
      for (int p : g.pieces) share += c.atlas.pieces[p].area_km2;
      double h = (c.row_h - 1) * (total > 0 ? share / total : 1.0 / groups.size());
      // Each band reaches 0.4 pt into the next, which paints over it: no hairline seam where
      // a viewer antialiases two abutting edges.
      draw_band(c, *g.state, {x0, yy, x0 + std::max(x1 - x0, 0.3) + (s + 2 < cuts.size() ? 0.4 : 0), yy + h});
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
    chart_text(c.cr, c.style, items[i].label, lx + 15, ly, 6.5);
  }
  double below = top + kKeyRow * static_cast<double>((items.size() + kKeyColumns - 1) / kKeyColumns) + 4;
  chart_text(c.cr, c.style, c.words.get("chart.key_note"), c.left, below, 6.5);
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
  Chart c{nullptr, atlas, resolver, style, w, from, to};
  c.W = c.left + c.chart_w + c.right;
  double rows_bottom = c.top + rows.regions.size() * c.row_h + rows.group_starts.size() * 6;
  c.rows_bottom = rows_bottom;
  c.H = rows_bottom + 40 + kKeyRow * static_cast<double>((key.size() + kKeyColumns - 1) / kKeyColumns);
  cairo_surface_t* surface = cairo_svg_surface_create(tmp.c_str(), c.W, c.H);
  cairo_svg_surface_set_document_unit(surface, CAIRO_SVG_UNIT_PT);
  cairo_t* cr = c.cr = cairo_create(surface);
  set_rgb(cr, style.page);
  cairo_paint(cr);
  chart_text(cr, style, w.get("chart.title"), 12, 16, 13, true);
  chart_text(cr, style, w.fill("chart.subtitle", {{"from", day_words(from, w)}, {"to", day_words(to, w)}}), 12, 34,
             8.5);
  draw_axis(c);
  std::vector<Day> cuts = {from};  // segments between change points
  for (Day d : resolver.change_points())
    if (d > from && d <= to) cuts.push_back(d);
  cuts.push_back(to + 1);
  double y = c.top;
  for (size_t i = 0, group = 0; i < rows.regions.size(); ++i) {
    if (group < rows.group_starts.size() && rows.group_starts[group].first == i) {
      y += 6;
      chart_text(cr, style, rows.group_starts[group++].second, 8, y - 2, 7, true);
    }
    const Region& reg = atlas.regions[rows.regions[i]];
    chart_text(cr, style, name_in(reg.names, lang, reg.id), c.left - 6, y + c.row_h / 2, 7, false, true);
    draw_row(c, reg, cuts, y);
    y += c.row_h;
  }
  draw_key(c, key, rows_bottom + 20);
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  cairo_status_t st = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (st != CAIRO_STATUS_SUCCESS) {
    report.error(path, std::string("writing failed: ") + cairo_status_to_string(st));
    std::error_code ec;
    fs::remove(tmp, ec);
    return;
  }
  commit_temp(tmp, path);
}

}  // namespace histmap
