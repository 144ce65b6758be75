#include "export/qgis_style.hpp"

#include "export/qgis_xml.hpp"

#include <cstdio>
#include <sstream>

namespace histmap {

namespace {

constexpr double kMmPerPt = 25.4 / 72;

using qgis::esc;
using qgis::prop;

// Alpha as a fraction here; qgis::rgba takes 0..255.
std::string rgba(const Rgb& c, double alpha = 1) { return qgis::rgba(c, int(alpha * 255 + .5)); }

std::string num(double v) {
  char b[32];
  std::snprintf(b, sizeof b, "%g", v);
  return b;
}

std::string layer(const char* cls, Pass pass, const std::string& props) {
  return std::string("<layer class=\"") + cls + "\" enabled=\"1\" locked=\"0\" pass=\"" +
         std::to_string(static_cast<int>(pass)) + "\">" + props + "</layer>";
}

std::string fill(const Rgb& c, double alpha, Pass pass, const std::string& outline = "no", const Rgb& line = {},
                 double width = 0) {
  return layer("SimpleFill", pass,
               prop("color", rgba(c, alpha)) + prop("style", alpha > 0 ? "solid" : "no") +
                   prop("outline_color", rgba(line)) + prop("outline_width", num(width)) +
                   prop("outline_width_unit", "MM") + prop("outline_style", outline) + prop("joinstyle", "round"));
}

// Cairo's angles turn clockwise (y down); QGIS's counter-clockwise.
std::string lines(const Rgb& c, double alpha, Pass pass, double angle, double distance_mm, double width_mm,
                  double offset_mm = 0) {
  std::string line = layer("SimpleLine", pass,
                           prop("line_color", rgba(c, alpha)) + prop("line_width", num(width_mm)) +
                               prop("line_width_unit", "MM") + prop("line_style", "solid"));
  return layer("LinePatternFill", pass,
               prop("angle", num(-angle)) + prop("color", rgba(c, alpha)) + prop("distance", num(distance_mm)) +
                   prop("distance_unit", "MM") + prop("line_width", num(width_mm)) + prop("line_width_unit", "MM") +
                   prop("offset", num(offset_mm)) + prop("offset_unit", "MM") +
                   "<symbol type=\"line\" name=\"@0@0\" alpha=\"1\" clip_to_extent=\"1\" force_rhr=\"0\">" + line +
                   "</symbol>");
}

std::string points(const Rgb& c, double alpha, Pass pass, double distance_mm, double size_mm, bool hollow) {
  std::string marker =
      layer("SimpleMarker", pass,
            prop("name", "circle") + prop("color", rgba(c, hollow ? 0 : alpha)) +
                prop("outline_color", rgba(c, alpha)) + prop("outline_style", hollow ? "solid" : "no") +
                prop("outline_width", "0.15") + prop("size", num(size_mm)) + prop("size_unit", "MM"));
  return layer("PointPatternFill", pass,
               prop("distance_x", num(distance_mm)) + prop("distance_y", num(distance_mm)) +
                   prop("distance_x_unit", "MM") + prop("distance_y_unit", "MM") +
                   prop("displacement_x", num(distance_mm / 2)) + prop("displacement_x_unit", "MM") +
                   "<symbol type=\"marker\" name=\"@0@0\" alpha=\"1\" clip_to_extent=\"1\" force_rhr=\"0\">" + marker +
                   "</symbol>");
}

Rgb over(const Rgb& c, double a, const Rgb& page) {
  return {a * c.r + (1 - a) * page.r, a * c.g + (1 - a) * page.g, a * c.b + (1 - a) * page.b};
}

// One mark as QGIS symbol layers (sizes from page points to millimetres).
std::string mark_layers(const Mark& m, const Style& style) {
  const Rgb& c = m.colours.front();
  switch (m.pattern) {
    case Pattern::Solid: return m.over_page ? fill(over(c, m.alpha, style.page), 1, m.pass) : fill(c, m.alpha, m.pass);
    case Pattern::Stripes: {
      std::string out = fill(style.page, 1, m.pass);
      double n = static_cast<double>(m.colours.size()), w = m.width * kMmPerPt;
      for (size_t i = 0; i < m.colours.size(); ++i)
        out += lines(m.colours[i], m.alpha, m.pass, m.angle, w * n, w, w * i);
      return out;
    }
    case Pattern::Hatch: return lines(c, m.alpha, m.pass, m.angle, m.spacing * kMmPerPt, m.width * kMmPerPt);
    case Pattern::Dots:
      return points(c, m.alpha, m.pass, (m.spacing > 0 ? m.spacing : 5.5) * kMmPerPt,
                    2 * (m.width > 0 ? m.width : 0.75) * kMmPerPt, false);
    case Pattern::Circles: return points(c, m.alpha, m.pass, 8 * kMmPerPt, 3.6 * kMmPerPt, true);
    case Pattern::Crosshatch:
      return lines(c, m.alpha, m.pass, 45, 6 * kMmPerPt, 0.45 * kMmPerPt) +
             lines(c, m.alpha, m.pass, -45, 6 * kMmPerPt, 0.45 * kMmPerPt);
    case Pattern::Horizontal: return lines(c, m.alpha, m.pass, 0, 4.5 * kMmPerPt, 0.4 * kMmPerPt);
    case Pattern::Vertical: return lines(c, m.alpha, m.pass, 90, 5 * kMmPerPt, 0.35 * kMmPerPt);
    case Pattern::Sparse: return lines(c, m.alpha, m.pass, 30, 9 * kMmPerPt, 0.6 * kMmPerPt);
    case Pattern::Outline:
    case Pattern::Ring:
    case Pattern::Edge: {
      std::string style_name = m.dash.empty() ? "solid" : m.dash.front() <= 1.5 ? "dot" : "dash";
      double width = (m.inside ? m.width / 2 : m.width) * kMmPerPt;
      return fill(style.page, 0, m.pass, style_name, over(c, m.alpha, style.page), width);
    }
  }
  return "";
}

std::string quoted(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("''") : std::string(1, c);
  return q + "'";
}

// Equality on the category fields; list-valued categories by item of `legend_keys`.
std::string filter_of(const Category& c, const Atlas& atlas) {
  std::string kind = quoted(to_string(c.kind));
  switch (c.kind) {
    case Kind::Control:
      return "\"category\" = " + kind + " AND \"controller\" = " + quoted(atlas.polities[c.party].id) +
             " AND \"control_basis\" = " + quoted(to_string(c.basis));
    case Kind::NoController:
      return "\"category\" = " + kind + " AND " +
             (c.basis == Basis::Stated ? "\"control_basis\" IS NULL"
                                       : "\"control_basis\" = " + quoted(to_string(c.basis)));
    case Kind::NoSource: return "\"category\" = " + kind;
    default: return "array_contains(string_to_array(\"legend_keys\", ';'), " + quoted(category_key(c, atlas)) + ")";
  }
}

}  // namespace

std::vector<QgisRule> qgis_state_rules(const Atlas& atlas, const Resolver& resolver, const Style& style,
                                       const std::string& lang) {
  std::vector<const PieceState*> states;
  for (size_t p = 0; p < atlas.pieces.size(); ++p)
    for (const auto& s : resolver.spans(static_cast<int>(p))) states.push_back(s.state);
  std::vector<QgisRule> rules;
  int n = 0;
  for (const auto& item : legend(states, atlas, style, words_for(lang))) {
    std::string layers;
    for (const auto& m : item.appearance.marks) layers += mark_layers(m, style);
    std::string symbol = "<symbol type=\"fill\" name=\"" + std::to_string(n++) +
                         "\" alpha=\"1\" clip_to_extent=\"1\" force_rhr=\"0\">" + layers + "</symbol>";
    rules.push_back({item.category, filter_of(item.category, atlas), item.label, symbol});
  }
  return rules;
}

std::string qgis_states_renderer(const Atlas& atlas, const Resolver& resolver, const Style& style,
                                 const std::string& lang) {
  auto rules = qgis_state_rules(atlas, resolver, style, lang);
  std::ostringstream r, s;
  r << "<renderer-v2 type=\"RuleRenderer\" symbollevels=\"1\" forceraster=\"0\" enableorderby=\"0\"><rules "
       "key=\"root\">";
  for (size_t i = 0; i < rules.size(); ++i) {
    r << "<rule key=\"r" << i << "\" symbol=\"" << i << "\" label=\"" << esc(rules[i].label) << "\" filter=\""
      << esc(rules[i].filter) << "\"/>";
    s << rules[i].symbol;
  }
  r << "</rules><symbols>" << s.str() << "</symbols></renderer-v2>";
  return r.str();
}

}  // namespace histmap
