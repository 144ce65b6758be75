// Every conflict in the dataset over all time: which assertions disagree,
// about what, on which days and where.
#pragma once

#include <string>
#include <vector>

#include "time/resolve.hpp"

namespace histmap {

struct ConflictSpan {
  ConflictRef conflict;
  Day first = 0;
  Day last = 0;             // inclusive; kOpenFuture if it never ends
  std::vector<int> pieces;  // sorted
};

std::vector<ConflictSpan> all_conflicts(const Resolver& r);

}  // namespace histmap
