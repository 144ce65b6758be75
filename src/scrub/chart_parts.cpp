#include "scrub/chart_parts.hpp"

#include <algorithm>

#include "render/painter.hpp"
#include "render/text.hpp"

namespace histmap {

void chart_text(cairo_t* cr, const Style& st, const std::string& s, double x, double y, double size, bool bold,
                bool right) {
  PangoLayout* l = text_layout(cr, st.font_family, s, size, bold);
  int w, h;
  pango_layout_get_size(l, &w, &h);
  cairo_move_to(cr, right ? x - w / double(PANGO_SCALE) : x, y - h / double(PANGO_SCALE) / 2);
  cairo_set_source_rgb(cr, st.text.r, st.text.g, st.text.b);
  pango_cairo_show_layout(cr, l);
  g_object_unref(l);
}

namespace {

// Every how many months a month is named: 1, else 2, 3 or 6 where the words' widest month
// name would run into the next one.
int months_per_name(cairo_t* cr, const Style& st, const Words& w, const TimeAxis& a) {
  double widest = 0;
  for (int m = 1; m <= 12; ++m) {
    PangoLayout* l = text_layout(cr, st.font_family, w.get("month." + std::to_string(m)), 5.5);
    int tw, th;
    pango_layout_get_size(l, &tw, &th);
    widest = std::max(widest, tw / double(PANGO_SCALE));
    g_object_unref(l);
  }
  const double month = a.width * 30.4 / double(a.to + 1 - a.from);
  for (int every : {1, 2, 3, 6})
    if (widest + 4 <= month * every) return every;
  return 12;
}

}  // namespace

void draw_time_axis(cairo_t* cr, const Style& st, const Words& w, const TimeAxis& a) {
  // Up to about two years: a tick and a name for every month, so a change can be dated from
  // the chart; longer: years and half years. The first tick names its year when it is not January.
  const bool months = a.to - a.from <= 800;
  bool year_named = false;
  const int every = months ? months_per_name(cr, st, w, a) : 12;
  for (Day d = a.from; d <= a.to; ++d) {
    std::string iso = format_day(d);
    bool january = iso.substr(5) == "01-01", tick = months ? iso.substr(8) == "01" : iso.substr(5) == "07-01";
    if (!january && !tick) continue;
    double x = a.x_of(d);
    cairo_move_to(cr, x, a.top - 6);
    cairo_line_to(cr, x, a.bottom);
    set_rgb(cr, st.text, january ? 0.5 : 0.15);
    cairo_set_line_width(cr, 0.5);
    cairo_stroke(cr);
    if (january || !year_named) chart_text(cr, st, iso.substr(0, 4), x + 2, a.top - 20, 8, true);
    year_named = true;
    const int month = std::stoi(iso.substr(5, 2));
    if (months && (month - 1) % every == 0)
      chart_text(cr, st, w.get("month." + std::to_string(month)), x + 2, a.top - 9, 5.5);
  }
}

}  // namespace histmap
