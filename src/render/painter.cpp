#include "render/painter.hpp"

#include <algorithm>
#include <cmath>

#include "render/text.hpp"

namespace histmap {

void set_rgb(cairo_t* cr, const Rgb& c, double alpha) { cairo_set_source_rgba(cr, c.r, c.g, c.b, alpha); }

void append(cairo_t* cr, const Shape& s) {
  for (const auto& ring : s) {
    if (ring.size() < 2) continue;
    cairo_move_to(cr, ring[0].x, ring[0].y);
    for (size_t i = 1; i < ring.size(); ++i) cairo_line_to(cr, ring[i].x, ring[i].y);
    cairo_close_path(cr);
  }
}

void append_lines(cairo_t* cr, const Shape& s) {
  for (const auto& line : s) {
    if (line.size() < 2) continue;
    cairo_move_to(cr, line[0].x, line[0].y);
    for (size_t i = 1; i < line.size(); ++i) cairo_line_to(cr, line[i].x, line[i].y);
  }
}

void stroke_line(cairo_t* cr, const LineStyle& l, double alpha) {
  set_rgb(cr, l.colour, alpha);
  cairo_set_line_width(cr, l.width);
  cairo_set_dash(cr, l.dash.empty() ? nullptr : l.dash.data(), static_cast<int>(l.dash.size()), 0);
  cairo_stroke(cr);
  cairo_set_dash(cr, nullptr, 0, 0);
}

void parallel_lines(cairo_t* cr, const Box& box, double angle_deg, double spacing, double offset) {
  double a = angle_deg * M_PI / 180, dx = std::cos(a), dy = std::sin(a);
  double cx = (box.x0 + box.x1) / 2, cy = (box.y0 + box.y1) / 2;
  double r = std::hypot(box.x1 - box.x0, box.y1 - box.y0) / 2 + spacing;
  // Lines sit where they would for any other box (anchored to the page, not to this box),
  // so hatches run on across neighbouring areas instead of restarting at each.
  const double phase = std::fmod(std::fmod(offset - (-dy * cx + dx * cy), spacing) + spacing, spacing);
  for (double t = -r - std::fmod(r, spacing) + phase; t <= r; t += spacing) {
    double px = cx - dy * t, py = cy + dx * t;  // a point on the normal
    cairo_move_to(cr, px - dx * r, py - dy * r);
    cairo_line_to(cr, px + dx * r, py + dy * r);
  }
}

Box shape_box(const Shape& s) {
  Box b{1e18, 1e18, -1e18, -1e18};
  for (const auto& r : s)
    for (const auto& p : r) b = {std::min(b.x0, p.x), std::min(b.y0, p.y), std::max(b.x1, p.x), std::max(b.y1, p.y)};
  return b;
}

Box union_box(const Box& a, const Box& b) {
  return {std::min(a.x0, b.x0), std::min(a.y0, b.y0), std::max(a.x1, b.x1), std::max(a.y1, b.y1)};
}

Area box_area(const Box& b, std::vector<Shape>& storage) {
  Ring r = {{b.x0, b.y0}, {b.x1, b.y0}, {b.x1, b.y1}, {b.x0, b.y1}};
  storage = {Shape{r}, Shape{r}};
  storage[1][0].push_back(r[0]);  // the outline as a closed line
  return {{&storage[0]}, &storage[1], b};
}

namespace {

void area_path(cairo_t* cr, const Area& a) {
  cairo_new_path(cr);
  for (const Shape* s : a.shapes) append(cr, *s);
}

// Status patterns, drawn over the clipped area.
void status_pattern(cairo_t* cr, const Mark& m, const Box& b) {
  const Pattern pattern = m.pattern;
  if (pattern == Pattern::Dots || pattern == Pattern::Circles) {
    bool dots = pattern == Pattern::Dots;
    double step = dots ? (m.spacing > 0 ? m.spacing : 5.5) : 8;
    double radius = dots ? (m.width > 0 ? m.width : 0.75) : 1.8;
    for (double y = std::floor(b.y0 / step) * step; y <= b.y1; y += step) {
      const double first = std::floor(b.x0 / step) * step + (static_cast<long>(y / step) % 2) * step / 2;
      if (dots) {  // a row of dots as one dashed line of round caps: a short path in SVG and PDF
        const double last = first + std::floor((b.x1 - first) / step) * step;
        cairo_move_to(cr, first, y);
        cairo_line_to(cr, last + step / 2, y);
        continue;
      }
      for (double x = first; x <= b.x1; x += step) {
        cairo_new_sub_path(cr);
        cairo_arc(cr, x, y, radius, 0, 2 * M_PI);
      }
    }
    if (dots) {
      const double dash[] = {0, step};
      cairo_set_dash(cr, dash, 2, 0);
      cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
      cairo_set_line_width(cr, 2 * radius);
      cairo_stroke(cr);
      cairo_set_dash(cr, nullptr, 0, 0);
      cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
    } else {
      cairo_set_line_width(cr, 0.5);
      cairo_stroke(cr);
    }
    return;
  }
  if (pattern == Pattern::Crosshatch) {
    parallel_lines(cr, b, 45, 6);
    parallel_lines(cr, b, -45, 6);
    cairo_set_line_width(cr, 0.45);
    cairo_stroke(cr);
    return;
  }
  double angle = 0, spacing = 4.5, width = 0.4;  // horizontal
  if (pattern == Pattern::Vertical) angle = 90, spacing = 5, width = 0.35;
  else if (pattern == Pattern::Sparse) angle = 30, spacing = 9, width = 0.6;
  else if (pattern != Pattern::Horizontal) return;
  parallel_lines(cr, b, angle, spacing);
  cairo_set_line_width(cr, width);
  cairo_stroke(cr);
}

void paint_stripes(cairo_t* cr, const Mark& m, const Area& area, const Rgb& page) {
  area_path(cr, area);
  set_rgb(cr, page);
  cairo_fill_preserve(cr);
  cairo_save(cr);
  cairo_clip(cr);
  double n = static_cast<double>(m.colours.size());
  for (size_t i = 0; i < m.colours.size(); ++i) {
    parallel_lines(cr, area.box, m.angle, m.width * n, m.width * static_cast<double>(i));
    set_rgb(cr, m.colours[i], m.alpha);
    cairo_set_line_width(cr, m.width);
    cairo_stroke(cr);
  }
  cairo_restore(cr);
}

void paint_edge(cairo_t* cr, const Mark& m, const Area& area) {
  if (m.inside) {
    cairo_save(cr);
    area_path(cr, area);
    cairo_clip(cr);
  }
  append_lines(cr, *area.outline);
  stroke_line(cr, {m.colours[0], m.width, m.dash}, m.alpha);
  if (m.inside) cairo_restore(cr);
}

void paint_pattern(cairo_t* cr, const Mark& m, const Area& area) {
  cairo_save(cr);
  area_path(cr, area);
  cairo_clip(cr);
  set_rgb(cr, m.colours[0], m.alpha);
  if (m.pattern == Pattern::Hatch) {
    parallel_lines(cr, area.box, m.angle, m.spacing);
    cairo_set_line_width(cr, m.width);
    cairo_stroke(cr);
  } else if (m.pattern == Pattern::Outline || m.pattern == Pattern::Ring) {
    append_lines(cr, *area.outline);
    cairo_set_line_width(cr, m.width);  // half of it shows inside the clip
    cairo_set_dash(cr, m.dash.empty() ? nullptr : m.dash.data(), static_cast<int>(m.dash.size()), 0);
    cairo_stroke(cr);
    cairo_set_dash(cr, nullptr, 0, 0);
  } else {
    status_pattern(cr, m, area.box);
  }
  cairo_restore(cr);
}

}  // namespace

void paint(cairo_t* cr, const Mark& m, const Area& area, const Rgb& page) {
  if (m.colours.empty()) return;
  switch (m.pattern) {
    case Pattern::Solid:
      area_path(cr, area);
      if (m.over_page) {
        set_rgb(cr, page);
        cairo_fill_preserve(cr);
      }
      set_rgb(cr, m.colours[0], m.alpha);
      cairo_fill(cr);
      return;
    case Pattern::Stripes: paint_stripes(cr, m, area, page); return;
    case Pattern::Edge: paint_edge(cr, m, area); return;
    default: paint_pattern(cr, m, area); return;
  }
}

void paint(cairo_t* cr, const Appearance& a, const Area& area, const Rgb& page) {
  for (const auto& m : a.marks) paint(cr, m, area, page);
}

Pt Text::size(const std::string& s, double sz, bool bold, double width) const {
  PangoLayout* l = text_layout(cr, family, s, sz, bold, width);
  int w, h;
  pango_layout_get_size(l, &w, &h);
  g_object_unref(l);
  return {w / double(PANGO_SCALE), h / double(PANGO_SCALE)};
}

Pt Text::draw(const std::string& s, double x, double y, double sz, const Rgb& c, bool bold, double width,
              const Rgb* halo) const {
  PangoLayout* l = text_layout(cr, family, s, sz, bold, width);
  int w, h;
  pango_layout_get_size(l, &w, &h);
  cairo_move_to(cr, x, y);
  if (halo) {  // a light outline keeps labels readable over patterns
    pango_cairo_layout_path(cr, l);
    set_rgb(cr, *halo, 0.85);
    cairo_set_line_width(cr, sz * 0.22);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    cairo_stroke(cr);
    cairo_move_to(cr, x, y);
  }
  set_rgb(cr, c);
  pango_cairo_show_layout(cr, l);
  g_object_unref(l);
  return {w / double(PANGO_SCALE), h / double(PANGO_SCALE)};
}

}  // namespace histmap
