// REPORT.md of the geodata build: how each uyezd was reconstructed, how large it
// comes out, and how that compares with the historical area the sources give
// (source/reference_areas.csv). Plain data in, text out: no geometry here.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "data/report.hpp"

namespace histmap {

struct ReportPiece {
  std::string id, name, districts, uyezd, confidence, reason;
  std::vector<std::string> parts;
  double area_km2 = 0;
};

struct ReportRegion {
  std::string id, kind, name_en;
  std::vector<std::string> pieces;  // own pieces plus those of the parts listed in the crosswalk
};

// One row of source/reference_areas.csv: a historical area as a page states it.
struct ReferenceArea {
  std::string region;
  double square_versts = 0;  // 0: the page gives none
  double km2 = 0;            // 0: no figure found at all
  std::string source, url, locator, note, gap;
  int line = 0;
};

struct GeodataSummary {
  std::vector<ReportPiece> pieces;    // sorted by id
  std::vector<ReportRegion> regions;  // in the order of regions.in.yaml
  std::map<std::string, std::string> mask_notes;
  double overlap_removed_km2 = 0, holes_km2 = 0;
  int holes_filled = 0;
  std::vector<std::pair<std::string, double>> named_water;  // "Lake Sevan (lake)", km² in the frame
  bool base_layers = false;
};

// Reads reference_areas.csv; every region must be an uyezd of `uyezds`, figures
// must be numbers, and a square-verst figure must agree with its km² (1 sq verst = 1.138 km²).
std::vector<ReferenceArea> read_reference_areas(const std::string& path, const std::vector<std::string>& uyezds,
                                                Report& report);

std::string geodata_report_markdown(const GeodataSummary& summary, const std::vector<ReferenceArea>& references);

}  // namespace histmap
