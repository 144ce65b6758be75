// MapCanvas::draw: the map as a short list of layers. The view (layout,
// projection, outlines) is in view.cpp, the layers in layers.cpp, labels in
// labels.cpp, furniture and the legend panel in furniture.cpp; what each area
// means and how it looks comes from src/symbology.
#include "render/map.hpp"

#include <algorithm>
#include <filesystem>
#include <functional>
#include <set>

#include <cairo-pdf.h>
#include <cairo-svg.h>

#include "render/canvas_impl.hpp"
#include "time/timeline.hpp"
#include "util/atomic_file.hpp"

namespace histmap {
namespace fs = std::filesystem;

namespace {

// Pieces grouped by identical state, each group filled as one path (no seams);
// only groups that reach into the frame are drawn, and only they feed the legend.
std::vector<DrawnGroup> visible_groups(const Resolver& resolver, const MapCanvas::Impl& im, Day day) {
  std::vector<int> all(im.pieces.size());
  for (size_t i = 0; i < all.size(); ++i) all[i] = static_cast<int>(i);
  std::vector<DrawnGroup> out;
  for (auto& g : group_by_state(resolver, all, day)) {
    if (std::none_of(g.pieces.begin(), g.pieces.end(), [&](int p) { return im.visible[p]; })) continue;
    DrawnGroup d{std::move(g.pieces), g.state, {}};
    d.area.box = {1e18, 1e18, -1e18, -1e18};
    for (int p : d.pieces) {
      d.area.shapes.push_back(&im.pieces[p]);
      d.area.box = union_box(d.area.box, shape_box(im.pieces[p]));
    }
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace

namespace {

// The framed map of `groups`: areas, water and lines, labels, optionally the scale bar and north arrow.
void draw_framed_map(const Frame& f, const std::vector<DrawnGroup>& groups, const ScaleBar* scale) {
  const Box& fr = f.im.frame;
  cairo_save(f.cr);
  cairo_rectangle(f.cr, fr.x0, fr.y0, fr.x1 - fr.x0, fr.y1 - fr.y0);
  cairo_clip(f.cr);
  draw_ground(f);
  draw_states(f, groups);
  draw_water_and_lines(f);
  auto degrees = f.options.graticule ? draw_graticule(f) : std::vector<GraticuleLabel>{};
  std::vector<Box> reserved;
  for (const auto& d : degrees) reserved.push_back(d.box);
  draw_places_and_labels(f, reserved);
  draw_graticule_labels(f, degrees);
  if (scale) draw_scale_and_north(f, *scale);
  if (f.options.inset) draw_inset_locator(f);
  cairo_restore(f.cr);  // frame clip
  draw_frame_border(f);
}

}  // namespace

std::vector<LegendItem> MapCanvas::draw(cairo_t* cr, const Resolver& resolver, Day day, const Style& style,
                                        const std::vector<LegendItem>* fixed_legend) const {
  const Impl& im = *impl_;
  const Words& words = words_for(options_.lang);
  Frame f{cr, atlas_, im, options_, style, Text{cr, style.font_family}};
  auto groups = visible_groups(resolver, im, day);
  std::vector<const PieceState*> shown;
  for (const auto& g : groups) shown.push_back(g.state);
  auto legend_items = legend(shown, atlas_, style, words);

  set_rgb(cr, style.page);
  cairo_paint(cr);
  draw_framed_map(f, groups, &scale_);
  if (options_.panel) return legend_items;  // the multiple draws title, credit and legend once
  draw_title_and_credit(f, day, sources_of(atlas_, groups), words);
  if (options_.legend) draw_legend_panel(f, fixed_legend ? *fixed_legend : legend_items, words);
  return legend_items;
}

void MapCanvas::draw_map_only(cairo_t* cr, const Resolver& resolver, Day day, const Style& style,
                              bool scale_bar) const {
  Frame f{cr, atlas_, *impl_, options_, style, Text{cr, style.font_family}};
  draw_framed_map(f, visible_groups(resolver, *impl_, day), scale_bar ? &scale_ : nullptr);
}

std::vector<LegendItem> MapCanvas::legend_over(const Resolver& resolver, const std::vector<Day>& days,
                                               const Style& style) const {
  // One day per stretch without change points is enough: the map is the same across it.
  std::vector<const PieceState*> shown;
  std::set<const PieceState*> seen;
  const auto& cps = resolver.change_points();
  long last_segment = -1;
  for (Day d : days) {
    long segment = std::upper_bound(cps.begin(), cps.end(), d) - cps.begin();
    if (segment == last_segment) continue;
    last_segment = segment;
    for (const auto& g : visible_groups(resolver, *impl_, d))
      if (seen.insert(g.state).second) shown.push_back(g.state);
  }
  return legend(shown, atlas_, style, words_for(options_.lang));
}

double MapCanvas::legend_band_height(const std::vector<LegendItem>& items, const Style& style, double scale) const {
  cairo_surface_t* surface = cairo_recording_surface_create(CAIRO_CONTENT_COLOR, nullptr);
  cairo_t* cr = cairo_create(surface);
  Frame f{cr, atlas_, *impl_, options_, style, Text{cr, style.font_family}};
  double band = legend_band_needed(f, items, words_for(options_.lang), scale);
  cairo_destroy(cr);
  cairo_surface_destroy(surface);
  return band;
}

MapOptions room_for_legend(const Atlas& atlas, const MapOptions& options, const std::vector<LegendItem>& items,
                           const Style& style) {
  if (!options.legend || options.panel) return options;
  Report quiet;  // the caller's canvas reports the chosen layout's problems
  MapCanvas first(atlas, options, quiet);
  if (!first.ok()) return options;
  auto e = first.legend_extent(items, style);
  MapOptions beside = options, below = options;
  std::unique_ptr<MapCanvas> wide;
  if (e.over_map > 0) {
    beside.legend_columns = e.columns;
    wide = std::make_unique<MapCanvas>(atlas, beside, quiet);
  }
  // Under the map only when the band leaves a frame and gives the map clearly more room than
  // beside it; its type may shrink to 80% for that, as it would beside the map.
  double best = (wide ? *wide : first).points_per_km() * 1.1;
  bool take_below = false;
  for (double scale : {1.0, 0.9, 0.8}) {
    MapOptions o = options;
    o.legend_below = first.legend_band_height(items, style, scale);
    MapCanvas under(atlas, o, quiet);
    if (!under.ok() || !under.legend_extent(items, style).complete || under.points_per_km() <= best) continue;
    best = under.points_per_km(), below = o, take_below = true;
  }
  return take_below ? below : beside;
}

MapCanvas::LegendExtent MapCanvas::legend_extent(const std::vector<LegendItem>& items, const Style& style) const {
  cairo_surface_t* surface = cairo_recording_surface_create(CAIRO_CONTENT_COLOR, nullptr);
  cairo_t* cr = cairo_create(surface);
  Frame f{cr, atlas_, *impl_, options_, style, Text{cr, style.font_family}};
  LegendLayout l = layout_legend(f, items, words_for(options_.lang));
  cairo_destroy(cr);
  cairo_surface_destroy(surface);
  size_t rows = items.size() + legend_furniture_keys(options_).size();
  return {{l.box.x0, l.box.y0, l.box.x1, l.box.y1}, l.rows.size() == rows, l.columns, l.over_map, l.scale};
}

std::vector<int> MapCanvas::shown_assertions(const Resolver& resolver, Day day) const {
  std::set<int> out;
  for (const auto& g : visible_groups(resolver, *impl_, day))
    out.insert(g.state->assertions.begin(), g.state->assertions.end());
  return {out.begin(), out.end()};
}

bool write_page(const std::string& path, double W, double H, double dpi, const std::string& pdf_title,
                const std::function<void(cairo_t*)>& draw_page, Report& report) {
  std::string ext = fs::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), ::tolower);
  if (ext != ".pdf" && ext != ".svg" && ext != ".png") {
    report.error(path, "unknown output format '" + ext + "'; use .pdf, .svg or .png");
    return false;
  }
  std::string tmp = temp_path_or_report(path, report);
  if (tmp.empty()) return false;
  const double k = dpi / 72.0;
  cairo_surface_t* surface = nullptr;
  if (ext == ".pdf") {
    surface = cairo_pdf_surface_create(tmp.c_str(), W, H);
    // Fixed metadata so that the same inputs give the same bytes.
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, "2000-01-01T00:00:00Z");
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, "2000-01-01T00:00:00Z");
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "histmap");
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, pdf_title.c_str());
  } else if (ext == ".svg") {
    surface = cairo_svg_surface_create(tmp.c_str(), W, H);
    cairo_svg_surface_set_document_unit(surface, CAIRO_SVG_UNIT_PT);
  } else {
    surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, static_cast<int>(std::lround(W * k)),
                                         static_cast<int>(std::lround(H * k)));
  }
  std::error_code ec;
  if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
    report.error(path, std::string("cannot create the drawing surface: ") +
                           cairo_status_to_string(cairo_surface_status(surface)));
    cairo_surface_destroy(surface);
    fs::remove(tmp, ec);
    return false;
  }
  cairo_t* cr = cairo_create(surface);
  if (ext == ".png") cairo_scale(cr, k, k);
  draw_page(cr);
  cairo_destroy(cr);
  cairo_status_t st = CAIRO_STATUS_SUCCESS;
  if (ext == ".png") st = cairo_surface_write_to_png(surface, tmp.c_str());
  cairo_surface_finish(surface);
  if (st == CAIRO_STATUS_SUCCESS) st = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (st != CAIRO_STATUS_SUCCESS) {
    fs::remove(tmp, ec);
    report.error(path, std::string("writing failed: ") + cairo_status_to_string(st));
    return false;
  }
  try {
    commit_temp(tmp, path);
  } catch (const OutputError& e) {
    report.error(path, e.what());
    return false;
  }
  return true;
}

std::vector<LegendItem> MapCanvas::render(const Resolver& resolver, Day day, const Style& style,
                                          const std::string& path, Report& report) const {
  std::vector<LegendItem> legend;
  bool drawn = write_page(
      path, options_.width_pt, options_.height_pt, options_.dpi, "histmap " + format_day(day),
      [&](cairo_t* cr) {
        legend = draw(cr, resolver, day, style);
        impl_->store_new_group_outlines();  // the next run finds its dissolves made
      },
      report);
  if (!drawn) legend.clear();
  return legend;
}

}  // namespace histmap
