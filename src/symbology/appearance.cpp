#include "symbology/appearance.hpp"

#include <algorithm>

namespace histmap {

double claim_angle(int polity) {
  static const double angles[] = {45, -45, 15, -75, 75, -15};
  return angles[static_cast<size_t>(polity) % 6];
}

bool pattern_from_name(const std::string& name, Pattern& out) {
  static const std::pair<const char*, Pattern> names[] = {{"dots", Pattern::Dots},
                                                          {"circles", Pattern::Circles},
                                                          {"crosshatch", Pattern::Crosshatch},
                                                          {"horizontal", Pattern::Horizontal},
                                                          {"vertical", Pattern::Vertical},
                                                          {"sparse", Pattern::Sparse},
                                                          {"outline", Pattern::Outline},
                                                          {"ring", Pattern::Ring}};
  for (const auto& [n, p] : names)
    if (name == n) {
      out = p;
      return true;
    }
  return false;
}

const char* to_string(Pattern p) {
  switch (p) {
    case Pattern::Solid: return "solid";
    case Pattern::Stripes: return "stripes";
    case Pattern::Hatch: return "hatch";
    case Pattern::Dots: return "dots";
    case Pattern::Circles: return "circles";
    case Pattern::Crosshatch: return "crosshatch";
    case Pattern::Horizontal: return "horizontal";
    case Pattern::Vertical: return "vertical";
    case Pattern::Sparse: return "sparse";
    case Pattern::Outline: return "outline";
    case Pattern::Ring: return "ring";
    case Pattern::Edge: return "edge";
  }
  return "?";
}

namespace {

Rgb colour_of(const Atlas& atlas, const Style& style, int polity) { return style.colour_of(atlas.polities[polity]); }

Mark solid(const Rgb& c, double alpha = 1, bool over_page = false) {
  Mark m;
  m.colours = {c};
  m.alpha = alpha;
  m.over_page = over_page;
  return m;
}

Mark edge(Pass pass, const LineStyle& l, bool inside) {
  Mark m;
  m.pass = pass;
  m.pattern = Pattern::Edge;
  m.colours = {l.colour};
  m.width = l.width;
  m.dash = l.dash;
  m.inside = inside;
  return m;
}

Mark conflict_edge(const Style& style) {
  LineStyle l = style.conflict;
  l.width *= 2;  // half of it shows inside the clip
  l.dash = {5, 2.5};
  return edge(Pass::ConflictEdge, l, true);
}

void control(const Category& c, const Atlas& atlas, const Style& style, std::vector<Mark>& out) {
  Rgb colour = colour_of(atlas, style, c.party);
  bool uncertain = c.basis == Basis::UncertainDate || c.basis == Basis::PresupposedUncertainDate;
  out.push_back(solid(colour));
  if (uncertain) {
    // The colour stays the controller's: a lighter tint read as another polity, since
    // several successor states have lighter colours than their predecessors. A screen
    // of dots in the page colour and a dotted edge say that the date is imprecise.
    Mark dots;
    dots.pattern = Pattern::Dots;
    dots.colours = {style.page};
    dots.alpha = style.uncertain_alpha;
    dots.spacing = 3.6;
    dots.width = 0.95;
    out.push_back(dots);
    out.push_back(edge(Pass::UncertainEdge, style.uncertain_outline, false));
  }
  if (c.basis == Basis::Presupposed || c.basis == Basis::PresupposedUncertainDate) {
    // the same hue, with a fine hatch in the page colour
    Mark h;
    h.pattern = Pattern::Hatch;
    h.colours = {style.page};
    h.alpha = 0.75;
    h.angle = -60;
    h.spacing = style.hatch_spacing * 0.7;
    h.width = style.hatch_width;
    out.push_back(h);
  }
}

void conflict(const Category& c, const Atlas& atlas, const Style& style, std::vector<Mark>& out) {
  if (c.type == "control") {
    Mark m;
    m.pattern = Pattern::Stripes;
    for (int p : c.sides) m.colours.push_back(colour_of(atlas, style, p));
    m.over_page = true;
    m.angle = 60;
    m.width = style.conflict_stripe;
    out.push_back(m);
  }
  out.push_back(conflict_edge(style));
}

void status(const Category& c, const Atlas& atlas, const Style& style, std::vector<Mark>& out) {
  auto it = style.designations.find(c.type);
  if (it == style.designations.end()) return;
  const PatternStyle& ps = it->second;
  Mark m;
  if (!pattern_from_name(ps.pattern, m.pattern)) return;  // "none": not drawn
  Rgb colour = ps.colour;
  if (ps.colour_rule == "by" && c.party >= 0) colour = colour_of(atlas, style, c.party);
  if (ps.colour_rule == "beneficiary" && c.beneficiary >= 0) colour = colour_of(atlas, style, c.beneficiary);
  m.pass = Pass::Statuses;
  m.colours = {colour};
  m.alpha = c.basis == Basis::UncertainDate ? 0.6 : 1.0;
  if (m.pattern == Pattern::Outline) m.width = 3.0;
  if (m.pattern == Pattern::Ring) {
    m.width = 2.6, m.dash = {4, 2};
    // The gaps between the beneficiary's dashes take the assigning party's colour, so the same
    // beneficiary assigned by different parties does not look alike.
    if (ps.colour_rule == "beneficiary" && c.party >= 0 && c.party != c.beneficiary) {
      Mark under = m;
      under.colours = {colour_of(atlas, style, c.party)};
      under.dash.clear();
      out.push_back(under);
    }
  }
  out.push_back(m);
}

}  // namespace

Appearance appearance(const Category& c, const Atlas& atlas, const Style& style) {
  Appearance a;
  switch (c.kind) {
    case Kind::Control: control(c, atlas, style, a.marks); break;
    case Kind::Conflict: conflict(c, atlas, style, a.marks); break;
    case Kind::Claim: {
      Mark m;
      m.pass = Pass::Claims;
      m.pattern = Pattern::Hatch;
      m.colours = {colour_of(atlas, style, c.party)};
      m.alpha = c.basis == Basis::UncertainDate ? 0.55 : 0.95;
      m.angle = claim_angle(c.party);
      m.spacing = style.hatch_spacing;
      m.width = style.hatch_width;
      a.marks.push_back(m);
      break;
    }
    case Kind::Status: status(c, atlas, style, a.marks); break;
    case Kind::NoController:
      a.marks.push_back(solid(style.no_controller));
      if (c.basis == Basis::UncertainDate) a.marks.push_back(edge(Pass::UncertainEdge, style.uncertain_outline, false));
      break;
    case Kind::NoSource: a.marks.push_back(solid(style.no_assertion)); break;
  }
  return a;
}

Appearance appearance(const std::vector<Category>& cs, const Atlas& atlas, const Style& style) {
  Appearance a;
  bool any_conflict = std::any_of(cs.begin(), cs.end(), [](const Category& c) { return c.kind == Kind::Conflict; });
  for (const auto& c : cs)
    for (auto& m : appearance(c, atlas, style).marks) {
      if (m.pass == Pass::UncertainEdge && any_conflict) continue;
      if (m.pass == Pass::ConflictEdge &&
          std::any_of(a.marks.begin(), a.marks.end(), [](const Mark& x) { return x.pass == Pass::ConflictEdge; }))
        continue;
      a.marks.push_back(std::move(m));
    }
  return a;
}

}  // namespace histmap
