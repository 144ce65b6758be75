// Source sets: the folders under a dataset's sets/ that load by default, and
// the choice of some of them (--sources), made once after loading so every
// later stage sees only the assertions in use.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/report.hpp"
#include "model/atlas.hpp"

namespace histmap {

// The set folders under `data_dir`/sets: first those `order` names (each must
// exist), then any others by name, so a new folder loads without editing a list.
std::vector<std::filesystem::path> shipped_set_dirs(const std::filesystem::path& data_dir,
                                                    const std::vector<std::string>& order, Report& report);

// Keeps the assertions whose source, or whose source's set, `only` names (ids
// of sets or sources; empty keeps all) and marks the other sets not in use.
// Unknown ids are errors listing what exists. Links between kept assertions
// (overrides, contradicts) are kept; links to left-out ones are dropped.
void keep_selected(Atlas& atlas, const std::vector<std::string>& only, Report& report);

// The ids of the sets in use, joined with commas (for messages and cache keys).
std::string sets_in_use_ids(const Atlas& atlas);

}  // namespace histmap
