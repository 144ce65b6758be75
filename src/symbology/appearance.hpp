// How a category looks: fills, patterns and edges, from the style's colours.
// Every front end paints these marks (Cairo map and legend swatches, the
// timeline chart, the page's SVG, the QGIS symbols), so they cannot disagree.
//
// Choices (styles/README.md):
// * stated control: the polity's colour, solid;
// * presupposed control: the same colour with a fine hatch in the page colour,
//   so it reads as the same polity yet visibly less than stated;
// * control on an imprecise date: the controller's colour under a screen of dots in
//   the page colour (style `uncertain.alpha`) with a dotted edge;
// * a conflict over control: stripes in every side's colour; any conflict: a dashed edge
//   in the conflict colour;
// * claims: a hatch in the claimant's colour, one angle per claimant;
// * statuses: the style's pattern, coloured as the style says (fixed, by, beneficiary).
#pragma once

#include <string>
#include <vector>

#include "model/atlas.hpp"
#include "render/style.hpp"
#include "symbology/classify.hpp"

namespace histmap {

enum class Pattern {
  Solid,    // a flat fill
  Stripes,  // wide parallel bands, one per colour
  Hatch,    // thin parallel lines
  Dots,
  Circles,
  Crosshatch,
  Horizontal,
  Vertical,
  Sparse,
  Outline,  // a solid band inside the area's edge
  Ring,     // a dashed band inside the area's edge
  Edge,     // a line along the area's edge
};

// The order in which marks are painted, across all areas of a map.
enum class Pass { Fill, Claims, Statuses, ConflictEdge, UncertainEdge };

struct Mark {
  Pass pass = Pass::Fill;
  Pattern pattern = Pattern::Solid;
  std::vector<Rgb> colours;  // Stripes: one per side; otherwise one
  double alpha = 1;
  bool over_page = false;                    // paint the page colour underneath first
  double angle = 0, spacing = 0, width = 0;  // lines (degrees, points); dots: step and radius (0: default)
  std::vector<double> dash;
  bool inside = true;  // edges: clipped to the area (false: centred on its edge)
  bool operator==(const Mark&) const = default;
};

struct Appearance {
  std::vector<Mark> marks;  // in painting order within each pass
  bool operator==(const Appearance&) const = default;
};

// One category alone (a legend swatch).
Appearance appearance(const Category& c, const Atlas& atlas, const Style& style);
// A whole state: its categories' marks; one conflict edge at most, and the
// conflict edge replaces the imprecise-date edge.
Appearance appearance(const std::vector<Category>& cs, const Atlas& atlas, const Style& style);

const char* to_string(Pattern p);
// Style pattern names (styles/README.md) to Pattern; false for unknown names.
bool pattern_from_name(const std::string& name, Pattern& out);

// Hatch angles of claims, one per claimant (by polity index).
double claim_angle(int polity);

}  // namespace histmap
