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
#include "render/text.hpp"
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
  if (s.controller >= 0) add("controller " + atlas.polities[s.controller].id + (s.control_uncertain() ? " (uncertain)" : ""));
  for (const auto& c : s.claimants) add("claimed by " + atlas.polities[c.party].id);
  for (const auto& d : s.designations)
    add(d.type + " by " + atlas.polities[d.by].id + (d.beneficiary >= 0 ? " for " + atlas.polities[d.beneficiary].id : ""));
  return out;
}

void text(cairo_t* cr, const Style& st, const std::string& s, double x, double y, double size, bool bold = false,
          bool right = false) {
  PangoLayout* l = text_layout(cr, st.font_family, s, size, bold);
  int w, h;
  pango_layout_get_size(l, &w, &h);
  cairo_move_to(cr, right ? x - w / double(PANGO_SCALE) : x, y - h / double(PANGO_SCALE) / 2);
  cairo_set_source_rgb(cr, st.text.r, st.text.g, st.text.b);
  pango_cairo_show_layout(cr, l);
  g_object_unref(l);
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
    out += format_day(c.day) + "," + csv_field(c.uyezd >= 0 ? atlas.regions[c.uyezd].id : "") + "," + csv_field(pieces) +
           "," + csv_field(summary(atlas, *c.before)) + "," + csv_field(summary(atlas, *c.after)) + "," +
           csv_field(because) + "," + csv_field(locators) + "\n";
  }
  return out;
}

void write_timeline_svg(const Atlas& atlas, const Resolver& resolver, const Style& style, Day from, Day to,
                        const std::string& path, Report& report) {
  // Rows: uyezds grouped by governorate, in the data's order.
  std::vector<int> rows;
  std::vector<std::pair<size_t, std::string>> group_starts;
  for (const auto& gov : atlas.regions) {
    if (gov.kind != RegionKind::Governorate) continue;
    group_starts.push_back({rows.size(), name_of(gov)});
    for (size_t r = 0; r < atlas.regions.size(); ++r)
      if (atlas.regions[r].kind == RegionKind::Uyezd && atlas.regions[r].parent == gov.id) rows.push_back(static_cast<int>(r));
  }
  for (size_t r = 0; r < atlas.regions.size(); ++r)  // okrugs outside any governorate
    if (atlas.regions[r].kind == RegionKind::Uyezd && atlas.regions[r].parent.empty()) {
      if (group_starts.empty() || group_starts.back().second != "Other okrugs") group_starts.push_back({rows.size(), "Other okrugs"});
      rows.push_back(static_cast<int>(r));
    }
  const double row_h = 11, left = 150, right = 20, top = 64, chart_w = 900;
  const double W = left + chart_w + right, H = top + rows.size() * row_h + group_starts.size() * 6 + 80;
  std::string tmp = temp_path_or_report(path, report);
  if (tmp.empty()) return;
  cairo_surface_t* surface = cairo_svg_surface_create(tmp.c_str(), W, H);
  cairo_svg_surface_set_document_unit(surface, CAIRO_SVG_UNIT_PT);
  cairo_t* cr = cairo_create(surface);
  cairo_set_source_rgb(cr, style.page.r, style.page.g, style.page.b);
  cairo_paint(cr);
  auto x_of = [&](Day d) { return left + chart_w * double(std::clamp(d, from, to + 1) - from) / double(to + 1 - from); };
  text(cr, style, "Control over time per uyezd, as the loaded sources assert it", 12, 16, 13, true);
  text(cr, style, format_day_words(from) + " – " + format_day_words(to) +
                      ". Row height is split by area among the states of the uyezd's pieces.",
       12, 34, 8.5);
  // Year and half-year ticks.
  for (Day d = from; d <= to; ++d) {
    std::string iso = format_day(d);
    if (iso.substr(5) != "01-01" && iso.substr(5) != "07-01") continue;
    double x = x_of(d);
    cairo_move_to(cr, x, top - 6);
    cairo_line_to(cr, x, H - 70);
    cairo_set_source_rgba(cr, style.text.r, style.text.g, style.text.b, iso.substr(5) == "01-01" ? 0.5 : 0.15);
    cairo_set_line_width(cr, 0.5);
    cairo_stroke(cr);
    if (iso.substr(5) == "01-01") text(cr, style, iso.substr(0, 4), x + 2, top - 10, 8, true);
  }
  // Segments between change points.
  std::vector<Day> cuts = {from};
  for (Day c : resolver.change_points())
    if (c > from && c <= to) cuts.push_back(c);
  cuts.push_back(to + 1);
  auto colour_of = [&](int polity) { return style.colour_of(atlas.polities[polity]); };
  double y = top;
  size_t group = 0;
  for (size_t i = 0; i < rows.size(); ++i) {
    if (group < group_starts.size() && group_starts[group].first == i) {
      y += 6;
      text(cr, style, group_starts[group].second, 8, y - 2, 7, true);
      ++group;
    }
    const Region& reg = atlas.regions[rows[i]];
    text(cr, style, name_of(reg), left - 6, y + row_h / 2, 7, false, true);
    double total = 0;
    for (int p : reg.pieces) total += atlas.pieces[p].area_km2;
    for (size_t s = 0; s + 1 < cuts.size(); ++s) {
      double x0 = x_of(cuts[s]), x1 = x_of(cuts[s + 1]);
      auto groups = group_by_state(resolver, reg.pieces, cuts[s]);
      double yy = y + 0.5;
      for (const auto& g : groups) {
        double share = 0;
        for (int p : g.pieces) share += atlas.pieces[p].area_km2;
        double h = (row_h - 1) * (total > 0 ? share / total : 1.0 / groups.size());
        const PieceState& st = *g.state;
        bool control_conflict = std::any_of(st.conflicts.begin(), st.conflicts.end(),
                                            [](const ConflictRef& c) { return c.about == "control"; });
        cairo_rectangle(cr, x0, yy, std::max(x1 - x0, 0.3), h);
        if (st.assertions.empty()) cairo_set_source_rgb(cr, style.no_assertion.r, style.no_assertion.g, style.no_assertion.b);
        else if (control_conflict) cairo_set_source_rgb(cr, style.conflict.colour.r, style.conflict.colour.g, style.conflict.colour.b);
        else if (st.controller >= 0) {
          Rgb c = colour_of(st.controller);
          cairo_set_source_rgba(cr, c.r, c.g, c.b, st.control_uncertain() ? style.uncertain_alpha : 1.0);  // imprecise: faded
        } else cairo_set_source_rgb(cr, style.no_controller.r, style.no_controller.g, style.no_controller.b);
        cairo_fill(cr);
        if (!st.claimants.empty()) {  // a thin line per claimant along the band's top
          for (size_t k = 0; k < st.claimants.size(); ++k) {
            Rgb c = colour_of(st.claimants[k].party);
            cairo_rectangle(cr, x0, yy + k * 1.2, std::max(x1 - x0, 0.3), 1.0);
            cairo_set_source_rgb(cr, c.r, c.g, c.b);
            cairo_fill(cr);
          }
        }
        if (!st.designations.empty()) {  // dots along the band's foot
          cairo_set_source_rgb(cr, style.text.r, style.text.g, style.text.b);
          for (double x = x0 + 1.5; x < x1; x += 4) {
            cairo_new_sub_path(cr);
            cairo_arc(cr, x, yy + h - 1.2, 0.45, 0, 2 * M_PI);
          }
          cairo_fill(cr);
        }
        if (!st.conflicts.empty()) {
          cairo_rectangle(cr, x0, yy, std::max(x1 - x0, 0.3), h);
          cairo_set_source_rgb(cr, style.conflict.colour.r, style.conflict.colour.g, style.conflict.colour.b);
          cairo_set_line_width(cr, 0.8);
          cairo_stroke(cr);
        }
        yy += h;
      }
    }
    y += row_h;
  }
  // Legend.
  double lx = left, ly = H - 56;
  std::set<int> controllers;
  for (int r : rows)
    for (int p : atlas.regions[r].pieces)
      for (const auto& s : resolver.spans(p))
        if (s.state->controller >= 0 && s.last >= from && s.first <= to) controllers.insert(s.state->controller);
  for (int c : controllers) {
    Rgb col = colour_of(c);
    cairo_rectangle(cr, lx, ly, 9, 7);
    cairo_set_source_rgb(cr, col.r, col.g, col.b);
    cairo_fill(cr);
    std::string n = name_of(atlas.polities[c]);
    text(cr, style, n, lx + 12, ly + 3.5, 6.5);
    lx += 20 + 4.2 * n.size();
    if (lx > W - 150) lx = left, ly += 11;
  }
  ly += 13;
  text(cr, style,
       "Faded: control rests on an imprecise date. Red: sources disagree on control; red edge: any disagreement. "
       "Coloured lines along the top: claims. Dots: statuses (disputed, autonomy, troops present, ...). Grey: no assertion.",
       left, ly, 6.5);
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
