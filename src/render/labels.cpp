// Seat points and labels. An uyezd's name goes where most of it lies inside
// that uyezd (one line, else two, else a size smaller), deep inside rather
// than near an edge; an uyezd the sources speak of often whose name fits
// nowhere inside gets it beside the area with a leader line. Town names follow
// in the room left. Nothing overlaps.
#include <algorithm>
#include <cmath>

#include "render/area_grid.hpp"
#include "render/canvas_impl.hpp"

namespace histmap {

namespace {

constexpr double kGoodShare = 0.92;  // this much of the label inside its area: take it at once
constexpr double kFairShare = 0.75;  // the least kept inside; below it the label goes beside, with a leader
constexpr double kSmaller = 0.85;    // the smaller type tried when the name does not fit

bool free_inside(const Box& b, const Box& f, const std::vector<Box>& taken) {
  if (b.x0 < f.x0 || b.x1 > f.x1 || b.y0 < f.y0 || b.y1 > f.y1) return false;
  return std::none_of(taken.begin(), taken.end(), [&](const Box& t) { return t.overlaps(b); });
}

// One way to set a name: its lines, type size and the size of the block.
struct Setting {
  std::vector<std::string> lines;
  double size;
  std::vector<double> widths;
  double w = 0, h = 0;
};

Setting set_text(const Frame& f, std::vector<std::string> lines, double size) {
  Setting s{std::move(lines), size, {}};
  for (const auto& l : s.lines) {
    Pt sz = f.text.size(l, size, true);
    s.widths.push_back(sz.x);
    s.w = std::max(s.w, sz.x);
    s.h += sz.y;
  }
  return s;
}

// The name on one line, on two (split at the space nearest its middle), in two sizes.
std::vector<Setting> settings_of(const Frame& f, const std::string& name) {
  std::vector<std::vector<std::string>> forms{{name}};
  size_t best = std::string::npos;
  for (size_t k = name.find(' '); k != std::string::npos; k = name.find(' ', k + 1))
    if (best == std::string::npos ||
        std::abs(double(k) - name.size() / 2.0) < std::abs(double(best) - name.size() / 2.0))
      best = k;
  if (best != std::string::npos) forms.push_back({name.substr(0, best), name.substr(best + 1)});
  std::vector<Setting> out;
  for (double scale : {1.0, kSmaller})
    for (const auto& form : forms) out.push_back(set_text(f, form, f.style.font_region * scale));
  return out;
}

struct Placed {
  int label = -1;  // index into the canvas's region labels; -1: none found
  Setting setting;
  Box box{};
  double share = -1;
  float depth = -1;
  bool leader = false;
  Pt anchor{};
};

// The best free box for `s` on `grid`: most inside (in steps of 2%), then deepest at its centre.
Placed best_inside(const Frame& f, const AreaGrid& grid, const Setting& s, const std::vector<Box>& taken) {
  Placed best;
  const int wc = static_cast<int>(std::ceil(s.w / grid.cell())), hc = static_cast<int>(std::ceil(s.h / grid.cell()));
  for (int j = 0; j + hc <= grid.rows(); ++j)
    for (int i = 0; i + wc <= grid.columns(); ++i) {
      double share = std::floor(grid.share_inside(i, j, wc, hc) * 50) / 50;
      if (share < best.share || share == 0) continue;
      float depth = grid.depth(i + wc / 2, j + hc / 2);
      if (share == best.share && depth <= best.depth) continue;
      Pt c = grid.corner(i, j);
      double cx = c.x + wc * grid.cell() / 2, cy = c.y + hc * grid.cell() / 2;
      Box b{cx - s.w / 2, cy - s.h / 2, cx + s.w / 2, cy + s.h / 2};
      if (!free_inside(b, f.im.frame, taken)) continue;
      best = {0, s, b, share, depth};
    }
  return best;
}

// Whether the segment a-b passes through box `b` (Liang–Barsky clipping).
bool crosses(Pt a, Pt b, const Box& box) {
  double t0 = 0, t1 = 1, dx = b.x - a.x, dy = b.y - a.y;
  const double p[] = {-dx, dx, -dy, dy}, q[] = {a.x - box.x0, box.x1 - a.x, a.y - box.y0, box.y1 - a.y};
  for (int k = 0; k < 4; ++k) {
    if (p[k] == 0) {
      if (q[k] < 0) return false;
      continue;
    }
    double t = q[k] / p[k];
    if (p[k] < 0) t0 = std::max(t0, t);
    else t1 = std::min(t1, t);
    if (t0 > t1) return false;
  }
  return true;
}

bool segments_cross(Pt a, Pt b, Pt c, Pt d) {
  auto side = [](Pt p, Pt q, Pt r) { return (q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x); };
  return side(a, b, c) * side(a, b, d) < 0 && side(c, d, a) * side(c, d, b) < 0;
}

// Where a leader leaves its label: the label's point nearest the area's deepest point.
Pt leader_start(const Box& b, Pt anchor) {
  return {std::clamp(anchor.x, b.x0, b.x1), std::clamp(anchor.y, b.y0, b.y1)};
}

// The share of box `b` over land the map divides into areas (any piece), on `land`.
double share_over_land(const AreaGrid& land, const Box& b) {
  Pt o = land.corner(0, 0);
  int i0 = static_cast<int>(std::floor((b.x0 - o.x) / land.cell())),
      j0 = static_cast<int>(std::floor((b.y0 - o.y) / land.cell()));
  int i1 = static_cast<int>(std::ceil((b.x1 - o.x) / land.cell())),
      j1 = static_cast<int>(std::ceil((b.y1 - o.y) / land.cell()));
  return land.share_inside(i0, j0, i1 - i0, j1 - j0);
}

// Beside the area, round its deepest point in rings half a line apart: the free spot that lies
// least over other areas (where it could be read as their name), then the nearest; its leader
// crosses no other label and no other leader.
Placed beside(const Frame& f, const Setting& s, Pt anchor, const AreaGrid& land, const std::vector<Box>& taken,
              const std::vector<std::pair<Pt, Pt>>& leaders) {
  Placed best;
  double best_cost = 1e18;
  for (double ring = 1; ring <= 3.5; ring += 0.5)
    for (int k = 0; k < 16; ++k) {  // right and left first, then round the clock
      double angle = (k % 2 ? M_PI : 0) + (k / 2) * M_PI / 8 * ((k / 2) % 2 ? 1 : -1);
      double dx = std::cos(angle), dy = std::sin(angle);
      double cx = anchor.x + dx * (ring * s.h + s.w / 2), cy = anchor.y + dy * (ring * s.h + s.h / 2);
      Box b{cx - s.w / 2, cy - s.h / 2, cx + s.w / 2, cy + s.h / 2};
      double cost = ring + share_over_land(land, b);
      if (cost >= best_cost || !free_inside(b, f.im.frame, taken)) continue;
      Pt from = leader_start(b, anchor);
      if (std::any_of(taken.begin(), taken.end(), [&](const Box& t) { return crosses(from, anchor, t); })) continue;
      if (std::any_of(leaders.begin(), leaders.end(),
                      [&](const auto& l) { return segments_cross(from, anchor, l.first, l.second); }))
        continue;
      best = {0, s, b, 0, 0, true, anchor};
      best_cost = cost;
    }
  return best;
}

// How much the assertions speak of each label's uyezd: each assertion counts once, shared among
// the uyezds it touches, so one about a whole republic weighs little on each. Who gets a leader first.
std::vector<double> mentions(const Frame& f) {
  const auto& labels = f.im.region_labels;
  std::vector<double> out(labels.size(), 0);
  std::vector<size_t> touched;
  for (const auto& a : f.atlas.assertions) {
    if (a.region < 0) continue;
    const auto& theirs = f.atlas.regions[a.region].pieces;
    touched.clear();
    for (size_t k = 0; k < labels.size(); ++k) {
      const auto& mine = f.atlas.regions[labels[k].region].pieces;
      if (std::any_of(theirs.begin(), theirs.end(),
                      [&](int p) { return std::binary_search(mine.begin(), mine.end(), p); }))
        touched.push_back(k);
    }
    for (size_t k : touched) out[k] += 1.0 / touched.size();
  }
  return out;
}

void draw_label(const Frame& f, const Placed& p) {
  const Style& style = f.style;
  if (p.leader) {  // from the label's nearest edge to the area's deepest point, over a light halo
    Pt from = leader_start(p.box, p.anchor);
    cairo_move_to(f.cr, from.x, from.y);
    cairo_line_to(f.cr, p.anchor.x, p.anchor.y);
    set_rgb(f.cr, style.page, 0.85);
    cairo_set_line_width(f.cr, 1.6);
    cairo_stroke_preserve(f.cr);
    set_rgb(f.cr, style.text);
    cairo_set_line_width(f.cr, 0.5);
    cairo_stroke(f.cr);
  }
  double y = p.box.y0;
  for (size_t k = 0; k < p.setting.lines.size(); ++k) {
    double cx = (p.box.x0 + p.box.x1) / 2 - p.setting.widths[k] / 2;
    y += f.text.draw(p.setting.lines[k], cx, y, p.setting.size, style.text, true, -1, &style.page).y;
  }
}

// Every uyezd name that finds room, inside its area or beside it; their boxes join `taken`.
std::vector<Placed> place_region_names(const Frame& f, std::vector<Box>& taken) {
  const auto& labels = f.im.region_labels;
  std::vector<Placed> out;
  std::vector<size_t> outside;
  for (size_t k = 0; k < labels.size(); ++k) {
    std::vector<Setting> settings = settings_of(f, labels[k].text);
    std::vector<const Shape*> shapes;
    for (int p : f.atlas.regions[labels[k].region].pieces) shapes.push_back(&f.im.pieces[p]);
    AreaGrid grid(shapes, f.style.font_region * kSmaller / 3, settings.front().w / 2);
    if (grid.empty()) continue;
    Placed best;
    for (const auto& s : settings) {
      Placed p = best_inside(f, grid, s, taken);
      if (p.share > best.share) best = p;
      if (p.share >= kGoodShare) break;
    }
    if (best.share < kFairShare) {
      outside.push_back(k);
      continue;
    }
    best.label = static_cast<int>(k);
    taken.push_back(best.box);
    out.push_back(std::move(best));
  }
  // Beside their areas, the most spoken-of first, only those spoken of at least a quarter as much as the most.
  std::vector<double> n = mentions(f);
  double most = n.empty() ? 0 : *std::max_element(n.begin(), n.end());
  std::stable_sort(outside.begin(), outside.end(), [&](size_t a, size_t b) { return n[a] > n[b]; });
  std::vector<std::pair<Pt, Pt>> leaders;
  std::vector<const Shape*> all;
  for (size_t p = 0; p < f.im.pieces.size(); ++p)
    if (f.im.visible[p]) all.push_back(&f.im.pieces[p]);
  AreaGrid land(all, f.style.font_region / 2, 0);
  for (size_t k : outside) {
    if (n[k] * 4 < most || n[k] == 0) continue;
    Setting smaller = set_text(f, {labels[k].text}, f.style.font_region * kSmaller);
    Placed p = beside(f, smaller, labels[k].at, land, taken, leaders);
    if (p.setting.lines.empty()) continue;
    p.label = static_cast<int>(k);
    taken.push_back(p.box);
    leaders.push_back({leader_start(p.box, p.anchor), p.anchor});
    out.push_back(std::move(p));
  }
  return out;
}

std::vector<Box> seat_boxes(const Frame& f) {
  std::vector<Box> out;
  double r = f.style.place_radius + 0.5;
  for (const auto& pl : f.im.places)
    if (pl.seat) out.push_back({pl.at.x - r, pl.at.y - r, pl.at.x + r, pl.at.y + r});
  return out;
}

void draw_place_labels(const Frame& f, std::vector<Box>& taken) {
  const Style& style = f.style;
  Box frame = f.im.frame;
  frame.x0 = -1e18;  // a place label may start left of the frame's edge (it begins at its point)
  for (const auto& pl : f.im.places) {
    if (!pl.seat) continue;
    Pt sz = f.text.size(pl.text, style.font_place);
    for (double dy : {-sz.y / 2, -sz.y - 1, 1.0}) {  // right of the point, then above, then below
      Box b{pl.at.x + style.place_radius + 1.5, pl.at.y + dy, pl.at.x + style.place_radius + 1.5 + sz.x,
            pl.at.y + dy + sz.y};
      if (!free_inside(b, frame, taken)) continue;
      f.text.draw(pl.text, b.x0, b.y0, style.font_place, style.text, false, -1, &style.page);
      taken.push_back(b);
      break;
    }
  }
}

}  // namespace

void draw_places_and_labels(const Frame& f, const std::vector<Box>& reserved) {
  cairo_t* cr = f.cr;
  for (const auto& pl : f.im.places) {
    if (!pl.seat) continue;
    cairo_new_sub_path(cr);
    cairo_arc(cr, pl.at.x, pl.at.y, f.style.place_radius, 0, 2 * M_PI);
  }
  set_rgb(cr, f.style.place_colour);
  cairo_fill(cr);
  if (!f.options.labels) return;
  std::vector<Box> taken = seat_boxes(f);
  taken.insert(taken.end(), reserved.begin(), reserved.end());
  for (const auto& p : place_region_names(f, taken)) draw_label(f, p);
  draw_place_labels(f, taken);
}

std::vector<MapCanvas::PlacedName> MapCanvas::placed_names(const Style& style) const {
  cairo_surface_t* surface = cairo_recording_surface_create(CAIRO_CONTENT_COLOR, nullptr);
  cairo_t* cr = cairo_create(surface);
  Frame f{cr, atlas_, *impl_, options_, style, Text{cr, style.font_family}};
  std::vector<Box> taken = seat_boxes(f);
  std::vector<PlacedName> out;
  for (const auto& p : place_region_names(f, taken))
    out.push_back({impl_->region_labels[p.label].region,
                   {p.box.x0, p.box.y0, p.box.x1, p.box.y1},
                   p.leader,
                   p.anchor.x,
                   p.anchor.y});
  cairo_destroy(cr);
  cairo_surface_destroy(surface);
  return out;
}

}  // namespace histmap
