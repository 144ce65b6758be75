// The dataset's own words (dataset.yaml) set into histmap's sentences, for
// every front end: the map's title and the credit line's data part.
#pragma once

#include <string>

#include "model/atlas.hpp"
#include "symbology/words.hpp"

namespace histmap {

// The dataset's title in the words' language (else English).
std::string dataset_title(const Atlas& atlas, const Words& w);
// "<title>: territorial control as the loaded sources assert it" (words `map.title`).
std::string map_title(const Atlas& atlas, const Words& w);
// The dataset's credit (boundaries, licences) followed by "Made with histmap."
std::string data_credit(const Atlas& atlas, const Words& w);
// "<title> 1918-1923": the dataset's English title and the years of its period.
std::string dataset_label(const Atlas& atlas);

}  // namespace histmap
