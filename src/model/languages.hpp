// The languages names and labels may be given in: one list, used by the loader,
// the exports (one name_<code> column each) and the --lang check of the CLI.
#pragma once

#include <string>
#include <vector>

namespace histmap {

// ISO 639-1 codes, in the order columns and help texts list them.
const std::vector<std::string>& language_codes();
bool is_language_code(const std::string& code);
// "en, ru, az, hy, ka", for help texts and error messages.
std::string language_list();

}  // namespace histmap
