// What the SVG charts (the timeline chart, the areas chart) draw alike: a line of
// text in the style's font, and a time axis with years and months in the words' language.
#pragma once

#include <algorithm>
#include <string>

#include <cairo.h>

#include "model/date.hpp"
#include "render/style.hpp"
#include "symbology/words.hpp"

namespace histmap {

// Text centred vertically on y; left-aligned at x, or right-aligned when `right`.
void chart_text(cairo_t* cr, const Style& st, const std::string& s, double x, double y, double size, bool bold = false,
                bool right = false);

// A time axis over [from, to] drawn into [left, left + width] across [top, bottom].
struct TimeAxis {
  Day from, to;
  double left, width, top, bottom;
  double x_of(Day d) const { return left + width * double(std::clamp(d, from, to + 1) - from) / double(to + 1 - from); }
};

// Up to about two years: a tick and a name for every month; longer: years and half years.
// Year names sit 20 pt above `top`, month names 9 pt above.
void draw_time_axis(cairo_t* cr, const Style& st, const Words& w, const TimeAxis& axis);

}  // namespace histmap
