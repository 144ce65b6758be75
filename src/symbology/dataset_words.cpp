#include "symbology/dataset_words.hpp"

#include "model/date.hpp"

namespace histmap {

std::string dataset_title(const Atlas& atlas, const Words& w) { return DatasetInfo::in(atlas.dataset.title, w.lang); }

std::string map_title(const Atlas& atlas, const Words& w) {
  return w.fill("map.title", {{"title", dataset_title(atlas, w)}});
}

std::string data_credit(const Atlas& atlas, const Words& w) {
  const std::string& credit = DatasetInfo::in(atlas.dataset.credit, w.lang);
  return credit.empty() ? w.get("credit.tool") : credit + " " + w.get("credit.tool");
}

std::string dataset_label(const Atlas& atlas) {
  const DatasetInfo& d = atlas.dataset;
  std::string label = DatasetInfo::in(d.title, "en");
  if (d.first != 0 || d.last != 0)
    label += " " + format_day(d.first).substr(0, 4) + "-" + format_day(d.last).substr(0, 4);
  return label;
}

}  // namespace histmap
