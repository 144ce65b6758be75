// Builds geodata/ from the modern boundary sources: pieces (districts mapped to
// uyezds by the crosswalk, cut where a historical line runs through them, with
// the seams between providers resolved), regions, places, base layers from
// GSHHG/DCW through gmt, and REPORT.md. Deterministic: same inputs, same bytes.
#pragma once

#include <string>

#include "data/report.hpp"

namespace histmap {

struct GeodataBuildOptions {
  std::string sources_dir;  // ../shared/sources (geoboundaries/, tr-geojson/)
  std::string input_dir;    // geodata/source: crosswalk.csv, splits.yaml, regions.in.yaml, places.csv
  std::string out_dir;      // geodata/
  bool base_layers = true;  // needs the gmt program with gmt-gshhg-high and gmt-dcw
};

// Writes every output through a temporary file; on error writes nothing more
// and leaves the report's findings to say why.
void build_geodata(const GeodataBuildOptions& options, Report& report);

}  // namespace histmap
