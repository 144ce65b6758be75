// Maps for a date: Cairo draws, PROJ projects (through OGR), Pango sets text.
// A MapCanvas holds what does not depend on the date (projection, projected
// outlines, uyezd and governorate lines, label positions), so a series of
// frames pays for it once.
#pragma once

#include <array>

#include <cairo.h>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "data/report.hpp"
#include "model/atlas.hpp"
#include "render/style.hpp"
#include "symbology/legend.hpp"
#include "time/resolve.hpp"

namespace histmap {

struct MapOptions {
  double width_pt = 842, height_pt = 595;     // page size in points (default A4 landscape)
  double dpi = 150;                           // raster resolution for PNG
  std::string crs;                            // any PROJ/EPSG definition; empty: a conic centred on the extent
  std::optional<std::array<double, 4>> bbox;  // lon/lat west, south, east, north
  std::string region;                         // frame this region (with a margin) instead
  std::string lang = "en";                    // names from the data and histmap's words (styles/words)
  std::string title;                          // empty: a default naming the period
  bool modern_borders = false;
  bool labels = true;
  bool legend = true;
  int legend_columns = 1;    // room kept right of the map for this many legend columns
  double legend_below = 0;   // >0: the legend takes a band this tall (points) under the map, in columns across
  bool piece_lines = false;  // draw every piece's outline (the modern districts), thin
  bool date_caption = true;  // the date line under the title (animations draw their own)
  bool graticule = false;    // lines of longitude and latitude, labelled at the frame's edges
  bool inset = false;        // a locator map of the whole dataset, bottom right, with this frame on it
  // One panel of a multiple (render/multiple.hpp): the frame fills the page below a heading
  // band; the page's title, credit and legend are the multiple's, not the panel's.
  bool panel = false;
};

struct ScaleBar {
  double km = 0;            // length the bar stands for
  double length_pt = 0;     // its length on the page
  double lon = 0, lat = 0;  // where on the map the scale was measured (the frame's centre)
};

class MapCanvas;
// The page layout that leaves the map the most room for a legend of `items`: one column beside
// the map, more columns beside it, or columns in a band under it (wide areas on a landscape
// page). Returns `options` with legend_columns / legend_below set; unchanged when one column fits.
MapOptions room_for_legend(const Atlas& atlas, const MapOptions& options, const std::vector<LegendItem>& items,
                           const Style& style);

class MapCanvas {
 public:
  // Sets up projection and layout; errors (unknown CRS, unknown region, empty
  // extent, absurd sizes) become findings and leave ok() false.
  MapCanvas(const Atlas& atlas, const MapOptions& options, Report& report);
  ~MapCanvas();
  bool ok() const { return ok_; }

  // Draws the map for `day` to `path` (.pdf, .svg or .png, written atomically).
  // Returns the legend of what the map shows (its states' categories, in legend order).
  std::vector<LegendItem> render(const Resolver& resolver, Day day, const Style& style, const std::string& path,
                                 Report& report) const;

  // Draws onto any Cairo context whose user space is page points. Thread-safe
  // for concurrent frames (each with its own context). With `fixed_legend` the
  // panel shows those items instead of the day's own (an animation's stable legend).
  std::vector<LegendItem> draw(cairo_t* cr, const Resolver& resolver, Day day, const Style& style,
                               const std::vector<LegendItem>* fixed_legend = nullptr) const;
  // Only the framed map (no title, credit or legend): a panel of a multiple. `scale_bar`
  // draws the scale bar and north arrow, which a multiple shows once.
  void draw_map_only(cairo_t* cr, const Resolver& resolver, Day day, const Style& style, bool scale_bar) const;

  // Where the legend panel for `items` lies on the page and how it was fitted. More columns
  // than options().legend_columns keeps room for go over the map; a caller that wants none
  // there makes a canvas with legend_columns = columns.
  struct LegendExtent {
    std::array<double, 4> box;  // x0, y0, x1, y1 in page points
    bool complete;              // every row is drawn
    int columns;
    int over_map;  // columns drawn over the map (beyond options().legend_columns)
    double scale;  // of the legend's type
  };
  LegendExtent legend_extent(const std::vector<LegendItem>& items, const Style& style) const;
  // The least band under the map that holds the legend of `items` in columns across the page,
  // its type at `scale` of the style's.
  double legend_band_height(const std::vector<LegendItem>& items, const Style& style, double scale = 1) const;
  // Page points per metre on the ground at the frame's centre (what a layout gives the map).
  double points_per_km() const { return scale_.km > 0 ? scale_.length_pt / scale_.km : 0; }

  // The legend of every category any of `days` shows inside the frame, in legend order.
  std::vector<LegendItem> legend_over(const Resolver& resolver, const std::vector<Day>& days, const Style& style) const;

  // The assertions behind what the map shows for `day` (the states of pieces inside the frame),
  // ascending: what a caption cites.
  std::vector<int> shown_assertions(const Resolver& resolver, Day day) const;

  // Outlines of every piece in page points (rings of points), for other front ends.
  std::vector<std::vector<std::vector<std::array<double, 2>>>> piece_outlines() const;
  // The same for a base layer: sea, lakes, countries, rivers, uyezd_lines, governorate_lines.
  std::vector<std::vector<std::array<double, 2>>> layer_outline(const std::string& name) const;
  // Where each uyezd's label goes (a point inside it), larger uyezds first.
  struct LabelPoint {
    int region;
    double x, y;
  };
  std::vector<LabelPoint> region_label_points() const;
  // Where each uyezd's name is written in `style` (render/labels.cpp): its box (x0, y0, x1, y1)
  // on the page, and for a name set beside its area, the leader's end inside that area.
  struct PlacedName {
    int region;
    std::array<double, 4> box;
    bool leader;
    double anchor_x, anchor_y;
  };
  std::vector<PlacedName> placed_names(const Style& style) const;
  // The map frame on the page: x0, y0, x1, y1.
  std::array<double, 4> frame() const;
  const MapOptions& options() const { return options_; }

  // Page coordinates (points from the top-left) of a lon/lat position.
  bool to_page(double lon, double lat, double& x, double& y) const;
  // The same in pixels of the PNG output.
  bool to_pixel(double lon, double lat, double& px, double& py) const;
  const ScaleBar& scale_bar() const { return scale_; }
  double pixel_scale() const { return options_.dpi / 72.0; }

  struct Impl;
  // The date-independent view (canvas_impl.hpp), for other drawings on the same view.
  const Impl& impl() const { return *impl_; }

 private:
  const Atlas& atlas_;
  MapOptions options_;
  ScaleBar scale_;
  bool ok_ = false;
  std::unique_ptr<Impl> impl_;
};

// The word keys of the lines and points the legend panel explains after the states
// ("line.uyezd", ..., "place.seat"), as drawn with these options.
std::vector<std::string> legend_furniture_keys(const MapOptions& options);

// Width over height of the framed extent as projected (0, with findings, when it cannot be
// projected): what a grid of panels is fitted to.
double framed_aspect(const Atlas& atlas, const MapOptions& options, Report& report);

// "1600x1200" (pixels at dpi) or "297x210mm"; false with a message on nonsense.
bool parse_page_size(const std::string& text, double dpi, double& width_pt, double& height_pt, std::string& error);

}  // namespace histmap
