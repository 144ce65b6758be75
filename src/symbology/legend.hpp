// Legend items: a category, how it looks and its words, for whichever front
// end draws the legend. No stringified keys: the category is the key.
#pragma once

#include <string>
#include <vector>

#include "symbology/appearance.hpp"
#include "symbology/classify.hpp"
#include "symbology/words.hpp"

namespace histmap {

struct LegendItem {
  Category category;
  Appearance appearance;
  std::string label;
};

// A name from the data in `lang`, else English, else `fallback`.
std::string name_in(const Names& names, const std::string& lang, const std::string& fallback);

// A stable text key of a category for exports and their styles ("control:am_ssr:stated",
// "claim:tr", "status:assigned:ru:am_ssr", "conflict:control:a+b", "no_source"):
// written once into a field, compared for equality, never parsed back.
std::string category_key(const Category& c, const Atlas& atlas);

// The words for one category ("Controlled by Republic of Armenia").
std::string legend_label(const Category& c, const Atlas& atlas, const Words& w);

// The distinct legend categories of the given states, in legend order. Claims
// and statuses are listed once whatever their date's precision.
std::vector<Category> legend_categories(const std::vector<const PieceState*>& states);

std::vector<LegendItem> legend(const std::vector<const PieceState*>& states, const Atlas& atlas, const Style& style,
                               const Words& w);

// Legends of several atlases (source selections) joined: each kind's entries stay together in
// the legend's kind order (controllers, conflicts, claims, statuses, ...), each kind's entries
// in the order they were joined.
void group_by_kind(std::vector<LegendItem>& items);

}  // namespace histmap
