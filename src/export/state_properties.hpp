// The properties of a resolved state, as JSON: one definition shared by
// `histmap state --format json` and the GeoJSON/GeoPackage exports, so their
// property names are the same (docs/json.md).
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "time/resolve.hpp"

namespace histmap {

std::string name_of(const Polity& p, const std::string& lang = "en");
std::string name_of(const Region& r, const std::string& lang = "en");

// Assertion ids as a JSON array.
nlohmann::ordered_json assertion_ids(const Atlas& atlas, const std::vector<int>& assertions);

// controller, controller_name, claimants, designations [{type, by, beneficiary, assertions}],
// conflict, conflicts, other_controllers, category (control, conflict, no_controller,
// no_source: what fills the area), control_basis, legend_keys (the state's legend
// categories joined by ';', see symbology/legend.hpp), precision, uncertain_assertions, assertions,
// set_aside, sources.
nlohmann::ordered_json state_json(const Atlas& atlas, const PieceState& s);

}  // namespace histmap
