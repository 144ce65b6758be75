// The comparison map: the canvas's ground, water, lines, labels and legend panel
// around areas painted from given appearances, with changed pieces outlined
// heavily and unchanged ones faded. Pieces whose two sides differ show each
// side's state in alternating bands, so neither side is drawn over the other.
#include "render/compare_map.hpp"

#include <algorithm>
#include <cmath>

#include "render/canvas_impl.hpp"
#include "symbology/dataset_words.hpp"

namespace histmap {
namespace {

constexpr double kBandWidth = 7;     // points; wider than a conflict's stripes, at another angle
constexpr double kBandAngle = -35;   // degrees
constexpr double kFadeAlpha = 0.62;  // the page colour's veil over unchanged pieces
constexpr double kHeavyWidth = 2.4;  // the changed pieces' outline
const std::vector<double> kOneSideDash = {5, 3};
constexpr double kSliverArea = 25;  // square points

// Every other band across `box` (page-anchored, as the hatches are), as one path.
void band_path(cairo_t* cr, const Box& box, int phase) {
  const double a = kBandAngle * M_PI / 180, dx = std::cos(a), dy = std::sin(a), nx = -dy, ny = dx;
  double lo = 1e300, hi = -1e300, along_lo = 1e300, along_hi = -1e300;
  for (Pt c : {Pt{box.x0, box.y0}, Pt{box.x1, box.y0}, Pt{box.x0, box.y1}, Pt{box.x1, box.y1}}) {
    lo = std::min(lo, c.x * nx + c.y * ny), hi = std::max(hi, c.x * nx + c.y * ny);
    along_lo = std::min(along_lo, c.x * dx + c.y * dy), along_hi = std::max(along_hi, c.x * dx + c.y * dy);
  }
  cairo_new_path(cr);
  for (double t = std::floor(lo / (2 * kBandWidth)) * 2 * kBandWidth + phase * kBandWidth; t < hi;
       t += 2 * kBandWidth) {
    auto at = [&](double along, double across) { return Pt{along * dx + across * nx, along * dy + across * ny}; };
    Pt p[4] = {at(along_lo, t), at(along_hi, t), at(along_hi, t + kBandWidth), at(along_lo, t + kBandWidth)};
    cairo_move_to(cr, p[0].x, p[0].y);
    for (int i = 1; i < 4; ++i) cairo_line_to(cr, p[i].x, p[i].y);
    cairo_close_path(cr);
  }
}

void paint_banded(const Frame& f, const std::vector<Appearance>& looks, const Area& area) {
  if (looks.size() < 2) {
    if (!looks.empty()) paint(f.cr, looks[0], area, f.style.page);
    return;
  }
  for (int side = 0; side < 2; ++side) {
    cairo_save(f.cr);
    band_path(f.cr, area.box, side);
    cairo_clip(f.cr);
    paint(f.cr, looks[side], area, f.style.page);
    cairo_restore(f.cr);
  }
}

struct ComparedGroup {
  const ComparedArea* look;
  std::vector<int> pieces;
  Area area;
};

std::vector<ComparedGroup> visible_compared_groups(const MapCanvas::Impl& im, const ComparedMap& map) {
  std::vector<ComparedGroup> out;
  for (size_t p = 0; p < map.pieces.size() && p < im.pieces.size(); ++p) {
    if (!im.visible[p]) continue;
    auto it = std::find_if(out.begin(), out.end(), [&](const ComparedGroup& g) { return *g.look == map.pieces[p]; });
    if (it == out.end()) {
      out.push_back({&map.pieces[p], {}, {}});
      out.back().area.box = {1e18, 1e18, -1e18, -1e18};
      it = out.end() - 1;
    }
    it->pieces.push_back(static_cast<int>(p));
    it->area.shapes.push_back(&im.pieces[p]);
    it->area.box = union_box(it->area.box, shape_box(im.pieces[p]));
  }
  return out;
}

void draw_compared_areas(const Frame& f, std::vector<ComparedGroup>& groups) {
  cairo_set_fill_rule(f.cr, CAIRO_FILL_RULE_EVEN_ODD);
  for (auto& g : groups) {
    g.area.outline = &f.im.outline(g.pieces);  // edges (conflict, imprecise date) follow the group's outline
    paint_banded(f, g.look->looks, g.area);
    if (g.look->mark != CompareMark::Faded) continue;
    for (const Shape* s : g.area.shapes) append(f.cr, *s);
    set_rgb(f.cr, f.style.page, kFadeAlpha);
    cairo_fill(f.cr);
  }
}

// One outline around all pieces with `mark`, over the boundary lines.
void draw_mark_outline(const Frame& f, const std::vector<ComparedGroup>& groups, CompareMark mark) {
  std::vector<int> pieces;
  for (const auto& g : groups)
    if (g.look->mark == mark) pieces.insert(pieces.end(), g.pieces.begin(), g.pieces.end());
  if (pieces.empty()) return;
  std::sort(pieces.begin(), pieces.end());
  // Closed rings smaller than a letter are slivers between pieces that do not quite meet, not
  // areas a reader could see: a heavy line around them would read as a mark of its own.
  Shape rings;
  for (const Ring& r : f.im.outline(pieces)) {
    double area = 0;
    for (size_t i = 0; i + 1 < r.size(); ++i) area += r[i].x * r[i + 1].y - r[i + 1].x * r[i].y;
    bool closed = r.size() > 2 && r.front().x == r.back().x && r.front().y == r.back().y;
    if (!closed || std::abs(area) / 2 >= kSliverArea) rings.push_back(r);
  }
  append_lines(f.cr, rings);
  stroke_line(f.cr, {f.style.text, kHeavyWidth, mark == CompareMark::OneSide ? kOneSideDash : std::vector<double>{}});
}

void draw_compared_title(const Frame& f, const ComparedMap& map, const Words& w) {
  const double W = f.options.width_pt, H = f.options.height_pt;
  std::string title = f.options.title.empty() ? map_title(f.atlas, w) : f.options.title;
  double size = f.style.font_title;
  while (size > 8 && f.text.size(title, size, true).x > W - 2 * kMargin) size *= 0.94;
  f.text.draw(title, kMargin, kMargin, size, f.style.text, true);
  double line = f.style.font_subtitle;  // one line, as the title: a wrapped line would run into the frame
  while (line > 6 && f.text.size(map.date_line, line).x > W - 2 * kMargin) line *= 0.95;
  f.text.draw(map.date_line, kMargin, kMargin + f.style.font_title * 1.6, line, f.style.text);
  std::string credit =
      map.sources.empty() ? w.get("credit.no_sources") : w.fill("credit.sources", {{"sources", map.sources}});
  credit += data_credit(f.atlas, w);
  f.text.draw(credit, kMargin, H - kMargin - kCreditBand + 6, f.style.font_credit, f.style.text, false,
              W - 2 * kMargin);
}

}  // namespace

LegendItem compare_legend_item(CompareMark mark, bool banded, const std::string& label, const Style& style) {
  LegendItem item{Category(Kind::NoSource), {}, label};
  Mark fill;
  fill.pattern = banded ? Pattern::Stripes : Pattern::Solid;
  fill.colours = banded ? std::vector<Rgb>{style.no_controller, style.text} : std::vector<Rgb>{style.no_controller};
  fill.angle = kBandAngle;
  fill.width = kBandWidth / 2;  // a swatch shows two bands of each
  fill.alpha = banded ? 0.45 : 1;
  if (mark == CompareMark::Faded) fill.colours = {style.text}, fill.alpha = 0.5;  // a mid tone, so the veil shows
  item.appearance.marks.push_back(fill);
  if (mark == CompareMark::Faded) {
    Mark veil;
    veil.colours = {style.page};
    veil.alpha = kFadeAlpha;
    item.appearance.marks.push_back(veil);
    return item;
  }
  Mark edge;
  edge.pattern = Pattern::Edge;
  edge.colours = {style.text};
  edge.width = kHeavyWidth * 1.5;  // half of it shows inside the swatch
  if (mark == CompareMark::OneSide) edge.dash = kOneSideDash;
  item.appearance.marks.push_back(edge);
  return item;
}

const std::vector<bool>& pieces_in_frame(const MapCanvas& canvas) { return canvas.impl().visible; }

void render_compared(const MapCanvas& canvas, const ComparedMap& map, const Style& style, const std::string& path,
                     Report& report) {
  const MapCanvas::Impl& im = canvas.impl();
  const MapOptions& options = canvas.options();
  const Words& words = words_for(options.lang);
  write_page(
      path, options.width_pt, options.height_pt, options.dpi, "histmap compare",
      [&](cairo_t* cr) {
        Frame f{cr, *im.atlas, im, options, style, Text{cr, style.font_family}};
        auto groups = visible_compared_groups(im, map);
        set_rgb(cr, style.page);
        cairo_paint(cr);
        cairo_save(cr);
        cairo_rectangle(cr, im.frame.x0, im.frame.y0, im.frame.x1 - im.frame.x0, im.frame.y1 - im.frame.y0);
        cairo_clip(cr);
        draw_ground(f);
        draw_compared_areas(f, groups);
        draw_water_and_lines(f);
        draw_mark_outline(f, groups, CompareMark::OneSide);
        draw_mark_outline(f, groups, CompareMark::Changed);
        draw_places_and_labels(f);
        draw_scale_and_north(f, canvas.scale_bar());
        cairo_restore(cr);
        draw_frame_border(f);
        draw_compared_title(f, map, words);
        if (options.legend) draw_legend_panel(f, map.legend, words);
        im.store_new_group_outlines();
      },
      report);
}

}  // namespace histmap
