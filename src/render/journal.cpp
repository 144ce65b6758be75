// Furniture for journal figures, both optional: a graticule (lines of longitude and latitude,
// labelled where they meet the frame) and an inset locator map (the dataset's whole extent, the
// reconstructed area, and the part this map's frame shows).
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "render/canvas_impl.hpp"

namespace histmap {

namespace {

// Points along the frame's four edges, as lon/lat (those the projection can invert).
std::vector<std::pair<double, double>> frame_edge_lonlat(const MapCanvas::Impl& im, int per_edge) {
  const Box& fr = im.frame;
  std::vector<std::pair<double, double>> out;
  for (int side = 0; side < 4; ++side)
    for (int i = 0; i < per_edge; ++i) {
      double t = static_cast<double>(i) / per_edge, x = 0, y = 0;
      if (side == 0) x = fr.x0 + t * (fr.x1 - fr.x0), y = fr.y0;
      if (side == 1) x = fr.x1, y = fr.y0 + t * (fr.y1 - fr.y0);
      if (side == 2) x = fr.x1 - t * (fr.x1 - fr.x0), y = fr.y1;
      if (side == 3) x = fr.x0, y = fr.y1 - t * (fr.y1 - fr.y0);
      double lon, lat;
      if (im.unproject(x, y, lon, lat)) out.emplace_back(lon, lat);
    }
  return out;
}

std::string degrees(double v, char positive, char negative) {
  char s[32];
  std::snprintf(s, sizeof s, "%g°%c", std::fabs(v), v < 0 ? negative : positive);
  return s;
}

// A label on a page-coloured ground, so it reads over fills and hatches.
void halo_text(const Frame& f, const GraticuleLabel& l) {
  set_rgb(f.cr, f.style.page, 0.8);
  cairo_rectangle(f.cr, l.box.x0, l.box.y0, l.box.x1 - l.box.x0, l.box.y1 - l.box.y0);
  cairo_fill(f.cr);
  f.text.draw(l.text, l.box.x0 + 1, l.box.y0, f.style.font_place * 0.9, f.style.text);
}

GraticuleLabel graticule_label(const Frame& f, const std::string& s, double x, double y) {
  Pt size = f.text.size(s, f.style.font_place * 0.9, false);
  return {s, {x - 1, y, x + size.x + 1, y + size.y}};
}

// Where the polyline first crosses the horizontal (vertical == false) or vertical line at `at`.
bool crossing(const Ring& line, bool vertical, double at, Pt& out) {
  for (size_t i = 1; i < line.size(); ++i) {
    double a = vertical ? line[i - 1].x : line[i - 1].y, b = vertical ? line[i].x : line[i].y;
    if ((a - at) * (b - at) > 0 || a == b) continue;
    double t = (at - a) / (b - a);
    out = {line[i - 1].x + t * (line[i].x - line[i - 1].x), line[i - 1].y + t * (line[i].y - line[i - 1].y)};
    return true;
  }
  return false;
}

void fill_shape(cairo_t* cr, const Shape& s) {
  append(cr, s);
  cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_fill(cr);
}

}  // namespace

std::vector<GraticuleLabel> draw_graticule(const Frame& f) {
  const MapCanvas::Impl& im = f.im;
  const Box& fr = im.frame;
  auto edge = frame_edge_lonlat(im, 24);
  if (edge.empty()) return {};
  double lon0 = 1e9, lon1 = -1e9, lat0 = 1e9, lat1 = -1e9;
  for (auto [lon, lat] : edge)
    lon0 = std::min(lon0, lon), lon1 = std::max(lon1, lon), lat0 = std::min(lat0, lat), lat1 = std::max(lat1, lat);
  // The smallest round step that gives at most eight lines across the larger span.
  double step = 10;
  for (double s : {0.25, 0.5, 1.0, 2.0, 5.0})
    if (std::max(lon1 - lon0, lat1 - lat0) / s <= 8) {
      step = s;
      break;
    }
  auto line = [&](bool meridian, double v) {
    Ring r;
    double from = meridian ? lat0 - step : lon0 - step, to = meridian ? lat1 + step : lon1 + step;
    for (double t = from; t <= to; t += step / 40) {
      Pt p;
      if (im.project(meridian ? v : t, meridian ? t : v, p)) r.push_back(p);
    }
    return r;
  };
  cairo_t* cr = f.cr;
  cairo_save(cr);
  cairo_rectangle(cr, fr.x0, fr.y0, fr.x1 - fr.x0, fr.y1 - fr.y0);
  cairo_clip(cr);
  std::vector<GraticuleLabel> labels;
  for (int pass = 0; pass < 2; ++pass) {
    bool meridian = pass == 0;
    double lo = meridian ? lon0 : lat0, hi = meridian ? lon1 : lat1;
    for (double v = std::ceil(lo / step) * step; v <= hi + 1e-9; v += step) {
      Ring r = line(meridian, v);
      if (r.size() < 2) continue;
      set_rgb(cr, f.style.text, 0.4);
      cairo_set_line_width(cr, 0.3);
      append_lines(cr, {r});
      cairo_stroke(cr);
      // Meridians are named along the top edge, parallels along the left; clear of the north
      // arrow (top right) and the scale bar (bottom left).
      Pt at;
      if (meridian && crossing(r, false, fr.y0, at) && at.x > fr.x0 + 4 && at.x < fr.x1 - 60)
        labels.push_back(graticule_label(f, degrees(v, 'E', 'W'), at.x + 2, fr.y0 + 2));
      if (!meridian && crossing(r, true, fr.x0, at) && at.y > fr.y0 + 16 && at.y < fr.y1 - 44)
        labels.push_back(graticule_label(f, degrees(v, 'N', 'S'), fr.x0 + 2, at.y + 1));
    }
  }
  cairo_restore(cr);
  return labels;
}

void draw_graticule_labels(const Frame& f, const std::vector<GraticuleLabel>& labels) {
  for (const auto& l : labels) halo_text(f, l);
}

void draw_inset_locator(const Frame& f) {
  const MapCanvas::Impl& im = f.im;
  const Atlas& atlas = f.atlas;
  const Box& fr = im.frame;
  // The inset's extent: the base layers and the pieces together, with a small margin.
  OGREnvelope all;
  auto add = [&](const OGRGeometry* g) {
    if (!g) return;
    OGREnvelope e;
    g->getEnvelope(&e);
    all.Merge(e);
  };
  for (const auto& c : atlas.countries) add(c.geometry.get());
  for (const auto& p : atlas.pieces) add(p.geometry.get());
  if (!all.IsInit()) return;
  double west = all.MinX - 0.5, east = all.MaxX + 0.5, south = all.MinY - 0.5, north = all.MaxY + 0.5;
  double k = std::cos((south + north) / 2 * M_PI / 180);  // equirectangular, true to scale at mid-latitude
  double w = std::min(140.0, (fr.x1 - fr.x0) * 0.26), h = w * (north - south) / ((east - west) * k);
  Box b{fr.x1 - w - 8, fr.y1 - h - 8, fr.x1 - 8, fr.y1 - 8};
  auto to_inset = [&](double lon, double lat, Pt& v) {
    v = {b.x0 + (lon - west) / (east - west) * w, b.y1 - (lat - south) / (north - south) * h};
    return true;
  };
  cairo_t* cr = f.cr;
  cairo_save(cr);
  cairo_rectangle(cr, b.x0, b.y0, w, h);
  cairo_clip(cr);
  set_rgb(cr, f.style.water);
  cairo_paint(cr);
  set_rgb(cr, f.style.land);
  for (const auto& c : atlas.countries) fill_shape(cr, page_shape(c.geometry.get(), to_inset));
  set_rgb(cr, f.style.water);
  for (const auto& wb : atlas.water) fill_shape(cr, page_shape(wb.geometry.get(), to_inset));
  set_rgb(cr, f.style.text, 0.3);  // the reconstructed area, whatever its state
  for (const auto& p : atlas.pieces) fill_shape(cr, page_shape(p.geometry.get(), to_inset));
  // The part the map shows: its frame's outline, through the map's projection and back.
  Ring extent;
  for (auto [lon, lat] : frame_edge_lonlat(im, 16)) {
    Pt v;
    to_inset(lon, lat, v);
    extent.push_back(v);
  }
  if (!extent.empty()) extent.push_back(extent.front());
  set_rgb(cr, f.style.conflict.colour);
  cairo_set_line_width(cr, 1.2);
  append_lines(cr, {extent});
  cairo_stroke(cr);
  cairo_restore(cr);
  cairo_rectangle(cr, b.x0, b.y0, w, h);
  set_rgb(cr, f.style.text);
  cairo_set_line_width(cr, 0.6);
  cairo_stroke(cr);
}

}  // namespace histmap
