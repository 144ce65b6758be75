// A resolved state in plain words (English), for attribute tables, map tips
// and any reader of an export who does not want to decode ids.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "time/resolve.hpp"

namespace histmap {

// The languages every exported name is given in, as fields name_<lang>.
inline const char* const kNameLanguages[] = {"en", "ru", "az", "hy", "ka"};

// "Controlled by Armenia (stated). Claimed by Azerbaijan. Troops present: Soviet Russia. Sources disagree about
// control."
std::string describe_state(const Atlas& atlas, const PieceState& s);

// Names beside the ids: uyezd_name_<lang>, governorate_name_en, controller_name_<lang> (en is
// controller_name), claimant_names, state_text. Null where the dataset has no name.
nlohmann::ordered_json named_properties(const Atlas& atlas, int piece, const PieceState& s);

}  // namespace histmap
