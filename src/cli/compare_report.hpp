// The table `histmap compare` prints: text (grouped by uyezd, in the --lang
// language), CSV (one row per piece) and JSON (docs/cli/compare.md).
#pragma once

#include <string>
#include <vector>

#include "symbology/words.hpp"
#include "time/compare.hpp"

namespace histmap::cli {

struct CompareReport {
  bool dates = true;                      // two days of one atlas; false: two selections on one day
  std::string first_key, second_key;      // "1920-04-01" or the selection as given ("armenian")
  std::string first_label, second_label;  // in words: "1 April 1920" or the selection's name
  Day day = 0;                            // the one day of a selection compare
  const Atlas* first_atlas = nullptr;
  const Atlas* second_atlas = nullptr;
  std::vector<PieceComparison> rows;
};

// A state in words: its legend labels ("Controlled by …; Claimed by …").
std::string state_words(const Atlas& atlas, const PieceState& s, const Words& w);
// "a12 (s001, p. 152, line 40)" for each assertion, joined by "; ".
std::string assertion_refs(const Atlas& atlas, const std::vector<int>& assertions);

std::string compare_text(const CompareReport& r, const Words& w);
std::string compare_csv(const CompareReport& r, const Words& w);
std::string compare_json(const CompareReport& r, const Words& w);

}  // namespace histmap::cli
