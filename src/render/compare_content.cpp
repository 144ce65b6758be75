// What a comparison map shows, from the two sides' states: symbology's appearances and
// legend, the marks of compare_map.hpp, and the words of the --lang language.
#include <algorithm>
#include <map>
#include <set>

#include "render/compare_map.hpp"
#include "symbology/classify.hpp"
#include "time/timeline.hpp"

namespace histmap {
namespace {

// "id (title); ..." of the sources of some assertions, each source once across both atlases.
void add_sources(const Atlas& atlas, const std::set<int>& assertions, std::map<std::string, std::string>& out) {
  for (int a : assertions) {
    const Source& s = atlas.sources[atlas.assertions[a].source];
    out.emplace(s.id, s.title);
  }
}

std::string sources_line(const std::map<std::string, std::string>& sources) {
  std::string out;
  for (const auto& [id, title] : sources) out += (out.empty() ? "" : "; ") + id + " (" + title + ")";
  return out;
}

// Each piece's group as `render` groups them on the side's day: by identical state.
std::vector<int> render_groups(const CompareSide& side) {
  std::vector<int> all(side.atlas().pieces.size()), group(all.size());
  for (size_t p = 0; p < all.size(); ++p) all[p] = static_cast<int>(p);
  const auto groups = group_by_state(*side.resolver, all, side.day);
  for (size_t g = 0; g < groups.size(); ++g)
    for (int p : groups[g].pieces) group[p] = static_cast<int>(g);
  return group;
}

}  // namespace

ComparedMap map_of_days(const ComparedSides& sides, const std::vector<PieceComparison>& rows, const MapCanvas& canvas,
                        const Style& style, const Words& w) {
  const CompareSide& second = sides.second;
  const Atlas& atlas = second.atlas();
  ComparedMap m;
  std::vector<const PieceState*> shown;
  std::set<int> cited;
  const auto& visible = pieces_in_frame(canvas);
  const std::vector<int> group = render_groups(second);
  for (size_t p = 0; p < atlas.pieces.size(); ++p) {
    const PieceState& s = second.resolver->at(static_cast<int>(p), second.day);
    m.pieces.push_back({{appearance(classify(s), atlas, style)}, CompareMark::Faded, group[p]});
    if (!visible[p]) continue;
    shown.push_back(&s);
    cited.insert(s.assertions.begin(), s.assertions.end());
  }
  for (const auto& r : rows) {
    m.pieces[r.piece].mark = CompareMark::Changed;
    cited.insert(r.first_assertions.begin(), r.first_assertions.end());
  }
  m.legend = legend(shown, atlas, style, w);
  std::string since = sides.first_label;
  m.legend.push_back(
      compare_legend_item(CompareMark::Changed, false, w.fill("compare.map.changed", {{"date", since}}), style));
  m.legend.push_back(
      compare_legend_item(CompareMark::Faded, false, w.fill("compare.map.unchanged", {{"date", since}}), style));
  m.date_line = w.fill("compare.map.dates_line", {{"first", sides.first_label}, {"second", sides.second_label}});
  std::map<std::string, std::string> sources;
  add_sources(atlas, cited, sources);
  m.sources = sources_line(sources);
  return m;
}

ComparedMap map_of_selections(const ComparedSides& sides, const std::vector<PieceComparison>& rows,
                              const MapCanvas& canvas, const Style& style, const Words& w) {
  const CompareSide& first = sides.first;
  const Atlas& a = first.atlas();
  const Atlas& b = sides.second.atlas();
  ComparedMap m;
  std::vector<const PieceState*> shown_a, shown_b;
  std::set<int> cited_a, cited_b;
  const auto& visible = pieces_in_frame(canvas);
  const std::vector<int> group = render_groups(first);
  std::vector<const PieceComparison*> row_of(a.pieces.size(), nullptr);
  for (const auto& r : rows) row_of[r.piece] = &r;
  for (size_t p = 0; p < a.pieces.size(); ++p) {
    const PieceState& x = first.resolver->at(static_cast<int>(p), first.day);
    const PieceComparison* r = row_of[p];
    ComparedArea area{{appearance(classify(x), a, style)}, CompareMark::Faded};
    if (r && r->kind == Difference::Differs) {
      area = {{area.looks[0], appearance(classify(*r->second), b, style)}, CompareMark::Changed};
    } else if (r && r->kind == Difference::OnlySecond) {
      area = {{appearance(classify(*r->second), b, style)}, CompareMark::OneSide};
    } else if (r) {
      area.mark = CompareMark::OneSide;
    }
    area.group = group[p];
    m.pieces.push_back(area);
    if (!visible[p]) continue;
    if (!r || r->kind != Difference::OnlySecond)
      shown_a.push_back(&x), cited_a.insert(x.assertions.begin(), x.assertions.end());
    if (r && r->kind != Difference::OnlyFirst)
      shown_b.push_back(r->second), cited_b.insert(r->second->assertions.begin(), r->second->assertions.end());
  }
  m.legend = legend(shown_a, a, style, w);
  for (auto& item : legend(shown_b, b, style, w))
    if (std::none_of(m.legend.begin(), m.legend.end(), [&](const LegendItem& i) { return i.label == item.label; }))
      m.legend.push_back(item);
  group_by_kind(m.legend);
  m.legend.push_back(compare_legend_item(
      CompareMark::Changed, true,
      w.fill("compare.map.differ", {{"first", sides.first_label}, {"second", sides.second_label}}), style));
  m.legend.push_back(compare_legend_item(CompareMark::OneSide, false, w.get("compare.map.one_side"), style));
  m.legend.push_back(compare_legend_item(CompareMark::Faded, false, w.get("compare.map.agree"), style));
  m.date_line =
      w.fill("compare.map.sets_line",
             {{"date", day_words(first.day, w)}, {"first", sides.first_label}, {"second", sides.second_label}});
  std::map<std::string, std::string> sources;
  add_sources(a, cited_a, sources);
  add_sources(b, cited_b, sources);
  m.sources = sources_line(sources);
  return m;
}

}  // namespace histmap
