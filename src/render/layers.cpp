// Map layers inside the frame: ground, states (painted from symbology's
// appearance, pass by pass across all areas), water and boundary lines.
#include "render/canvas_impl.hpp"

namespace histmap {

void draw_ground(const Frame& f) {
  cairo_t* cr = f.cr;
  set_rgb(cr, f.style.water);
  cairo_paint(cr);
  // Land: modern countries where the GSHHG says land; seas and lakes on top.
  set_rgb(cr, f.style.land);
  for (const auto& c : f.im.countries) append(cr, c);
  cairo_set_fill_rule(cr, CAIRO_FILL_RULE_WINDING);
  cairo_fill(cr);
  set_rgb(cr, f.style.water);
  for (const auto& s : f.im.water_sea) append(cr, s);
  cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_fill(cr);
}

void draw_states(const Frame& f, const std::vector<DrawnGroup>& groups) {
  std::vector<Appearance> looks;
  for (const auto& g : groups) looks.push_back(appearance(classify(*g.state), f.atlas, f.style));
  cairo_set_fill_rule(f.cr, CAIRO_FILL_RULE_EVEN_ODD);
  // Each pass over every area before the next, so edges lie on all fills.
  for (Pass pass : {Pass::Fill, Pass::Claims, Pass::Statuses, Pass::ConflictEdge, Pass::UncertainEdge})
    for (size_t i = 0; i < groups.size(); ++i)
      for (const Mark& m : looks[i].marks) {
        if (m.pass != pass) continue;
        Area area = groups[i].area;
        bool along_edge = m.pattern == Pattern::Edge || m.pattern == Pattern::Outline || m.pattern == Pattern::Ring;
        if (along_edge) area.outline = &f.im.outline(groups[i].pieces);  // dissolved only when needed
        paint(f.cr, m, area, f.style.page);
      }
}

void draw_water_and_lines(const Frame& f) {
  cairo_t* cr = f.cr;
  const auto& im = f.im;
  const Style& style = f.style;
  set_rgb(cr, style.water);
  for (const auto& s : im.water_lake) append(cr, s);
  cairo_fill_preserve(cr);
  set_rgb(cr, style.water_line);
  cairo_set_line_width(cr, 0.3);
  cairo_stroke(cr);
  for (const auto& s : im.water_sea) append(cr, s);
  set_rgb(cr, style.water_line);
  cairo_set_line_width(cr, 0.4);
  cairo_stroke(cr);
  for (const auto& r : im.rivers) append_lines(cr, r);
  set_rgb(cr, style.river);
  cairo_set_line_width(cr, 0.45);
  cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke(cr);
  if (f.options.piece_lines) {
    for (const auto& p : im.pieces) append(cr, p);
    LineStyle thin = style.uyezd_line;
    thin.width *= 0.5;
    thin.dash = {1.5, 1.5};
    stroke_line(cr, thin);
  }
  append_lines(cr, im.uyezd_lines);
  stroke_line(cr, style.uyezd_line);
  append_lines(cr, im.governorate_lines);
  stroke_line(cr, style.governorate_line);
  if (f.options.modern_borders) {
    for (const auto& c : im.countries) append(cr, c);
    stroke_line(cr, style.modern_border);
  }
}

}  // namespace histmap
