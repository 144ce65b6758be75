// Text and JSON forms of resolved states, shared by the subcommands.
// The JSON property names are a documented contract (docs/json.md); the
// GeoJSON export uses the same names.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "export/state_properties.hpp"
#include "time/resolve.hpp"
#include "time/timeline.hpp"

namespace histmap {

// One line: "controlled by X; claimed by Y; disputed (declared by Z)".
std::string state_summary(const Atlas& atlas, const PieceState& s);

nlohmann::ordered_json change_json(const Atlas& atlas, const Change& c);

// Serialises JSON for output: two-space indent, UTF-8 kept as is, final newline.
std::string dump(const nlohmann::ordered_json& j);

}  // namespace histmap
