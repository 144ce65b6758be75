// Cairo primitives and paint(Appearance): the one place that turns symbology's
// marks into pixels, used by the map's areas, its legend swatches and the
// timeline chart, so a swatch is drawn exactly as the map draws the area.
#pragma once

#include <string>
#include <vector>

#include <cairo.h>
#include <pango/pangocairo.h>

#include "render/style.hpp"
#include "symbology/appearance.hpp"

namespace histmap {

struct Pt {
  double x, y;
};
using Ring = std::vector<Pt>;
using Shape = std::vector<Ring>;  // rings of one or more polygons (even-odd/winding fill)

struct Box {
  double x0, y0, x1, y1;
  bool overlaps(const Box& o) const { return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1; }
};

void set_rgb(cairo_t* cr, const Rgb& c, double alpha = 1);
void append(cairo_t* cr, const Shape& s);        // closed rings
void append_lines(cairo_t* cr, const Shape& s);  // open lines
void stroke_line(cairo_t* cr, const LineStyle& l, double alpha = 1);
// Parallel lines across `box` at `angle` degrees, `spacing` apart (for hatches and stripes).
void parallel_lines(cairo_t* cr, const Box& box, double angle_deg, double spacing, double offset = 0);
Box shape_box(const Shape& s);
Box union_box(const Box& a, const Box& b);

// An area to paint: its shapes (filled together), its outline as lines and its bounds.
struct Area {
  std::vector<const Shape*> shapes;
  const Shape* outline = nullptr;
  Box box{};
};

// A rectangle as an area (for swatches); `storage` holds its two shapes.
Area box_area(const Box& b, std::vector<Shape>& storage);

void paint(cairo_t* cr, const Mark& m, const Area& area, const Rgb& page);
void paint(cairo_t* cr, const Appearance& a, const Area& area, const Rgb& page);

// Pango text: layout at (x, y) top-left; returns its size.
struct Text {
  cairo_t* cr;
  std::string family;
  Pt size(const std::string& s, double sz, bool bold = false, double width = -1) const;
  Pt draw(const std::string& s, double x, double y, double sz, const Rgb& c, bool bold = false, double width = -1,
          const Rgb* halo = nullptr) const;
};

}  // namespace histmap
