// The one table of histmap's own words (legend, title and date lines, captions,
// credit lines, the page's interface), one YAML file per language in
// styles/words/<lang>.yaml with the same keys. Names of polities, regions and
// places are not here: they come from the data, in the same languages.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "model/date.hpp"

namespace histmap {

class Words {
 public:
  std::string lang;
  std::map<std::string, std::string> table;  // message id -> text

  // The text of `id` ("" and never a throw when missing: the key test guards completeness).
  const std::string& get(const std::string& id) const;
  // `id` with each {name} replaced by its value.
  std::string fill(const std::string& id, const std::vector<std::pair<std::string, std::string>>& values) const;
};

// The languages histmap speaks, in the order the exports name them.
const std::vector<std::string>& word_languages();

// Reads one words file; false with `error` (file, line, what is wrong) on bad input.
bool load_words(const std::string& path, const std::string& lang, Words& out, std::string& error);

// The words of `lang` from the styles folder, read once per process. Throws
// std::runtime_error naming the file when it is missing or broken (an
// installation fault, not a user error).
const Words& words_for(const std::string& lang);

// "1 December 1920" in the words' language.
std::string day_words(Day d, const Words& w);
// A date as a source gives it, for readers: "summer 1921", "August 1920",
// "about 1 December 1920", "between … and …" (never raw EDTF).
std::string fuzzy_date_words(const FuzzyDate& f, const Words& w);

}  // namespace histmap
