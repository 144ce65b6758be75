// A figure caption for a rendered map, and the sources it cites as BibTeX and
// CSL JSON: `histmap render --caption` writes them next to the figure so it can
// go straight into a manuscript.
#pragma once

#include <string>
#include <vector>

#include "data/report.hpp"
#include "model/atlas.hpp"
#include "symbology/legend.hpp"

namespace histmap {

struct FigureCaption {
  std::string text;      // date in words, what each legend entry means, sources with locators, perspective
  std::string bibtex;    // one @misc entry per cited source
  std::string csl_json;  // the same sources as a CSL JSON array
};

// `legend` is what the map's legend shows (state categories, then `furniture` lines in words);
// `assertions` the assertions behind the areas shown. Words in the language of `w`.
FigureCaption figure_caption(const Atlas& atlas, Day day, const std::string& title,
                             const std::vector<LegendItem>& legend, const std::vector<std::string>& furniture,
                             const std::vector<int>& assertions, const Words& w);

// The same for a multiple (render with several --date): the heading lists every panel's date,
// `assertions` are the union of what the panels show.
FigureCaption figure_caption(const Atlas& atlas, const std::vector<Day>& days, const std::string& title,
                             const std::vector<LegendItem>& legend, const std::vector<std::string>& furniture,
                             const std::vector<int>& assertions, const Words& w);

// The three files beside FIGURE.ext: FIGURE.caption.txt, FIGURE.bib, FIGURE.csl.json.
std::vector<std::string> caption_paths(const std::string& figure);

// Writes all three (each atomically, all temp files first); errors go to the report.
void write_figure_caption(const std::string& figure, const FigureCaption& caption, Report& report);

}  // namespace histmap
