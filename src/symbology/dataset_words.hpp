// The dataset's own words (dataset.yaml) set into histmap's sentences, for
// every front end: the map's title and the credit line's data part.
#pragma once

#include <string>
#include <vector>

#include "model/atlas.hpp"
#include "symbology/words.hpp"

namespace histmap {

// The dataset's title in the words' language (else English).
std::string dataset_title(const Atlas& atlas, const Words& w);
// "<title>: territorial control as the sources assert it (<sets>)" (words `map.title`).
std::string map_title(const Atlas& atlas, const Words& w);
// A source set's short name in the words' language (else English, else its id).
std::string set_name(const SourceSet& set, const Words& w);
// Items as one list in the words' language: "A, B and C" (words `list.and`).
std::string list_words(const std::vector<std::string>& items, const Words& w);
// The sets in use as one list: "Azerbaijani-side texts, encyclopedic articles and Armenian-side pages".
std::string sets_in_use_words(const Atlas& atlas, const Words& w);
// The dataset's credit (boundaries, licences) followed by "Made with histmap."
std::string data_credit(const Atlas& atlas, const Words& w);
// "<title> 1918-1923": the dataset's English title and the years of its period.
std::string dataset_label(const Atlas& atlas);

}  // namespace histmap
