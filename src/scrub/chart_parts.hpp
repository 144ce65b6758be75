// What the SVG charts (the timeline chart, the areas chart) draw alike: their words as
// SVG <text> (selectable, searchable, read by screen readers), a time axis with years and
// months in the words' language, and the finishing of the file Cairo drew the shapes into.
#pragma once

#include <algorithm>
#include <string>

#include <cairo.h>
#include <pango/pangocairo.h>

#include "data/report.hpp"
#include "model/date.hpp"
#include "render/style.hpp"
#include "symbology/words.hpp"

namespace histmap {

// A chart's words. Each string is laid out with Pango in the style's font (so sizes, widths
// and line breaks are what a drawn chart would have) and kept as a <text> element instead
// of being drawn: Cairo's SVG surface would write glyph outlines.
class ChartText {
 public:
  ChartText(const Style& style, std::string lang);
  ~ChartText();
  ChartText(const ChartText&) = delete;
  ChartText& operator=(const ChartText&) = delete;

  // One line centred vertically on y; left-aligned at x, or right-aligned when `right`; set
  // smaller where it would be wider than `fit` (when given).
  void line(const std::string& s, double x, double y, double size, bool bold = false, bool right = false,
            double fit = 0);
  // A paragraph wrapped to `width` with its top-left at (x, y), a <text> per line; returns its height.
  double paragraph(const std::string& s, double x, double y, double size, double width, bool bold = false);
  // How wide one line would be.
  double width(const std::string& s, double size, bool bold = false) const;

  // The recorded text: one <g> carrying font, colour and language, with a <text> per line.
  std::string svg() const;

 private:
  PangoLayout* layout(const std::string& s, double size, bool bold, double wrap_width = -1) const;
  void add(const std::string& s, double x, double baseline, double size, bool bold, bool right);

  const Style& style_;
  std::string lang_, elements_;
  cairo_surface_t* surface_;  // a 1×1 image, only for Pango's measurements
  cairo_t* cr_;
  PangoContext* context_;
};

// The CSS font-family list for the style's font, with the Noto faces for Armenian and
// Georgian and a generic family behind it, so a browser finds a face for every word.
std::string svg_font_family(const std::string& family);

// "&", "<", ">" and '"' as XML entities.
std::string xml_escaped(const std::string& s);

// Ends a chart Cairo drew into `tmp` (an SVG surface, not yet finished): finishes the
// surface, adds <title> and <desc> after the root's start and `text` before its end, and
// renames `tmp` to `path`. A failure goes into `report` and removes `tmp`.
void finish_chart_svg(cairo_surface_t* surface, const std::string& tmp, const std::string& path,
                      const std::string& title, const std::string& desc, const ChartText& text, Report& report);

// A time axis over [from, to] drawn into [left, left + width] across [top, bottom].
struct TimeAxis {
  Day from, to;
  double left, width, top, bottom;
  double x_of(Day d) const { return left + width * double(std::clamp(d, from, to + 1) - from) / double(to + 1 - from); }
};

// Up to about two years: a tick and a name for every month; longer: years and half years.
// Year names sit 20 pt above `top`, month names 9 pt above.
void draw_time_axis(cairo_t* cr, ChartText& text, const Style& st, const Words& w, const TimeAxis& axis);

}  // namespace histmap
