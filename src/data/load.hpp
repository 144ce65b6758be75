// Loading a dataset directory (its shared geometry and regions, the source sets
// under its sets/ folder, and further sets given beside it) into an Atlas.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "data/area.hpp"
#include "data/report.hpp"
#include "model/atlas.hpp"

namespace histmap {

struct LoadOptions {
  std::string data_dir;                 // base dataset: pieces, regions, polities, sources, assertions
  std::vector<std::string> extra_dirs;  // further source sets: polities, sources, regions, assertions
  std::vector<std::string> only;        // ids of the sets or sources to keep (--sources); empty: all
};

// Returns the atlas, or nullptr when the report holds errors. Never throws
// for bad data: every problem becomes a finding with its file and line.
std::unique_ptr<Atlas> load_atlas(const LoadOptions& options, Report& report);

// The directory holding the shipped data: $HISTMAP_DATA, else the geodata/
// folder of the source tree this binary was built from.
std::string default_data_dir();

}  // namespace histmap
