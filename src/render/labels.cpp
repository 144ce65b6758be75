// Seat points and labels, placed greedily without overlaps (larger uyezds first).
#include <algorithm>
#include <cmath>

#include "render/canvas_impl.hpp"

namespace histmap {

namespace {

bool free_inside(const Box& b, const Box& f, const std::vector<Box>& taken) {
  if (b.x0 < f.x0 || b.x1 > f.x1 || b.y0 < f.y0 || b.y1 > f.y1) return false;
  return std::none_of(taken.begin(), taken.end(), [&](const Box& t) { return t.overlaps(b); });
}

void draw_region_labels(const Frame& f, std::vector<Box>& taken) {
  const Style& style = f.style;
  for (const auto& lab : f.im.region_labels) {
    Pt sz = f.text.size(lab.text, style.font_region, true);
    // At the interior point, else nudged up or down by a line or two.
    for (double dy : {0.0, -1.0, 1.0}) {
      double cy = lab.at.y + dy * sz.y;
      Box b{lab.at.x - sz.x / 2, cy - sz.y / 2, lab.at.x + sz.x / 2, cy + sz.y / 2};
      if (!free_inside(b, f.im.frame, taken)) continue;
      f.text.draw(lab.text, b.x0, b.y0, style.font_region, style.text, true, -1, &style.page);
      taken.push_back(b);
      break;
    }
  }
}

void draw_place_labels(const Frame& f, std::vector<Box>& taken) {
  const Style& style = f.style;
  Box frame = f.im.frame;
  frame.x0 = -1e18;  // a place label may start left of the frame's edge (it begins at its point)
  for (const auto& pl : f.im.places) {
    if (!pl.seat) continue;
    Pt sz = f.text.size(pl.text, style.font_place);
    for (double dy : {-sz.y / 2, -sz.y - 1, 1.0}) {  // right of the point, then above, then below
      Box b{pl.at.x + style.place_radius + 1.5, pl.at.y + dy, pl.at.x + style.place_radius + 1.5 + sz.x,
            pl.at.y + dy + sz.y};
      if (!free_inside(b, frame, taken)) continue;
      f.text.draw(pl.text, b.x0, b.y0, style.font_place, style.text, false, -1, &style.page);
      taken.push_back(b);
      break;
    }
  }
}

}  // namespace

void draw_places_and_labels(const Frame& f) {
  cairo_t* cr = f.cr;
  std::vector<Box> taken;
  for (const auto& pl : f.im.places) {
    if (!pl.seat) continue;
    double r = f.style.place_radius + 0.5;
    taken.push_back({pl.at.x - r, pl.at.y - r, pl.at.x + r, pl.at.y + r});
    cairo_new_sub_path(cr);
    cairo_arc(cr, pl.at.x, pl.at.y, f.style.place_radius, 0, 2 * M_PI);
  }
  set_rgb(cr, f.style.place_colour);
  cairo_fill(cr);
  if (!f.options.labels) return;
  draw_region_labels(f, taken);
  draw_place_labels(f, taken);
}

}  // namespace histmap
