// Checks that need the whole loaded dataset: geometry partition, the
// uyezd structure, and dates against polity lifespans.
#pragma once

#include "data/report.hpp"
#include "model/atlas.hpp"

namespace histmap {

struct ValidateOptions {
  double tolerance_km2 = 0.5;  // overlaps and gaps up to this area are seams, not errors
};

void validate_atlas(const Atlas& atlas, const ValidateOptions& options, Report& report);

}  // namespace histmap
