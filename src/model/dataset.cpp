#include "model/dataset.hpp"

namespace histmap {

const std::string& DatasetInfo::in(const std::map<std::string, std::string>& texts, const std::string& lang) {
  static const std::string none;
  auto it = texts.find(lang);
  if (it == texts.end()) it = texts.find("en");
  return it == texts.end() ? none : it->second;
}

}  // namespace histmap
