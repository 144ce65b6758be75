// The map's view: page layout, projection (PROJ through OGR), the fit of the
// extent into the frame, the date-independent outlines and the scale.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <regex>
#include <sstream>

#include <ogr_api.h>

#include "render/area_grid.hpp"
#include "render/canvas_cache.hpp"
#include "render/canvas_impl.hpp"
#include "symbology/legend.hpp"

namespace histmap {

const Shape& MapCanvas::Impl::outline(const std::vector<int>& ps) const {
  std::lock_guard<std::mutex> lock(outline_mutex_);
  auto it = outline_cache_.find(ps);
  if (it != outline_cache_.end()) return it->second;
  GeometryPtr u = atlas->union_of(ps);
  GeometryPtr b(u ? u->Boundary() : nullptr);
  return outline_cache_.emplace(ps, shape_of(b.get())).first->second;
}

bool MapCanvas::Impl::project(double lon, double lat, Pt& out) const {
  double x = lon, y = lat;
  if (!fwd->Transform(1, &x, &y)) return false;
  out = {ox + x * scale, oy - y * scale};
  return true;
}

bool MapCanvas::Impl::unproject(double x, double y, double& lon, double& lat) const {
  lon = (x - ox) / scale, lat = (oy - y) / scale;
  return static_cast<bool>(inv->Transform(1, &lon, &lat));
}

Shape page_shape(const OGRGeometry* g, const std::function<bool(double, double, Pt&)>& to_page) {
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
          if (!to_page(p.getX(), p.getY(), v)) continue;
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
      default: break;
    }
  };
  if (g) walk(g);
  return s;
}

Shape MapCanvas::Impl::shape_of(const OGRGeometry* g) const {
  return page_shape(g, [this](double lon, double lat, Pt& v) { return project(lon, lat, v); });
}

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

namespace {

struct Extent {
  double w = 180, s = 90, e = -180, n = -90;  // lon/lat
};

// 1. Extent in lon/lat: the --bbox, else the region's or all pieces with a margin.
bool find_extent(const Atlas& atlas, const MapOptions& options, Extent& x, Report& report) {
  if (options.bbox) {
    auto [bw, bs, be, bn] = *options.bbox;
    if (!(bw < be && bs < bn && bw >= -180 && be <= 180 && bs >= -90 && bn <= 90)) {
      report.error("--bbox", "must be WEST,SOUTH,EAST,NORTH in degrees with west < east and south < north");
      return false;
    }
    x = {bw, bs, be, bn};
    return true;
  }
  std::vector<int> ps;
  if (!options.region.empty()) {
    int r = atlas.region_index(options.region);
    if (r < 0) {
      report.error("--region", options.region + ": no such region in the dataset");
      return false;
    }
    ps = atlas.regions[r].pieces;
  } else {
    for (size_t i = 0; i < atlas.pieces.size(); ++i) ps.push_back(static_cast<int>(i));
  }
  for (int p : ps) {
    OGREnvelope env;
    atlas.pieces[p].geometry->getEnvelope(&env);
    x = {std::min(x.w, env.MinX), std::min(x.s, env.MinY), std::max(x.e, env.MaxX), std::max(x.n, env.MaxY)};
  }
  if (ps.empty()) {
    report.error("--region", "nothing to frame: the dataset has no pieces");
    return false;
  }
  double mx = (x.e - x.w) * 0.08, my = (x.n - x.s) * 0.08;  // margin around the framed area
  x = {x.w - mx, x.s - my, x.e + mx, x.n + my};
  return true;
}

// 2. Projection: PROJ through OGR. Default: Lambert conformal conic with standard
//    parallels at 1/6 and 5/6 of the extent, centred on it.
bool set_projection(const MapOptions& options, const Extent& x, MapCanvas::Impl& im, std::string& crs, Report& report) {
  OGRSpatialReference wgs, dst;
  wgs.SetWellKnownGeogCS("WGS84");
  wgs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  crs = options.crs;
  if (crs.empty()) {
    char buf[256];
    std::snprintf(buf, sizeof buf,
                  "+proj=lcc +lat_0=%.4f +lon_0=%.4f +lat_1=%.4f +lat_2=%.4f +datum=WGS84 +units=m +no_defs",
                  (x.s + x.n) / 2, (x.w + x.e) / 2, x.s + (x.n - x.s) / 6, x.n - (x.n - x.s) / 6);
    crs = buf;
  }
  CPLPushErrorHandler(CPLQuietErrorHandler);
  OGRErr err = dst.SetFromUserInput(crs.c_str());
  CPLPopErrorHandler();
  if (err != OGRERR_NONE) {
    report.error("--crs", crs + ": not a coordinate reference system PROJ knows (try EPSG:3857 or a +proj= string)");
    return false;
  }
  dst.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  if (dst.IsGeographic()) {
    report.error("--crs", crs + ": is geographic (degrees); give a projected CRS, e.g. EPSG:3857 or +proj=lcc ...");
    return false;
  }
  im.fwd.reset(OGRCreateCoordinateTransformation(&wgs, &dst));
  im.inv.reset(OGRCreateCoordinateTransformation(&dst, &wgs));
  if (!im.fwd || !im.inv) {
    report.error("--crs", crs + ": PROJ cannot transform between WGS84 and it");
    return false;
  }
  return true;
}

// The extent's box as projected, from points along its edges.
bool projected_box(const Extent& x, const MapCanvas::Impl& im, double& px0, double& py0, double& px1, double& py1) {
  px0 = 1e300, py0 = 1e300, px1 = -1e300, py1 = -1e300;
  for (int i = 0; i <= 40; ++i)
    for (int j = 0; j <= 40; ++j) {
      if (i != 0 && i != 40 && j != 0 && j != 40) continue;  // the edges
      double px = x.w + (x.e - x.w) * i / 40, py = x.s + (x.n - x.s) * j / 40;
      if (!im.fwd->Transform(1, &px, &py)) continue;
      px0 = std::min(px0, px), px1 = std::max(px1, px), py0 = std::min(py0, py), py1 = std::max(py1, py);
    }
  return px1 > px0 && py1 > py0;
}

// 3. Frame on the page and the fit of the projected extent.
bool fit_frame(const MapOptions& options, const Extent& x, const std::string& crs, MapCanvas::Impl& im,
               Report& report) {
  const bool below = options.legend && options.legend_below > 0;
  double legend_w = options.legend && !below ? (kLegendWidth + kGap) * std::max(1, options.legend_columns) : 0;
  im.frame = {kMargin, kMargin + kTitleBand, options.width_pt - kMargin - legend_w,
              options.height_pt - kMargin - kCreditBand - (below ? options.legend_below + kGap : 0)};
  if (options.panel)  // inside the panel's rectangle, the border's half width in from its edges
    im.frame = {0.5, kPanelHeading, options.width_pt - 0.5, options.height_pt - 0.5};
  if (im.frame.x1 - im.frame.x0 < 100 || im.frame.y1 - im.frame.y0 < 80) {
    report.error("--size", options.panel ? "the page is too small for this many panels; give a larger --size"
                                         : "the page is too small for a map with title, legend and credit");
    return false;
  }
  double px0, py0, px1, py1;
  if (!projected_box(x, im, px0, py0, px1, py1)) {
    report.error("--crs", crs + ": the map area cannot be projected with it");
    return false;
  }
  double fw = im.frame.x1 - im.frame.x0, fh = im.frame.y1 - im.frame.y0;
  im.scale = std::min(fw / (px1 - px0), fh / (py1 - py0));
  im.ox = im.frame.x0 + fw / 2 - (px0 + px1) / 2 * im.scale;
  im.oy = im.frame.y0 + fh / 2 + (py0 + py1) / 2 * im.scale;
  return true;
}

// 4. Everything that does not depend on the date, projected once.
void project_outlines(const Atlas& atlas, const MapOptions& options, MapCanvas::Impl& im) {
  for (const auto& p : atlas.pieces) {
    im.pieces.push_back(im.shape_of(p.geometry.get()));
    im.visible.push_back(shape_box(im.pieces.back()).overlaps(im.frame));
  }
  for (const auto& wb : atlas.water)
    (wb.kind == "sea" ? im.water_sea : im.water_lake).push_back(im.shape_of(wb.geometry.get()));
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
      // The label's anchor is the point deepest inside the uyezd (a leader ends there; the page
      // writes the name there), not GEOS's PointOnSurface, which may lie near an edge.
      std::vector<const Shape*> shapes;
      for (int p : reg.pieces) shapes.push_back(&im.pieces[p]);
      AreaGrid grid(shapes, (im.frame.x1 - im.frame.x0) / 400, 0);
      if (!grid.empty()) {
        Box b = shape_box(im.shape_of(u.get()));
        im.region_labels.push_back({name_in(reg.names, options.lang, reg.id), grid.deepest(),
                                    (b.x1 - b.x0) * (b.y1 - b.y0), static_cast<int>(&reg - atlas.regions.data())});
      }
    }
  }
  std::stable_sort(
      im.region_labels.begin(), im.region_labels.end(),
      [](const MapCanvas::Impl::Label& a, const MapCanvas::Impl::Label& b) { return a.area_pt2 > b.area_pt2; });
  for (const auto& pl : atlas.places) {
    Pt at;
    if (im.project(pl.lon, pl.lat, at))
      im.places.push_back({name_in(pl.names, options.lang, pl.id), at, !pl.seat_of.empty()});
  }
}

// 5. Scale at the frame's centre: two page points 100 pt apart, back to lon/lat, geodesic distance (PROJ).
bool measure_scale(MapCanvas::Impl& im, ScaleBar& scale, Report& report) {
  geod_init(&im.geod, 6378137, 1 / 298.257223563);
  double cx = (im.frame.x0 + im.frame.x1) / 2, cy = (im.frame.y0 + im.frame.y1) / 2;
  double lon1, lat1, lon2, lat2, dist = 0, a1, a2;
  if (!im.unproject(cx - 50, cy, lon1, lat1) || !im.unproject(cx + 50, cy, lon2, lat2)) {
    report.error("--crs", "cannot measure the scale at the map centre with this projection");
    return false;
  }
  geod_inverse(&im.geod, lat1, lon1, lat2, lon2, &dist, &a1, &a2);
  double km_per_pt = dist / 1000 / 100;
  double target = (im.frame.x1 - im.frame.x0) * 0.22 * km_per_pt;  // about a fifth of the frame
  double pow10 = std::pow(10, std::floor(std::log10(target)));
  double nice = pow10;
  for (double f : {1.0, 2.0, 5.0, 10.0})
    if (f * pow10 <= target) nice = f * pow10;
  scale = {nice, nice / km_per_pt, 0, 0};
  im.unproject(cx, cy, scale.lon, scale.lat);
  return true;
}

}  // namespace

double framed_aspect(const Atlas& atlas, const MapOptions& options, Report& report) {
  MapCanvas::Impl im;
  Extent x;
  std::string crs;
  double px0, py0, px1, py1;
  if (!find_extent(atlas, options, x, report) || !set_projection(options, x, im, crs, report)) return 0;
  if (!projected_box(x, im, px0, py0, px1, py1)) {
    report.error("--crs", crs + ": the map area cannot be projected with it");
    return 0;
  }
  return (px1 - px0) / (py1 - py0);
}

MapCanvas::~MapCanvas() = default;

MapCanvas::MapCanvas(const Atlas& atlas, const MapOptions& options, Report& report)
    : atlas_(atlas), options_(options), impl_(std::make_unique<Impl>()) {
  Impl& im = *impl_;
  im.atlas = &atlas;
  if (options.dpi < 36 || options.dpi > 1200) {
    std::ostringstream dpi;
    dpi << options.dpi;  // 100000, not 100000.000000
    report.error("--dpi", dpi.str() + " is outside 36-1200; 72 to 600 are usual");
    return;
  }
  if (options.width_pt * options.dpi / 72 > 20000 || options.height_pt * options.dpi / 72 > 20000) {
    report.error("--size/--dpi", "the raster would exceed 20000 pixels on a side; lower --dpi or --size");
    return;
  }
  Extent x;
  std::string crs;
  if (!find_extent(atlas, options, x, report) || !set_projection(options, x, im, crs, report) ||
      !fit_frame(options, x, crs, im, report))
    return;
  // The outlines are the costly part (PROJ per point, GEOS unions): made once per input.
  uint64_t key = canvas_key(atlas, options, im);
  if (!load_cached_outlines(key, atlas, im)) {
    project_outlines(atlas, options, im);
    store_cached_outlines(key, im);
  }
  im.cache_key = key;
  im.load_cached_group_outlines();
  ok_ = measure_scale(im, scale_, report);
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
  if (name == "sea")
    for (const auto& s : im.water_sea) shapes.push_back(&s);
  if (name == "lakes")
    for (const auto& s : im.water_lake) shapes.push_back(&s);
  if (name == "countries")
    for (const auto& s : im.countries) shapes.push_back(&s);
  if (name == "rivers")
    for (const auto& s : im.rivers) shapes.push_back(&s);
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

std::vector<MapCanvas::LabelPoint> MapCanvas::region_label_points() const {
  std::vector<LabelPoint> out;
  for (const auto& l : impl_->region_labels) out.push_back({l.region, l.at.x, l.at.y});
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

}  // namespace histmap
