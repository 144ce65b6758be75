// Where a statement with no stated end stops (YAML `to: next`), per piece.
// Rule (docs/resolution.md, "Ends that stop"): on piece p an open-ended
// assertion X ends, as an uncertain range from its own start, at the first of
//  - the next firm date (given to the day, month or season, not approximate) on which
//    another assertion touching p starts that changes who holds or is owed p:
//    control by another party, `assigned` to another beneficiary, an
//    `administration` by another party, or (for a claim) its party renouncing it;
//  - where no such date follows, the last firm date any loaded source gives
//    for p (after that no source speaks, and nothing is carried forward);
//  - and never past the end of X's party's lifespan (polities.yaml).
#pragma once

#include <vector>

#include "model/atlas.hpp"

namespace histmap {

// The interval assertion `a` has on `piece`, given the assertions touching
// that piece. Assertions with a stated end keep their interval.
Interval interval_on(const Atlas& atlas, int a, const std::vector<int>& touching);

// interval_on for each of `touching`, in the same order.
std::vector<Interval> intervals_on(const Atlas& atlas, const std::vector<int>& touching);

}  // namespace histmap
