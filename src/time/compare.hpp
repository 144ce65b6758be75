// Two resolved views side by side (histmap compare): one atlas on two days, or
// two source selections on one day. Both are the same question, asked of two
// sides (an atlas's resolver and a day), so one function answers both. It
// never decides between the sides: it lists where their states differ.
#pragma once

#include <string>
#include <vector>

#include "time/resolve.hpp"

namespace histmap {

struct CompareSide {
  const Resolver* resolver = nullptr;
  Day day = 0;
  const Atlas& atlas() const { return resolver->atlas(); }
};

// The parts of a state a reader sees on the map, in the order they weigh them.
enum class Aspect { Controller, Basis, Conflict, Claims, Statuses };
const char* to_string(Aspect a);  // "controller", "basis", "conflict", "claims", "statuses"

enum class Difference {
  Differs,     // both sides speak of the piece and say different things
  OnlyFirst,   // only the first side speaks of it (the second is silent)
  OnlySecond,  // only the second side speaks of it
};
const char* to_string(Difference d);  // "differs", "only_first", "only_second"

struct PieceComparison {
  int piece = -1;  // index in the first side's atlas
  int uyezd = -1;  // region index (first atlas) of the uyezd the piece lies in, -1 if none
  Difference kind = Difference::Differs;
  std::vector<Aspect> aspects;  // what differs (empty when one side is silent and the other names nothing)
  const PieceState* first = nullptr;
  const PieceState* second = nullptr;  // the state in the second side's resolver
  // The assertions behind the difference, each in its own side's atlas. One atlas on two
  // days: those that begin or end (or turn certain or uncertain) between the days on the
  // piece, split by the day whose state they are part of. Two atlases: each side's applied assertions.
  std::vector<int> first_assertions, second_assertions;
};

// What of a state differs from another (polities compared by id, so the sides may be
// different atlases). Empty when they agree; speaking or not is PieceComparison::kind.
std::vector<Aspect> differing_aspects(const Atlas& a, const PieceState& x, const Atlas& b, const PieceState& y);

// Every piece (of the first atlas, matched by id in the second) whose state differs between
// the sides, restricted to `pieces` when it is not empty; ordered by uyezd, then piece.
std::vector<PieceComparison> compare_sides(const CompareSide& first, const CompareSide& second,
                                           const std::vector<int>& pieces = {});

}  // namespace histmap
