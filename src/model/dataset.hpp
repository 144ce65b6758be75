// What a dataset says about itself (geodata/dataset.yaml): its title and credit
// line per language, the period it covers, the projections its maps and areas
// use, a note on whose accounts it carries, and the languages of its names.
// Front ends take these from here, so no dataset's words sit in the code.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "model/date.hpp"

namespace histmap {

struct DatasetInfo {
  std::map<std::string, std::string> title;        // language code -> e.g. "South Caucasus"
  std::map<std::string, std::string> credit;       // language code -> data credit (boundaries, licences)
  std::map<std::string, std::string> perspective;  // language code -> whose accounts the texts give
  Day first = 0, last = 0;  // the period (inclusive); when not given, the span the assertions may cover
  Day start = 0;            // the day a page opens on; `first` when not given
  // PROJ/EPSG definition of the map projection (the QGIS project's CRS);
  // empty: a Lambert conic fitted to the pieces.
  std::string crs;
  // Equal-area projection for piece areas; empty: Lambert azimuthal equal-area
  // centred on the pieces.
  std::string equal_area_crs;
  std::vector<std::string> languages;  // codes the dataset's names are given in
  std::vector<std::string> sets;       // the order of the shipped source sets (folders under sets/)
  std::string file;                    // the dataset.yaml read, "" when the dataset has none

  // The text in `lang`, else in English, else "".
  static const std::string& in(const std::map<std::string, std::string>& texts, const std::string& lang);
};

}  // namespace histmap
