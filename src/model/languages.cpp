#include "model/languages.hpp"

#include <algorithm>

namespace histmap {

const std::vector<std::string>& language_codes() {
  static const std::vector<std::string> codes{"en", "ru", "az", "hy", "ka"};
  return codes;
}

bool is_language_code(const std::string& code) {
  const auto& c = language_codes();
  return std::find(c.begin(), c.end(), code) != c.end();
}

std::string language_list() {
  std::string out;
  for (const auto& c : language_codes()) out += (out.empty() ? "" : ", ") + c;
  return out;
}

}  // namespace histmap
