#include "scrub/chart_parts.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "render/painter.hpp"
#include "render/text.hpp"
#include "util/atomic_file.hpp"

namespace histmap {
namespace {

// A coordinate with at most two decimals and no trailing zeros: short, and the same on every run.
std::string number(double v) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.2f", std::abs(v) < 0.005 ? 0.0 : v);
  std::string s = buf;
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s;
}

std::string hex(const Rgb& c) {
  char buf[8];
  auto byte = [](double v) { return static_cast<int>(std::lround(std::clamp(v, 0.0, 1.0) * 255)); };
  std::snprintf(buf, sizeof buf, "#%02x%02x%02x", byte(c.r), byte(c.g), byte(c.b));
  return buf;
}

std::string trimmed(const std::string& s) {
  const char* space = " \t\n\r";
  size_t a = s.find_first_not_of(space);
  return a == std::string::npos ? "" : s.substr(a, s.find_last_not_of(space) - a + 1);
}

}  // namespace

ChartText::ChartText(const Style& style, std::string lang)
    : style_(style),
      lang_(std::move(lang)),
      surface_(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1)),
      cr_(cairo_create(surface_)) {
  // Measure as Cairo's SVG surface does: unhinted metrics, so widths match the drawn glyphs.
  cairo_font_options_t* fo = cairo_font_options_create();
  cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
  cairo_set_font_options(cr_, fo);
  cairo_font_options_destroy(fo);
  // and at fractional positions, as a browser places the glyphs of a <text>.
  context_ = pango_cairo_create_context(cr_);
  pango_context_set_round_glyph_positions(context_, FALSE);
}

ChartText::~ChartText() {
  g_object_unref(context_);
  cairo_destroy(cr_);
  cairo_surface_destroy(surface_);
}

PangoLayout* ChartText::layout(const std::string& s, double size, bool bold, double wrap_width) const {
  PangoLayout* l = pango_layout_new(context_);
  set_layout_text(l, style_.font_family, s, size, bold, wrap_width);
  return l;
}

void ChartText::add(const std::string& s, double x, double baseline, double size, bool bold, bool right) {
  elements_ += "<text x=\"" + number(x) + "\" y=\"" + number(baseline) + "\" font-size=\"" + number(size) + "\"" +
               (bold ? " font-weight=\"bold\"" : "") + (right ? " text-anchor=\"end\"" : "") + ">" + xml_escaped(s) +
               "</text>\n";
}

void ChartText::line(const std::string& s, double x, double y, double size, bool bold, bool right, double fit) {
  PangoLayout* l = layout(s, size, bold);
  int w, h;
  pango_layout_get_size(l, &w, &h);
  if (fit > 0 && w / double(PANGO_SCALE) > fit) {  // smaller rather than into its neighbour
    size = std::floor(size * fit / (w / double(PANGO_SCALE)) * 10) / 10;
    g_object_unref(l);
    l = layout(s, size, bold);
    pango_layout_get_size(l, &w, &h);
  }
  const double top = y - h / double(PANGO_SCALE) / 2;
  add(trimmed(s), x, top + pango_layout_get_baseline(l) / double(PANGO_SCALE), size, bold, right);
  g_object_unref(l);
}

double ChartText::paragraph(const std::string& s, double x, double y, double size, double width, bool bold) {
  PangoLayout* l = layout(s, size, bold, width);
  const std::string laid = pango_layout_get_text(l);
  PangoLayoutIter* it = pango_layout_get_iter(l);
  do {  // a <text> per line as Pango broke them: an SVG viewer does not wrap
    const PangoLayoutLine* ln = pango_layout_iter_get_line_readonly(it);
    const std::string part = trimmed(laid.substr(ln->start_index, ln->length));
    if (!part.empty()) add(part, x, y + pango_layout_iter_get_baseline(it) / double(PANGO_SCALE), size, bold, false);
  } while (pango_layout_iter_next_line(it));
  pango_layout_iter_free(it);
  int w, h;
  pango_layout_get_size(l, &w, &h);
  g_object_unref(l);
  return h / double(PANGO_SCALE);
}

double ChartText::width(const std::string& s, double size, bool bold) const {
  PangoLayout* l = layout(s, size, bold);
  int w, h;
  pango_layout_get_size(l, &w, &h);
  g_object_unref(l);
  return w / double(PANGO_SCALE);
}

std::string ChartText::svg() const {
  return "<g font-family=\"" + xml_escaped(svg_font_family(style_.font_family)) + "\" fill=\"" + hex(style_.text) +
         "\" xml:lang=\"" + xml_escaped(lang_) + "\">\n" + elements_ + "</g>\n";
}

std::string svg_font_family(const std::string& family) {
  std::vector<std::string> faces;
  for (size_t at = 0; at <= family.size();) {
    size_t comma = std::min(family.find(',', at), family.size());
    std::string face = trimmed(family.substr(at, comma - at));
    if (!face.empty()) faces.push_back(face);
    at = comma + 1;
  }
  for (const char* face : {"Noto Sans Armenian", "Noto Sans Georgian"})
    if (std::find(faces.begin(), faces.end(), face) == faces.end()) faces.push_back(face);
  std::string out;
  for (const auto& f : faces) out += (out.empty() ? "'" : ", '") + f + "'";
  return out + ", sans-serif";
}

std::string xml_escaped(const std::string& s) {
  std::string out;
  for (char c : s)
    out += c == '&' ? "&amp;" : c == '<' ? "&lt;" : c == '>' ? "&gt;" : c == '"' ? "&quot;" : std::string(1, c);
  return out;
}

namespace {

// The words go into the file Cairo wrote: <title> and <desc> first, the text last (drawn over the shapes).
std::string add_words(const std::string& file, const std::string& title, const std::string& desc,
                      const ChartText& text) {
  std::string svg;
  {
    std::ifstream in(file, std::ios::binary);
    svg.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  const size_t root = svg.find("<svg"), start_end = root == std::string::npos ? root : svg.find('>', root);
  const size_t end = svg.rfind("</svg>");
  if (start_end == std::string::npos || end == std::string::npos || end < start_end)
    return "Cairo wrote no <svg> element";
  svg.insert(end, text.svg());
  svg.insert(start_end + 1, "\n<title>" + xml_escaped(title) + "</title>\n<desc>" + xml_escaped(desc) + "</desc>");
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out << svg;
  return out.flush() ? "" : "cannot write " + file;
}

}  // namespace

void finish_chart_svg(cairo_surface_t* surface, const std::string& tmp, const std::string& path,
                      const std::string& title, const std::string& desc, const ChartText& text, Report& report) {
  cairo_surface_finish(surface);
  const cairo_status_t st = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  const std::string problem =
      st != CAIRO_STATUS_SUCCESS ? cairo_status_to_string(st) : add_words(tmp, title, desc, text);
  if (!problem.empty()) {
    report.error(path, "writing failed: " + problem);
    std::error_code ec;
    std::filesystem::remove(tmp, ec);
    return;
  }
  commit_temp(tmp, path);
}

namespace {

// Every how many months a month is named: 1, else 2, 3 or 6 where the words' widest month
// name would run into the next one.
int months_per_name(const ChartText& text, const Words& w, const TimeAxis& a) {
  double widest = 0;
  for (int m = 1; m <= 12; ++m) widest = std::max(widest, text.width(w.get("month." + std::to_string(m)), 5.5));
  const double month = a.width * 30.4 / double(a.to + 1 - a.from);
  for (int every : {1, 2, 3, 6})
    if (widest + 4 <= month * every) return every;
  return 12;
}

// A name beside its tick; where it would run past the axis' end (a tick on the last days), set
// before the tick instead, unless it would meet the name before it there. `named_until`: that name's end.
void tick_name(ChartText& text, const std::string& s, double x, double y, double size, bool bold, const TimeAxis& a,
               double& named_until) {
  const double w = text.width(s, size, bold);
  if (x + 2 + w <= a.left + a.width + 4) {
    text.line(s, x + 2, y, size, bold);
    named_until = x + 2 + w;
  } else if (x - 2 - w > named_until + 3) {
    text.line(s, x - 2, y, size, bold, true);
    named_until = x - 2;
  }
}

}  // namespace

void draw_time_axis(cairo_t* cr, ChartText& text, const Style& st, const Words& w, const TimeAxis& a) {
  // Up to about two years: a tick and a name for every month, so a change can be dated from
  // the chart; longer: years and half years. The first tick names its year when it is not January.
  const bool months = a.to - a.from <= 800;
  bool year_named = false;
  double year_until = -1e9, month_until = -1e9;
  const int every = months ? months_per_name(text, w, a) : 12;
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
    if (january || !year_named) tick_name(text, iso.substr(0, 4), x, a.top - 20, 8, true, a, year_until);
    year_named = true;
    const int month = std::stoi(iso.substr(5, 2));
    if (months && (month - 1) % every == 0)
      tick_name(text, w.get("month." + std::to_string(month)), x, a.top - 9, 5.5, false, a, month_until);
  }
}

}  // namespace histmap
