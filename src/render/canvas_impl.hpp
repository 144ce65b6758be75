// MapCanvas's date-independent part (private to src/render): the projection,
// the frame on the page and every outline projected once.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <geodesic.h>
#include <ogr_spatialref.h>

#include "render/map.hpp"
#include "render/painter.hpp"

namespace histmap {

constexpr double kMargin = 18, kTitleBand = 44, kCreditBand = 26, kLegendWidth = 176, kGap = 10;
constexpr double kPanelHeading = 18;  // a multiple's panel: the band above its frame for the heading

struct MapCanvas::Impl {
  std::unique_ptr<OGRCoordinateTransformation> fwd, inv;
  double scale = 1, ox = 0, oy = 0;  // projected metres -> page points
  Box frame{};
  std::vector<Shape> pieces;  // page outlines per piece
  std::vector<bool> visible;  // piece reaches into the frame (the legend counts only these)
  std::vector<Shape> water_sea, water_lake, rivers, countries;
  Shape uyezd_lines, governorate_lines;
  struct Label {
    std::string text;
    Pt at;
    double area_pt2;
    int region;  // index into atlas.regions
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

  // Dissolved outline of a piece group (a state's area), so edges are drawn
  // along the group's boundary, not every modern district line inside it.
  const Shape& outline(const std::vector<int>& ps) const;
  bool project(double lon, double lat, Pt& out) const;
  Shape shape_of(const OGRGeometry* g) const;
  // The page point back to lon/lat.
  bool unproject(double x, double y, double& lon, double& lat) const;

  // Dissolved outlines kept between runs beside the canvas's (canvas_cache.cpp): read with
  // them, written again when a map needed new ones.
  uint64_t cache_key = 0;
  void load_cached_group_outlines();
  void store_new_group_outlines() const;

 private:
  mutable std::map<std::vector<int>, Shape> outline_cache_;
  mutable size_t outlines_stored_ = 0;
  mutable std::mutex outline_mutex_;  // frames are drawn from several threads
};

// What one drawing of the map needs, passed between its layers.
struct Frame {
  cairo_t* cr;
  const Atlas& atlas;
  const MapCanvas::Impl& im;
  const MapOptions& options;
  const Style& style;
  Text text;
};

// Pieces grouped by identical state, only those reaching into the frame.
struct DrawnGroup {
  std::vector<int> pieces;
  const PieceState* state;
  Area area;
};

// A lon/lat geometry's rings on the page through `to_page` (points it refuses are left out),
// snapped to a 0.2 pt grid.
Shape page_shape(const OGRGeometry* g, const std::function<bool(double, double, Pt&)>& to_page);

// Layers (layers.cpp), labels (labels.cpp) and furniture (furniture.cpp).
void draw_ground(const Frame& f);
void draw_states(const Frame& f, const std::vector<DrawnGroup>& groups);
void draw_water_and_lines(const Frame& f);
// `reserved`: page boxes no name may cover (the graticule's labels).
void draw_places_and_labels(const Frame& f, const std::vector<Box>& reserved = {});
void draw_scale_and_north(const Frame& f, const ScaleBar& scale);
void draw_frame_border(const Frame& f);
// For journal figures (journal.cpp): lines of longitude and latitude labelled at the frame's
// edges, and a small locator map of the wider region with the frame's extent on it.
struct GraticuleLabel {
  std::string text;  // "45°E"
  Box box;           // on the page, kept free of region and place names
};
// Draws the lines; returns their labels, drawn after the region labels so they stay readable.
std::vector<GraticuleLabel> draw_graticule(const Frame& f);
void draw_graticule_labels(const Frame& f, const std::vector<GraticuleLabel>& labels);
void draw_inset_locator(const Frame& f);
// The sources behind the groups' states, in the atlas's order: what the credit line names.
std::vector<const Source*> sources_of(const Atlas& atlas, const std::vector<DrawnGroup>& groups);
void draw_title_and_credit(const Frame& f, Day day, const std::vector<const Source*>& sources, const Words& w);
// Where the legend's rows go: one column right of the frame, type shrunk in steps, then
// further columns leftwards over the map; `rows` has one entry per item and furniture line.
struct LegendLayout {
  struct Row {
    double x, y, h;
  };
  std::vector<Row> rows;
  double scale = 1, font = 0, column_width = 0;
  int columns = 1;
  int over_map = 0;  // columns beyond the room kept for the legend, drawn over the map
  Box box{};         // everything the legend covers on the page
  Pt title{};        // where the legend's heading goes
};
LegendLayout layout_legend(const Frame& f, const std::vector<LegendItem>& items, const Words& w);
void draw_legend_panel(const Frame& f, const std::vector<LegendItem>& items, const Words& w);
// The least band under the map that holds the legend in columns across the page, its type at `scale`.
double legend_band_needed(const Frame& f, const std::vector<LegendItem>& items, const Words& w, double scale);

// Draws one page with `draw_page` into `path` (.pdf, .svg or .png at `dpi`, written atomically);
// false (with findings) when it could not be written.
bool write_page(const std::string& path, double width_pt, double height_pt, double dpi, const std::string& pdf_title,
                const std::function<void(cairo_t*)>& draw_page, Report& report);

}  // namespace histmap
