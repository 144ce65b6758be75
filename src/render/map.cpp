#include "render/map.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <map>
#include <mutex>
#include <regex>
#include <set>
#include <tuple>

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <cairo.h>
#include <geodesic.h>
#include <ogr_api.h>
#include <ogr_spatialref.h>
#include <pango/pangocairo.h>

#include "render/text.hpp"
#include "time/timeline.hpp"
#include "util/atomic_file.hpp"

namespace histmap {
namespace fs = std::filesystem;

namespace {

struct Pt {
  double x, y;
};
using Ring = std::vector<Pt>;
using Shape = std::vector<Ring>;  // rings of one or more polygons (even-odd/winding fill)

struct Box {
  double x0, y0, x1, y1;
  bool overlaps(const Box& o) const { return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1; }
};

constexpr double kMargin = 18, kTitleBand = 44, kCreditBand = 26, kLegendWidth = 176, kGap = 10;

void set_rgb(cairo_t* cr, const Rgb& c, double alpha = 1) { cairo_set_source_rgba(cr, c.r, c.g, c.b, alpha); }

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

void stroke_line(cairo_t* cr, const LineStyle& l, double alpha = 1) {
  set_rgb(cr, l.colour, alpha);
  cairo_set_line_width(cr, l.width);
  cairo_set_dash(cr, l.dash.empty() ? nullptr : l.dash.data(), static_cast<int>(l.dash.size()), 0);
  cairo_stroke(cr);
  cairo_set_dash(cr, nullptr, 0, 0);
}

// Parallel lines across `box` at `angle` degrees, `spacing` apart (for hatches and stripes).
void parallel_lines(cairo_t* cr, const Box& box, double angle_deg, double spacing, double offset = 0) {
  double a = angle_deg * M_PI / 180, dx = std::cos(a), dy = std::sin(a);
  double cx = (box.x0 + box.x1) / 2, cy = (box.y0 + box.y1) / 2;
  double r = std::hypot(box.x1 - box.x0, box.y1 - box.y0) / 2 + spacing;
  for (double t = -r + std::fmod(offset, spacing); t <= r; t += spacing) {
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

std::string name_in(const Names& names, const std::string& lang, const std::string& fallback) {
  auto it = names.find(lang);
  if (it == names.end()) it = names.find("en");
  return it == names.end() ? fallback : it->second;
}

// Pango text: layout at (x, y) top-left; returns its size.
struct Text {
  cairo_t* cr;
  std::string family;
  PangoLayout* layout(const std::string& s, double size, bool bold = false, double width = -1) const {
    return text_layout(cr, family, s, size, bold, width);
  }
  Pt size(const std::string& s, double sz, bool bold = false, double width = -1) const {
    PangoLayout* l = layout(s, sz, bold, width);
    int w, h;
    pango_layout_get_size(l, &w, &h);
    g_object_unref(l);
    return {w / double(PANGO_SCALE), h / double(PANGO_SCALE)};
  }
  Pt draw(const std::string& s, double x, double y, double sz, const Rgb& c, bool bold = false, double width = -1,
          const Rgb* halo = nullptr) const {
    PangoLayout* l = layout(s, sz, bold, width);
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
};

// The state of a group of pieces, as drawn.
struct Drawn {
  const PieceState* state;
  std::vector<int> pieces;
};

}  // namespace

struct MapCanvas::Impl {
  std::unique_ptr<OGRCoordinateTransformation> fwd, inv;
  double scale = 1, ox = 0, oy = 0;     // projected metres -> page points
  Box frame{};
  std::vector<Shape> pieces;            // page outlines per piece
  std::vector<bool> visible;            // piece reaches into the frame (the legend counts only these)
  std::vector<Shape> water_sea, water_lake, rivers, countries;
  std::vector<std::string> water_names;
  Shape uyezd_lines, governorate_lines;
  struct Label {
    std::string text;
    Pt at;
    double area_pt2;
  };
  std::vector<Label> region_labels;
  struct PlacePt {
    std::string text;
    Pt at;
    bool seat;
  };
  std::vector<PlacePt> places;
  geod_geodesic geod{};
  const Atlas* atlas = nullptr;
  // Dissolved outlines of piece groups (a state's area), so edges are drawn
  // along the group's boundary, not every modern district line inside it.
  mutable std::map<std::vector<int>, Shape> outline_cache;
  mutable std::mutex outline_mutex;  // frames are drawn from several threads
  const Shape& outline(const std::vector<int>& ps) const {
    std::lock_guard<std::mutex> lock(outline_mutex);
    auto it = outline_cache.find(ps);
    if (it != outline_cache.end()) return it->second;
    GeometryPtr u = atlas->union_of(ps);
    GeometryPtr b(u ? u->Boundary() : nullptr);
    return outline_cache.emplace(ps, shape_of(b.get())).first->second;
  }

  bool project(double lon, double lat, Pt& out) const {
    double x = lon, y = lat;
    if (!fwd->Transform(1, &x, &y)) return false;
    out = {ox + x * scale, oy - y * scale};
    return true;
  }
  Shape shape_of(const OGRGeometry* g) const {
    Shape s;
    std::function<void(const OGRGeometry*)> walk = [&](const OGRGeometry* x) {
      switch (wkbFlatten(x->getGeometryType())) {
        case wkbPolygon:
          for (const auto* ring : *x->toPolygon()) walk(ring);
          break;
        case wkbLineString:
        case wkbLinearRing: {
          // Snap to a 0.2 pt grid and drop repeats: detail finer than the page can
          // show goes, and edges shared by two pieces snap alike from both sides.
          constexpr double q = 0.2;
          Ring r;
          for (const auto& p : *x->toSimpleCurve()) {
            Pt v;
            if (!project(p.getX(), p.getY(), v)) continue;
            v = {std::round(v.x / q) * q, std::round(v.y / q) * q};
            if (r.empty() || v.x != r.back().x || v.y != r.back().y) r.push_back(v);
          }
          s.push_back(std::move(r));
          break;
        }
        case wkbMultiPolygon:
        case wkbMultiLineString:
        case wkbGeometryCollection:
          for (const auto* sub : *x->toGeometryCollection()) walk(sub);
          break;
        default:
          break;
      }
    };
    if (g) walk(g);
    return s;
  }
};

bool parse_page_size(const std::string& text, double dpi, double& w, double& h, std::string& error) {
  static const std::regex re(R"((\d+(?:\.\d+)?)x(\d+(?:\.\d+)?)(mm|px)?)");
  std::smatch m;
  if (!std::regex_match(text, m, re)) {
    error = "--size " + text + ": expected WIDTHxHEIGHT in pixels (1600x1200) or millimetres (297x210mm)";
    return false;
  }
  double a = std::stod(m[1]), b = std::stod(m[2]);
  if (m[3] == "mm") {
    if (a < 30 || b < 30 || a > 2000 || b > 2000) {
      error = "--size " + text + ": each side must be between 30 and 2000 mm";
      return false;
    }
    w = a / 25.4 * 72;
    h = b / 25.4 * 72;
  } else {
    if (a < 200 || b < 150 || a > 20000 || b > 20000) {
      error = "--size " + text + ": each side must be between 200x150 and 20000x20000 pixels";
      return false;
    }
    w = a * 72 / dpi;
    h = b * 72 / dpi;
  }
  return true;
}

MapCanvas::~MapCanvas() = default;

MapCanvas::MapCanvas(const Atlas& atlas, const MapOptions& options, Report& report)
    : atlas_(atlas), options_(options), impl_(std::make_unique<Impl>()) {
  Impl& im = *impl_;
  im.atlas = &atlas;
  if (options.dpi < 36 || options.dpi > 1200) {
    report.error("--dpi", std::to_string(options.dpi) + " is outside 36-1200");
    return;
  }
  if (options.width_pt * options.dpi / 72 > 20000 || options.height_pt * options.dpi / 72 > 20000) {
    report.error("--size/--dpi", "the raster would exceed 20000 pixels on a side; lower --dpi or --size");
    return;
  }
  // 1. Extent in lon/lat.
  double w = 180, s = 90, e = -180, n = -90;
  auto grow = [&](const OGRGeometry& g) {
    OGREnvelope env;
    g.getEnvelope(&env);
    w = std::min(w, env.MinX), e = std::max(e, env.MaxX), s = std::min(s, env.MinY), n = std::max(n, env.MaxY);
  };
  if (options.bbox) {
    auto [bw, bs, be, bn] = *options.bbox;
    if (!(bw < be && bs < bn && bw >= -180 && be <= 180 && bs >= -90 && bn <= 90)) {
      report.error("--bbox", "must be WEST,SOUTH,EAST,NORTH in degrees with west < east and south < north");
      return;
    }
    w = bw, s = bs, e = be, n = bn;
  } else {
    std::vector<int> ps;
    if (!options.region.empty()) {
      int r = atlas.region_index(options.region);
      if (r < 0) {
        report.error("--region", options.region + ": no such region in the dataset");
        return;
      }
      ps = atlas.regions[r].pieces;
    } else {
      for (size_t i = 0; i < atlas.pieces.size(); ++i) ps.push_back(static_cast<int>(i));
    }
    for (int p : ps) grow(*atlas.pieces[p].geometry);
    if (ps.empty()) {
      report.error("--region", "nothing to frame: the dataset has no pieces");
      return;
    }
    double mx = (e - w) * 0.08, my = (n - s) * 0.08;  // margin around the framed area
    w -= mx, e += mx, s -= my, n += my;
  }
  // 2. Projection: PROJ through OGR. Default: Lambert conformal conic with standard
  //    parallels at 1/6 and 5/6 of the extent, centred on it.
  OGRSpatialReference wgs, dst;
  wgs.SetWellKnownGeogCS("WGS84");
  wgs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  std::string crs = options.crs;
  if (crs.empty()) {
    char buf[256];
    std::snprintf(buf, sizeof buf, "+proj=lcc +lat_0=%.4f +lon_0=%.4f +lat_1=%.4f +lat_2=%.4f +datum=WGS84 +units=m +no_defs",
                  (s + n) / 2, (w + e) / 2, s + (n - s) / 6, n - (n - s) / 6);
    crs = buf;
  }
  CPLPushErrorHandler(CPLQuietErrorHandler);
  OGRErr err = dst.SetFromUserInput(crs.c_str());
  CPLPopErrorHandler();
  if (err != OGRERR_NONE) {
    report.error("--crs", crs + ": not a coordinate reference system PROJ knows (try EPSG:3857 or a +proj= string)");
    return;
  }
  dst.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  if (dst.IsGeographic()) {
    report.error("--crs", crs + ": is geographic (degrees); give a projected CRS, e.g. EPSG:3857 or +proj=lcc ...");
    return;
  }
  im.fwd.reset(OGRCreateCoordinateTransformation(&wgs, &dst));
  im.inv.reset(OGRCreateCoordinateTransformation(&dst, &wgs));
  if (!im.fwd || !im.inv) {
    report.error("--crs", crs + ": PROJ cannot transform between WGS84 and it");
    return;
  }
  // 3. Frame on the page and the fit of the projected extent.
  double legend_w = options.legend ? kLegendWidth + kGap : 0;
  im.frame = {kMargin, kMargin + kTitleBand, options.width_pt - kMargin - legend_w,
              options.height_pt - kMargin - kCreditBand};
  if (im.frame.x1 - im.frame.x0 < 100 || im.frame.y1 - im.frame.y0 < 80) {
    report.error("--size", "the page is too small for a map with title, legend and credit");
    return;
  }
  double px0 = 1e300, py0 = 1e300, px1 = -1e300, py1 = -1e300;
  for (int i = 0; i <= 40; ++i)
    for (int j = 0; j <= 40; ++j) {
      if (i != 0 && i != 40 && j != 0 && j != 40) continue;  // the edges
      double x = w + (e - w) * i / 40, y = s + (n - s) * j / 40;
      if (!im.fwd->Transform(1, &x, &y)) continue;
      px0 = std::min(px0, x), px1 = std::max(px1, x), py0 = std::min(py0, y), py1 = std::max(py1, y);
    }
  if (!(px1 > px0 && py1 > py0)) {
    report.error("--crs", crs + ": the map area cannot be projected with it");
    return;
  }
  double fw = im.frame.x1 - im.frame.x0, fh = im.frame.y1 - im.frame.y0;
  im.scale = std::min(fw / (px1 - px0), fh / (py1 - py0));
  im.ox = im.frame.x0 + fw / 2 - (px0 + px1) / 2 * im.scale;
  im.oy = im.frame.y0 + fh / 2 + (py0 + py1) / 2 * im.scale;

  // 4. Everything that does not depend on the date, projected once.
  for (const auto& p : atlas.pieces) {
    im.pieces.push_back(im.shape_of(p.geometry.get()));
    im.visible.push_back(shape_box(im.pieces.back()).overlaps(im.frame));
  }
  for (const auto& wb : atlas.water) (wb.kind == "sea" ? im.water_sea : im.water_lake).push_back(im.shape_of(wb.geometry.get()));
  for (const auto& r : atlas.rivers) im.rivers.push_back(im.shape_of(r.geometry.get()));
  for (const auto& c : atlas.countries) im.countries.push_back(im.shape_of(c.geometry.get()));
  for (const auto& reg : atlas.regions) {
    if (reg.kind == RegionKind::Part || reg.pieces.empty()) continue;
    GeometryPtr u = atlas.union_of(reg.pieces);
    if (!u) continue;
    GeometryPtr boundary(u->Boundary());
    Shape lines = im.shape_of(boundary.get());
    auto& dest = reg.kind == RegionKind::Uyezd ? im.uyezd_lines : im.governorate_lines;
    dest.insert(dest.end(), lines.begin(), lines.end());
    if (reg.kind == RegionKind::Uyezd) {
      GeometryPtr inside(OGRGeometry::FromHandle(OGR_G_PointOnSurface(OGRGeometry::ToHandle(u.get()))));
      Pt at;
      if (inside && im.project(inside->toPoint()->getX(), inside->toPoint()->getY(), at)) {
        Box b = shape_box(im.shape_of(u.get()));
        im.region_labels.push_back({name_in(reg.names, options.lang, reg.id), at, (b.x1 - b.x0) * (b.y1 - b.y0)});
      }
    }
  }
  std::stable_sort(im.region_labels.begin(), im.region_labels.end(),
                   [](const Impl::Label& a, const Impl::Label& b) { return a.area_pt2 > b.area_pt2; });
  for (const auto& pl : atlas.places) {
    Pt at;
    if (im.project(pl.lon, pl.lat, at)) im.places.push_back({name_in(pl.names, options.lang, pl.id), at, !pl.seat_of.empty()});
  }
  // 5. Scale at the frame's centre: two page points 100 pt apart, back to lon/lat, geodesic distance (PROJ).
  geod_init(&im.geod, 6378137, 1 / 298.257223563);
  double cx = (im.frame.x0 + im.frame.x1) / 2, cy = (im.frame.y0 + im.frame.y1) / 2;
  auto page_to_lonlat = [&](double x, double y, double& lon, double& lat) {
    lon = (x - im.ox) / im.scale, lat = (im.oy - y) / im.scale;
    return static_cast<bool>(im.inv->Transform(1, &lon, &lat));
  };
  double lon1, lat1, lon2, lat2, dist = 0, a1, a2;
  if (!page_to_lonlat(cx - 50, cy, lon1, lat1) || !page_to_lonlat(cx + 50, cy, lon2, lat2)) {
    report.error("--crs", "cannot measure the scale at the map centre with this projection");
    return;
  }
  geod_inverse(&im.geod, lat1, lon1, lat2, lon2, &dist, &a1, &a2);
  double km_per_pt = dist / 1000 / 100;
  double target = (im.frame.x1 - im.frame.x0) * 0.22 * km_per_pt;  // about a fifth of the frame
  double pow10 = std::pow(10, std::floor(std::log10(target)));
  double nice = pow10;
  for (double f : {1.0, 2.0, 5.0, 10.0})
    if (f * pow10 <= target) nice = f * pow10;
  scale_ = {nice, nice / km_per_pt, 0, 0};
  page_to_lonlat(cx, cy, scale_.lon, scale_.lat);
  ok_ = true;
}

std::vector<std::vector<std::vector<std::array<double, 2>>>> MapCanvas::piece_outlines() const {
  std::vector<std::vector<std::vector<std::array<double, 2>>>> out;
  for (const auto& shape : impl_->pieces) {
    std::vector<std::vector<std::array<double, 2>>> rings;
    for (const auto& ring : shape) {
      std::vector<std::array<double, 2>> r;
      for (const auto& p : ring) r.push_back({p.x, p.y});
      rings.push_back(std::move(r));
    }
    out.push_back(std::move(rings));
  }
  return out;
}

std::vector<std::vector<std::array<double, 2>>> MapCanvas::layer_outline(const std::string& name) const {
  const Impl& im = *impl_;
  std::vector<const Shape*> shapes;
  if (name == "sea") for (const auto& s : im.water_sea) shapes.push_back(&s);
  if (name == "lakes") for (const auto& s : im.water_lake) shapes.push_back(&s);
  if (name == "countries") for (const auto& s : im.countries) shapes.push_back(&s);
  if (name == "rivers") for (const auto& s : im.rivers) shapes.push_back(&s);
  if (name == "uyezd_lines") shapes.push_back(&im.uyezd_lines);
  if (name == "governorate_lines") shapes.push_back(&im.governorate_lines);
  std::vector<std::vector<std::array<double, 2>>> out;
  for (const Shape* s : shapes)
    for (const auto& ring : *s) {
      std::vector<std::array<double, 2>> r;
      for (const auto& p : ring) r.push_back({p.x, p.y});
      out.push_back(std::move(r));
    }
  return out;
}

std::array<double, 4> MapCanvas::frame() const {
  const Box& f = impl_->frame;
  return {f.x0, f.y0, f.x1, f.y1};
}

bool MapCanvas::to_page(double lon, double lat, double& x, double& y) const {
  Pt p;
  if (!impl_->project(lon, lat, p)) return false;
  x = p.x, y = p.y;
  return true;
}

bool MapCanvas::to_pixel(double lon, double lat, double& px, double& py) const {
  if (!to_page(lon, lat, px, py)) return false;
  px *= pixel_scale(), py *= pixel_scale();
  return true;
}

namespace {

Rgb polity_colour(const Atlas& atlas, const Style& style, int polity) { return style.colour_of(atlas.polities[polity]); }

void draw_pattern(cairo_t* cr, const std::string& pattern, const Box& b, double lw) {
  if (pattern == "dots" || pattern == "circles") {
    double step = pattern == "dots" ? 5.5 : 8;
    for (double y = std::floor(b.y0 / step) * step; y <= b.y1; y += step)
      for (double x = std::floor(b.x0 / step) * step + (static_cast<long>(y / step) % 2) * step / 2; x <= b.x1; x += step) {
        cairo_new_sub_path(cr);
        cairo_arc(cr, x, y, pattern == "dots" ? 0.75 : 1.8, 0, 2 * M_PI);
      }
    if (pattern == "dots") cairo_fill(cr);
    else {
      cairo_set_line_width(cr, 0.5);
      cairo_stroke(cr);
    }
    return;
  }
  double angle = 0, spacing = 4, width = lw;
  if (pattern == "horizontal") angle = 0, spacing = 4.5, width = 0.4;
  else if (pattern == "vertical") angle = 90, spacing = 5, width = 0.35;
  else if (pattern == "sparse") angle = 30, spacing = 9, width = 0.6;
  else if (pattern == "crosshatch") {
    parallel_lines(cr, b, 45, 6);
    parallel_lines(cr, b, -45, 6);
    cairo_set_line_width(cr, 0.45);
    cairo_stroke(cr);
    return;
  } else
    return;
  parallel_lines(cr, b, angle, spacing);
  cairo_set_line_width(cr, width);
  cairo_stroke(cr);
}

}  // namespace

std::vector<LegendEntry> MapCanvas::draw(cairo_t* cr, const Resolver& resolver, Day day, const Style& style) const {
  std::vector<LegendEntry> legend;
  const Impl& im = *impl_;
  const Atlas& atlas = atlas_;
  const double W = options_.width_pt, H = options_.height_pt;
  Text text{cr, style.font_family};

  // Background and frame.
  set_rgb(cr, style.page);
  cairo_paint(cr);
  const Box& f = im.frame;
  cairo_save(cr);
  cairo_rectangle(cr, f.x0, f.y0, f.x1 - f.x0, f.y1 - f.y0);
  cairo_clip(cr);
  set_rgb(cr, style.water);
  cairo_paint(cr);
  // Land: modern countries where the GSHHG says land; seas and lakes on top.
  set_rgb(cr, style.land);
  for (const auto& c : im.countries) append(cr, c);
  cairo_set_fill_rule(cr, CAIRO_FILL_RULE_WINDING);
  cairo_fill(cr);
  set_rgb(cr, style.water);
  for (const auto& s : im.water_sea) append(cr, s);
  cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_fill(cr);

  // States: pieces grouped by identical state, each group filled as one path (no seams).
  std::vector<int> all(atlas.pieces.size());
  for (size_t i = 0; i < all.size(); ++i) all[i] = static_cast<int>(i);
  auto groups = group_by_state(resolver, all, day);
  std::set<int> controllers, claimants;
  std::set<std::tuple<std::string, int, int>> designation_keys;  // type, by, beneficiary as drawn
  bool any_conflict = false, any_uncertain = false, any_no_controller = false, any_none = false;
  auto group_path = [&](const StateGroup& g) {
    cairo_new_path(cr);
    for (int p : g.pieces) append(cr, im.pieces[p]);
  };
  auto group_box = [&](const StateGroup& g) {
    Box b{1e18, 1e18, -1e18, -1e18};
    for (int p : g.pieces) {
      Box q = shape_box(im.pieces[p]);
      b = {std::min(b.x0, q.x0), std::min(b.y0, q.y0), std::max(b.x1, q.x1), std::max(b.y1, q.y1)};
    }
    return b;
  };
  // Only groups that reach into the frame are drawn, and only they feed the legend.
  groups.erase(std::remove_if(groups.begin(), groups.end(),
                              [&](const StateGroup& g) {
                                return std::none_of(g.pieces.begin(), g.pieces.end(), [&](int p) { return im.visible[p]; });
                              }),
               groups.end());
  cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);
  for (const auto& g : groups) {
    const PieceState& s = *g.state;
    group_path(g);
    bool control_conflict = false;
    for (const auto& c : s.conflicts) control_conflict = control_conflict || c.about == "control";
    if (s.assertions.empty()) {
      set_rgb(cr, style.no_assertion);
      any_none = true;
      cairo_fill(cr);
    } else if (control_conflict) {
      // Stripes in the colours of the disagreeing sides.
      set_rgb(cr, style.page);
      cairo_fill_preserve(cr);
      cairo_save(cr);
      cairo_clip(cr);
      Box b = group_box(g);
      const auto& sides = std::find_if(s.conflicts.begin(), s.conflicts.end(), [](const ConflictRef& c) {
                            return c.about == "control";
                          })->sides;
      for (size_t i = 0; i < sides.size(); ++i) {
        parallel_lines(cr, b, 60, style.conflict_stripe * static_cast<double>(sides.size()),
                       style.conflict_stripe * static_cast<double>(i));
        set_rgb(cr, polity_colour(atlas, style, sides[i].party));
        cairo_set_line_width(cr, style.conflict_stripe);
        cairo_stroke(cr);
        controllers.insert(sides[i].party);
      }
      cairo_restore(cr);
      any_conflict = true;
    } else if (s.controller >= 0) {
      bool unsure = s.control_uncertain();
      set_rgb(cr, polity_colour(atlas, style, s.controller), unsure ? style.uncertain_alpha : 1.0);
      if (unsure) {
        cairo_save(cr);
        set_rgb(cr, style.page);
        cairo_fill_preserve(cr);
        cairo_restore(cr);
        set_rgb(cr, polity_colour(atlas, style, s.controller), style.uncertain_alpha);
      }
      cairo_fill(cr);
      controllers.insert(s.controller);
      any_uncertain = any_uncertain || unsure;
    } else {
      set_rgb(cr, style.no_controller);
      cairo_fill(cr);
      any_no_controller = true;
      any_uncertain = any_uncertain || !s.control.empty();
    }
  }
  // Claims: hatching in each claimant's colour, one angle per claimant.
  const double angles[] = {45, -45, 15, -75, 75, -15};
  for (const auto& g : groups) {
    const PieceState& s = *g.state;
    if (s.claimants.empty()) continue;
    Box b = group_box(g);
    cairo_save(cr);
    group_path(g);
    cairo_clip(cr);
    for (size_t i = 0; i < s.claimants.size(); ++i) {
      int party = s.claimants[i].party;
      parallel_lines(cr, b, angles[static_cast<size_t>(party) % 6], style.hatch_spacing);
      set_rgb(cr, polity_colour(atlas, style, party), s.claimants[i].certain ? 0.95 : 0.55);
      cairo_set_line_width(cr, style.hatch_width);
      cairo_stroke(cr);
      claimants.insert(party);
    }
    cairo_restore(cr);
  }
  // Designations: patterns from the style.
  for (const auto& g : groups) {
    for (const auto& d : g.state->designations) {
      auto it = style.designations.find(d.type);
      if (it == style.designations.end() || it->second.pattern == "none") continue;
      const PatternStyle& ps = it->second;
      Rgb c = ps.colour;
      if (ps.colour_rule == "by") c = polity_colour(atlas, style, d.by);
      if (ps.colour_rule == "beneficiary" && d.beneficiary >= 0) c = polity_colour(atlas, style, d.beneficiary);
      Box b = group_box(g);
      cairo_save(cr);
      group_path(g);
      cairo_clip_preserve(cr);
      set_rgb(cr, c, d.certain ? 1.0 : 0.6);
      if (ps.pattern == "outline" || ps.pattern == "ring") {
        cairo_new_path(cr);
        append_lines(cr, im.outline(g.pieces));
        cairo_set_line_width(cr, ps.pattern == "outline" ? 3.0 : 2.6);  // half of it shows inside the clip
        double dash[] = {4, 2};
        if (ps.pattern == "ring") cairo_set_dash(cr, dash, 2, 0);
        cairo_stroke(cr);
        cairo_set_dash(cr, nullptr, 0, 0);
      } else {
        cairo_new_path(cr);
        draw_pattern(cr, ps.pattern, b, 0.6);
      }
      cairo_restore(cr);
      designation_keys.insert({d.type, ps.colour_rule == "by" ? d.by : -1,
                               ps.colour_rule == "beneficiary" ? d.beneficiary : -1});
    }
  }
  // Conflict marks on top: an inner outline in the conflict colour (also for conflicts over assignment).
  for (const auto& g : groups) {
    if (!g.state->conflict()) continue;
    cairo_save(cr);
    group_path(g);
    cairo_clip(cr);
    append_lines(cr, im.outline(g.pieces));
    double dash[] = {5, 2.5};
    cairo_set_dash(cr, dash, 2, 0);
    set_rgb(cr, style.conflict.colour);
    cairo_set_line_width(cr, style.conflict.width * 2);
    cairo_stroke(cr);
    cairo_restore(cr);
    any_conflict = true;
  }
  // Uncertain control: a dotted edge as well as the lighter fill.
  for (const auto& g : groups) {
    if (!g.state->control_uncertain() || g.state->conflict()) continue;
    append_lines(cr, im.outline(g.pieces));
    stroke_line(cr, style.uncertain_outline);
  }
  // Lakes, rivers, lines.
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
  if (options_.piece_lines) {
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
  if (options_.modern_borders) {
    for (const auto& c : im.countries) append(cr, c);
    stroke_line(cr, style.modern_border);
  }
  // Places and labels, placed greedily without overlaps (larger uyezds first).
  std::vector<Box> taken;
  for (const auto& pl : im.places) {
    if (!pl.seat) continue;
    double r = style.place_radius + 0.5;
    taken.push_back({pl.at.x - r, pl.at.y - r, pl.at.x + r, pl.at.y + r});
    cairo_new_sub_path(cr);
    cairo_arc(cr, pl.at.x, pl.at.y, style.place_radius, 0, 2 * M_PI);
  }
  set_rgb(cr, style.place_colour);
  cairo_fill(cr);
  if (options_.labels) {
    for (const auto& lab : im.region_labels) {
      Pt sz = text.size(lab.text, style.font_region, true);
      // At the interior point, else nudged up or down by a line or two.
      for (double dy : {0.0, -1.0, 1.0}) {
        double cy = lab.at.y + dy * sz.y;
        Box b{lab.at.x - sz.x / 2, cy - sz.y / 2, lab.at.x + sz.x / 2, cy + sz.y / 2};
        if (b.x0 < f.x0 || b.x1 > f.x1 || b.y0 < f.y0 || b.y1 > f.y1) continue;
        if (std::any_of(taken.begin(), taken.end(), [&](const Box& t) { return t.overlaps(b); })) continue;
        text.draw(lab.text, b.x0, b.y0, style.font_region, style.text, true, -1, &style.page);
        taken.push_back(b);
        break;
      }
    }
    for (const auto& pl : im.places) {
      if (!pl.seat) continue;
      Pt sz = text.size(pl.text, style.font_place);
      for (double dy : {-sz.y / 2, -sz.y - 1, 1.0}) {  // right of the point, then above, then below
        Box b{pl.at.x + style.place_radius + 1.5, pl.at.y + dy, pl.at.x + style.place_radius + 1.5 + sz.x,
              pl.at.y + dy + sz.y};
        if (b.x1 > f.x1 || b.y0 < f.y0 || b.y1 > f.y1) continue;
        if (std::any_of(taken.begin(), taken.end(), [&](const Box& t) { return t.overlaps(b); })) continue;
        text.draw(pl.text, b.x0, b.y0, style.font_place, style.text, false, -1, &style.page);
        taken.push_back(b);
        break;
      }
    }
  }
  // Scale bar (bottom left) and north arrow (top right), inside the frame.
  {
    double x = f.x0 + 12, y = f.y1 - 14, len = scale_.length_pt;
    set_rgb(cr, style.page, 0.8);
    cairo_rectangle(cr, x - 6, y - 16, len + 40, 26);
    cairo_fill(cr);
    for (int i = 0; i < 4; ++i) {
      cairo_rectangle(cr, x + len * i / 4, y, len / 4, 3);
      set_rgb(cr, i % 2 ? style.page : style.text);
      cairo_fill_preserve(cr);
      set_rgb(cr, style.text);
      cairo_set_line_width(cr, 0.5);
      cairo_stroke(cr);
    }
    char km[32];
    std::snprintf(km, sizeof km, "%g km", scale_.km);
    text.draw("0", x - 2, y - 11, style.font_place, style.text);
    text.draw(km, x + len - 4, y - 11, style.font_place, style.text);
    // North: the direction of the meridian at the frame's top-right corner.
    double nx = f.x1 - 18, ny = f.y0 + 30;
    double lon = (nx - im.ox) / im.scale, lat = (im.oy - ny) / im.scale;
    double dx = 0, dy = -1;
    if (im.inv->Transform(1, &lon, &lat)) {
      Pt a, b;
      if (im.project(lon, lat, a) && im.project(lon, lat + 0.2, b)) {
        double l = std::hypot(b.x - a.x, b.y - a.y);
        if (l > 0) dx = (b.x - a.x) / l, dy = (b.y - a.y) / l;
      }
    }
    cairo_move_to(cr, nx + dx * 12, ny + dy * 12);
    cairo_line_to(cr, nx - dy * 4 - dx * 6, ny + dx * 4 - dy * 6);
    cairo_line_to(cr, nx + dy * 4 - dx * 6, ny - dx * 4 - dy * 6);
    cairo_close_path(cr);
    set_rgb(cr, style.text);
    cairo_fill(cr);
    text.draw("N", nx + dx * 14 - 3, ny + dy * 14 - 10, style.font_place, style.text, true);
  }
  cairo_restore(cr);  // frame clip
  cairo_rectangle(cr, f.x0, f.y0, f.x1 - f.x0, f.y1 - f.y0);
  set_rgb(cr, style.text);
  cairo_set_line_width(cr, 0.6);
  cairo_stroke(cr);

  // Title, date in words, credit line.
  std::string title = options_.title.empty() ? "South Caucasus: territorial control as the loaded sources assert it"
                                             : options_.title;
  double title_size = style.font_title;  // shrink a long title to one line rather than wrap into the subtitle
  while (title_size > 8 && text.size(title, title_size, true).x > W - 2 * kMargin) title_size *= 0.94;
  text.draw(title, kMargin, kMargin, title_size, style.text, true);
  if (options_.date_caption)
    text.draw(format_day_words(day) + " — each area shows what the sources assert for this day, not established fact",
              kMargin, kMargin + style.font_title * 1.6, style.font_subtitle, style.text, false, W - 2 * kMargin);
  std::set<int> used_sources;
  for (const auto& g : groups)
    for (int a : g.state->assertions) used_sources.insert(atlas.assertions[a].source);
  std::string credit;
  for (int sidx : used_sources) credit += (credit.empty() ? "" : "; ") + atlas.sources[sidx].id + " (" + atlas.sources[sidx].title + ")";
  credit = used_sources.empty() ? "Sources: none of the loaded sources asserts anything for this day. "
                                : "Sources: " + credit + ". Each records one side's account (see its perspective note). ";
  credit += "Boundaries: reconstruction from geoBoundaries (Runfola et al. 2020), CC BY-SA 3.0 / ODbL, "
            "© OpenStreetMap contributors; coast, lakes, rivers GSHHG (LGPL). Made with histmap.";
  text.draw(credit, kMargin, H - kMargin - kCreditBand + 6, style.font_credit, style.text, false, W - 2 * kMargin);

  // Legend: only what is on the map.
  auto add = [&](std::string kind, std::string key, std::string label) {
    legend.push_back({std::move(kind), std::move(key), std::move(label)});
  };
  for (int p : controllers) add("controller", atlas.polities[p].id, "Controlled by " + name_in(atlas.polities[p].names, options_.lang, atlas.polities[p].id));
  if (any_conflict) add("conflict", "conflict", "Sources disagree: red dashed edge; on control, stripes in the sides' colours");
  if (any_uncertain) add("uncertain", "uncertain", "Imprecise date: lighter fill, dotted edge");
  if (any_no_controller) add("no_controller", "no_controller", "Claims or statuses, no controller asserted");
  if (any_none) add("no_assertion", "no_assertion", "No assertion in the loaded sources");
  for (int p : claimants) add("claim", atlas.polities[p].id, "Claimed by " + name_in(atlas.polities[p].names, options_.lang, atlas.polities[p].id));
  auto pname = [&](int p) { return name_in(atlas.polities[p].names, options_.lang, atlas.polities[p].id); };
  for (const auto& [t, by, ben] : designation_keys) {
    std::string label;
    if (t == "disputed") label = "Declared disputed";
    else if (t == "neutral_zone") label = "Neutral zone";
    else if (t == "protectorate") label = "Protectorate";
    else if (t == "autonomy") label = "Autonomy";
    else if (t == "troops_present") label = "Troops present";
    else if (t == "assigned") label = "Assigned by treaty, decree or declaration";
    else if (t == "self_determination") label = "Right of self-determination declared";
    else if (t == "partial_transfer") label = "Part transferred";
    else label = t;
    if (by >= 0) label += ": " + pname(by);
    if (ben >= 0) label += " to " + pname(ben);
    add("designation", t + (by >= 0 ? ":" + atlas.polities[by].id : "") + (ben >= 0 ? ">" + atlas.polities[ben].id : ""),
        label);
  }
  add("line", "uyezd", "Uyezd / okrug boundary");
  add("line", "governorate", "Governorate / oblast boundary");
  if (options_.modern_borders) add("line", "modern", "Modern international border");
  if (options_.piece_lines) add("line", "piece", "Piece (modern district) boundary");
  add("place", "seat", "Uyezd seat");
  if (options_.legend) {
    double x = f.x1 + kGap, y = f.y0;
    text.draw("Legend", x, y, style.font_legend + 1.5, style.text, true);
    y += style.font_legend * 2.4;
    for (const auto& e : legend) {
      Box sw{x, y + 1, x + 18, y + 11};
      cairo_save(cr);
      cairo_rectangle(cr, sw.x0, sw.y0, sw.x1 - sw.x0, sw.y1 - sw.y0);
      cairo_clip_preserve(cr);
      cairo_new_path(cr);
      auto swatch_fill = [&](const Rgb& c, double a) {
        cairo_rectangle(cr, sw.x0, sw.y0, sw.x1 - sw.x0, sw.y1 - sw.y0);
        set_rgb(cr, c, a);
        cairo_fill(cr);
      };
      swatch_fill(style.page, 1);
      if (e.kind == "controller") swatch_fill(polity_colour(atlas, style, atlas.polity_index(e.key)), 1);
      else if (e.kind == "no_controller") swatch_fill(style.no_controller, 1);
      else if (e.kind == "no_assertion") swatch_fill(style.no_assertion, 1);
      else if (e.kind == "uncertain") {
        swatch_fill(style.text, style.uncertain_alpha * 0.6);
        cairo_rectangle(cr, sw.x0, sw.y0, sw.x1 - sw.x0, sw.y1 - sw.y0);
        stroke_line(cr, style.uncertain_outline);
      } else if (e.kind == "conflict") {
        parallel_lines(cr, sw, 60, 4);
        set_rgb(cr, style.conflict.colour, 0.45);
        cairo_set_line_width(cr, 1.5);
        cairo_stroke(cr);
        cairo_rectangle(cr, sw.x0, sw.y0, sw.x1 - sw.x0, sw.y1 - sw.y0);
        double dash[] = {3, 1.5};
        cairo_set_dash(cr, dash, 2, 0);
        set_rgb(cr, style.conflict.colour);
        cairo_set_line_width(cr, style.conflict.width * 2);
        cairo_stroke(cr);
        cairo_set_dash(cr, nullptr, 0, 0);
      } else if (e.kind == "claim") {
        int p = atlas.polity_index(e.key);
        parallel_lines(cr, sw, angles[static_cast<size_t>(p) % 6], style.hatch_spacing);
        set_rgb(cr, polity_colour(atlas, style, p));
        cairo_set_line_width(cr, style.hatch_width);
        cairo_stroke(cr);
      } else if (e.kind == "designation") {
        std::string type = e.key.substr(0, e.key.find_first_of(":>"));
        const PatternStyle& ps = style.designations.at(type);
        Rgb c = ps.colour;
        if (auto p = e.key.find(':'); p != std::string::npos)
          c = polity_colour(atlas, style, atlas.polity_index(e.key.substr(p + 1, e.key.find('>') - p - 1)));
        if (auto p = e.key.find('>'); p != std::string::npos)
          c = polity_colour(atlas, style, atlas.polity_index(e.key.substr(p + 1)));
        set_rgb(cr, c);
        if (ps.pattern == "outline" || ps.pattern == "ring") {
          cairo_rectangle(cr, sw.x0, sw.y0, sw.x1 - sw.x0, sw.y1 - sw.y0);
          cairo_set_line_width(cr, 3);
          double dash[] = {4, 2};
          if (ps.pattern == "ring") cairo_set_dash(cr, dash, 2, 0);
          cairo_stroke(cr);
          cairo_set_dash(cr, nullptr, 0, 0);
        } else {
          draw_pattern(cr, ps.pattern, sw, 0.6);
        }
      } else if (e.kind == "line") {
        LineStyle l = e.key == "uyezd" ? style.uyezd_line : e.key == "governorate" ? style.governorate_line
                                                                                  : style.modern_border;
        if (e.key == "piece") l.width *= 0.5, l.dash = {1.5, 1.5};
        cairo_move_to(cr, sw.x0, (sw.y0 + sw.y1) / 2);
        cairo_line_to(cr, sw.x1, (sw.y0 + sw.y1) / 2);
        stroke_line(cr, l);
      } else if (e.kind == "place") {
        cairo_arc(cr, (sw.x0 + sw.x1) / 2, (sw.y0 + sw.y1) / 2, style.place_radius, 0, 2 * M_PI);
        set_rgb(cr, style.place_colour);
        cairo_fill(cr);
      }
      cairo_restore(cr);
      if (e.kind != "line" && e.kind != "place") {
        cairo_rectangle(cr, sw.x0, sw.y0, sw.x1 - sw.x0, sw.y1 - sw.y0);
        set_rgb(cr, style.text);
        cairo_set_line_width(cr, 0.4);
        cairo_stroke(cr);
      }
      Pt sz = text.draw(e.label, x + 24, y, style.font_legend, style.text, false, kLegendWidth - 26);
      y += std::max(14.0, sz.y + 4);
      if (y > f.y1 - 10) break;  // a very full legend is cut at the frame's foot
    }
  }

  return legend;
}

std::vector<LegendEntry> MapCanvas::render(const Resolver& resolver, Day day, const Style& style,
                                           const std::string& path, Report& report) const {
  std::vector<LegendEntry> legend;
  std::string ext = fs::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), ::tolower);
  if (ext != ".pdf" && ext != ".svg" && ext != ".png") {
    report.error(path, "unknown output format '" + ext + "'; use .pdf, .svg or .png");
    return legend;
  }
  std::string tmp = temp_path_or_report(path, report);
  if (tmp.empty()) return legend;
  const double W = options_.width_pt, H = options_.height_pt, k = pixel_scale();
  cairo_surface_t* surface = nullptr;
  if (ext == ".pdf") {
    surface = cairo_pdf_surface_create(tmp.c_str(), W, H);
    // Fixed metadata so that the same inputs give the same bytes.
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, "2000-01-01T00:00:00Z");
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, "2000-01-01T00:00:00Z");
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "histmap");
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, ("histmap " + format_day(day)).c_str());
  } else if (ext == ".svg") {
    surface = cairo_svg_surface_create(tmp.c_str(), W, H);
    cairo_svg_surface_set_document_unit(surface, CAIRO_SVG_UNIT_PT);
  } else {
    surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, static_cast<int>(std::lround(W * k)),
                                         static_cast<int>(std::lround(H * k)));
  }
  if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
    report.error(path, std::string("cannot create the drawing surface: ") + cairo_status_to_string(cairo_surface_status(surface)));
    cairo_surface_destroy(surface);
    std::error_code ec;
    fs::remove(tmp, ec);
    return legend;
  }
  cairo_t* cr = cairo_create(surface);
  if (ext == ".png") cairo_scale(cr, k, k);
  legend = draw(cr, resolver, day, style);
  cairo_destroy(cr);
  cairo_status_t st = CAIRO_STATUS_SUCCESS;
  if (ext == ".png") st = cairo_surface_write_to_png(surface, tmp.c_str());
  cairo_surface_finish(surface);
  if (st == CAIRO_STATUS_SUCCESS) st = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (st != CAIRO_STATUS_SUCCESS) {
    std::error_code ec;
    fs::remove(tmp, ec);
    report.error(path, std::string("writing failed: ") + cairo_status_to_string(st));
    legend.clear();
    return legend;
  }
  try {
    commit_temp(tmp, path);
  } catch (const OutputError& e) {
    report.error(path, e.what());
  }
  return legend;
}

}  // namespace histmap
