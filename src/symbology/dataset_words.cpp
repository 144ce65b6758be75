#include "symbology/dataset_words.hpp"

#include "model/date.hpp"

namespace histmap {

std::string dataset_title(const Atlas& atlas, const Words& w) { return DatasetInfo::in(atlas.dataset.title, w.lang); }

std::string map_title(const Atlas& atlas, const Words& w) {
  return w.fill("map.title", {{"title", dataset_title(atlas, w)}, {"sets", sets_in_use_words(atlas, w)}});
}

std::string set_name(const SourceSet& set, const Words& w) {
  const std::string& name = DatasetInfo::in(set.name, w.lang);
  return name.empty() ? set.id : name;
}

std::string list_words(const std::vector<std::string>& items, const Words& w) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i)
    out += (i == 0 ? "" : i + 1 == items.size() ? w.get("list.and") : ", ") + items[i];
  return out;
}

std::string sets_in_use_words(const Atlas& atlas, const Words& w) {
  std::vector<std::string> names;
  for (const auto& s : atlas.sets)
    if (s.in_use) names.push_back(set_name(s, w));
  return list_words(names, w);
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
