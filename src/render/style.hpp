// Map styles: colours, line widths, patterns and fonts, read from styles/NAME.yaml
// (format in styles/README.md). Sizes are in points (1/72 inch) on the page.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "data/report.hpp"
#include "model/atlas.hpp"

namespace histmap {

struct Rgb {
  double r = 0, g = 0, b = 0;
  bool operator==(const Rgb&) const = default;
};
bool parse_colour(const std::string& hex, Rgb& out);
std::string to_hex(const Rgb& c);

struct LineStyle {
  Rgb colour;
  double width = 0.5;
  std::vector<double> dash;
};

struct PatternStyle {
  std::string pattern = "none";  // none dots crosshatch horizontal vertical outline ring circles sparse
  std::string colour_rule;       // a "#rrggbb", or "by" / "beneficiary": the polity's colour
  Rgb colour;
};

struct Style {
  std::string name;
  Rgb page, text, land, water, water_line, river, no_assertion, no_controller;
  LineStyle uyezd_line, governorate_line, modern_border;
  double uncertain_alpha = 0.45;
  LineStyle uncertain_outline;
  LineStyle conflict;
  double conflict_stripe = 5;
  double hatch_spacing = 4.5, hatch_width = 0.9;
  std::map<std::string, PatternStyle> designations;
  Rgb place_colour;
  double place_radius = 1.6;
  std::string font_family = "Noto Sans";
  double font_title = 15, font_subtitle = 9, font_region = 7.5, font_place = 6.5, font_legend = 7.5, font_credit = 5.5;
  std::map<std::string, Rgb> polities;  // overrides of the data's colour hints

  // A polity's fill: the style's override, else the data's hint, else grey.
  Rgb colour_of(const Polity& p) const;
};

// Loads `path` (a file, or a style name looked up in the styles/ folder).
// Problems become findings with file:line; returns false on errors.
bool load_style(const std::string& path, Style& style, Report& report);
std::string styles_dir();

}  // namespace histmap
