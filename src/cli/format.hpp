// Text and JSON forms of resolved states, shared by the subcommands.
// The JSON property names are a documented contract (docs/json.md); the
// GeoJSON export uses the same names.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "time/resolve.hpp"
#include "time/timeline.hpp"

namespace histmap {

std::string name_of(const Polity& p, const std::string& lang = "en");
std::string name_of(const Region& r, const std::string& lang = "en");

// The state's properties: controller, controller_name, claimants,
// designations [{type, by, beneficiary}], conflict, conflicts, precision,
// uncertain_assertions, assertions, set_aside, sources.
nlohmann::ordered_json state_json(const Atlas& atlas, const PieceState& s);

// One line: "controlled by X; claimed by Y; disputed (declared by Z)".
std::string state_summary(const Atlas& atlas, const PieceState& s);

nlohmann::ordered_json change_json(const Atlas& atlas, const Change& c);

// Serialises JSON for output: two-space indent, UTF-8 kept as is, final newline.
std::string dump(const nlohmann::ordered_json& j);

}  // namespace histmap
