// Change points over a period: what changed where, and which assertions made it change.
#pragma once

#include <vector>

#include "time/resolve.hpp"

namespace histmap {

// Pieces that share one state on a day.
struct StateGroup {
  std::vector<int> pieces;
  const PieceState* state = nullptr;
};

// Groups `pieces` (ascending) by identical state on `day`, in order of first piece.
std::vector<StateGroup> group_by_state(const Resolver& r, const std::vector<int>& pieces, Day day);

struct Change {
  Day day = 0;
  int uyezd = -1;  // region index of the uyezd the pieces lie in, -1 if none
  std::vector<int> pieces;
  const PieceState* before = nullptr;
  const PieceState* after = nullptr;
  std::vector<int> because;  // assertions that begin, end, or turn certain/uncertain on the day
};

// Every change from `from` to `to` inclusive, ordered by day, uyezd, first piece.
std::vector<Change> timeline(const Resolver& r, Day from, Day to);

}  // namespace histmap
