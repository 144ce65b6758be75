// A map of a comparison (histmap compare): every piece drawn from appearances the
// caller gives (symbology's, of each side's state), either emphasised by a heavy
// outline or faded, on the canvas's view, layers and legend panel.
#pragma once

#include <string>
#include <vector>

#include "render/map.hpp"
#include "time/compare.hpp"

namespace histmap {

// How a piece stands in the comparison.
enum class CompareMark {
  Faded,    // the same on both sides: drawn under a veil of the page colour
  Changed,  // differs between the sides: a heavy solid outline
  OneSide,  // only one side speaks of it: a heavy dashed outline
};

struct ComparedArea {
  std::vector<Appearance> looks;  // one: the piece's state; two: each side's, in alternating bands
  CompareMark mark = CompareMark::Faded;
  // Pieces equal in all of this are painted as one area (patterns run on, edges follow the
  // area's outline); `group` keeps apart pieces a map of the day would paint apart.
  int group = 0;
  bool operator==(const ComparedArea&) const = default;
};

struct ComparedMap {
  std::vector<ComparedArea> pieces;  // indexed like the canvas atlas's pieces
  std::vector<LegendItem> legend;    // the states shown, then the rows compare_legend_item makes
  std::string date_line;             // under the title
  std::string sources;               // the credit line's sources part
};

// A legend row explaining a mark: its swatch is drawn as the map draws the mark
// (`banded`: two neutral looks in bands, as a piece whose sides differ).
LegendItem compare_legend_item(CompareMark mark, bool banded, const std::string& label, const Style& style);

struct ComparedSides {
  CompareSide first, second;
  std::string first_label, second_label;  // in words: "1 April 1920", a selection's name
};

// Two days of one atlas: the second day's states as `render` draws them, the pieces in `rows`
// (compare_sides) outlined heavily, the others faded (compare_content.cpp).
ComparedMap map_of_days(const ComparedSides& sides, const std::vector<PieceComparison>& rows, const MapCanvas& canvas,
                        const Style& style, const Words& w);
// Two selections on one day: where they differ each side's state in alternating bands, outlined;
// where only one speaks that side's state with a dashed outline; where they agree the state, faded.
ComparedMap map_of_selections(const ComparedSides& sides, const std::vector<PieceComparison>& rows,
                              const MapCanvas& canvas, const Style& style, const Words& w);

// Whether each piece reaches into the canvas's frame (only those feed a legend).
const std::vector<bool>& pieces_in_frame(const MapCanvas& canvas);

// Draws the comparison map to `path` (.pdf, .svg or .png, written atomically).
void render_compared(const MapCanvas& canvas, const ComparedMap& map, const Style& style, const std::string& path,
                     Report& report);

}  // namespace histmap
