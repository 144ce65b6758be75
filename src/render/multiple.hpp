// Small multiples: several maps (dates, or source sets for a date) on one page in a
// grid, each panel headed by its date or sets, with one title, one legend holding the
// union of the panels' categories, one scale bar and one credit line. Every panel
// shares the frame (region, box, projection), so they compare at a glance.
#pragma once

#include <string>
#include <vector>

#include "data/report.hpp"
#include "model/atlas.hpp"
#include "render/map.hpp"
#include "render/style.hpp"
#include "symbology/legend.hpp"
#include "time/resolve.hpp"

namespace histmap {

constexpr int kMaxPanels = 16;  // beyond this a panel is too small to read on a page

struct Panel {
  const Atlas* atlas;
  const Resolver* resolver;  // of `atlas`
  Day day;
  std::string heading;  // drawn above the panel ("1 April 1920", a set's name)
};

// One panel per day of one atlas, each headed by its date in words in `lang` (as the single
// map's date line words it).
std::vector<Panel> date_panels(const Atlas& atlas, const Resolver& resolver, const std::vector<Day>& days,
                               const std::string& lang);

// What a multiple drew: for tests, captions and the command line.
struct MultipleDrawn {
  int columns = 0, rows = 0;
  std::vector<LegendItem> legend;       // the union of every panel's categories, in legend order
  std::vector<std::vector<int>> shown;  // per panel, the assertions behind what it shows
  std::vector<const Source*> sources;   // every panel's sources, each once (the credit line)
  bool bad_arguments = false;           // failed before drawing: the frame, the grid or the page size is wrong
};

// Checks the grid before any data is drawn: 1..kMaxPanels panels, 0 <= columns <= panels
// (0: chosen). Returns an empty string or what is wrong, naming the option.
std::string multiple_grid_error(int panels, int columns);

// The number of columns that gives the largest panels for a frame of `aspect` (width over
// height, framed_aspect) on the page `page` (its size and legend room).
int fitted_columns(int panels, double aspect, const MapOptions& page);

// Draws `panels` in a grid of `columns` (0: fitted_columns) onto one page written to `path`
// (.pdf, .svg or .png, atomically). `page` gives size, dpi, frame (region, bbox, crs), language,
// title, labels and legend; the first panel's atlas gives the title and the dataset credit.
// Errors go to the report (and nothing is written); those about the arguments set bad_arguments.
MultipleDrawn render_multiple(const std::vector<Panel>& panels, int columns, const MapOptions& page, const Style& style,
                              const std::string& path, Report& report);

}  // namespace histmap
