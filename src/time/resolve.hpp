// Resolution: the state of every piece on a given day, derived from the
// assertions whose region contains the piece and whose interval may contain
// the day. Rules (documented in docs/resolution.md, tested in tests/unit):
//  1. An assertion applies on D when D lies within its widest interval;
//     it is *uncertain* on D when D lies outside its certain core.
//  1a. An assertion with no stated end (`to: next`) ends per piece as
//     time/ends.hpp says, so nothing runs on past what a source says.
//  2. Set aside: only an assertion named in another applying assertion's
//     `overrides` (a statement that narrows itself). Nothing else is ever set
//     aside: across sources, documents or voices, differences stay conflicts.
//  3. Control is exclusive: two parties each with a certain assertion on D
//     is a conflict (controller null). One certain party wins over parties
//     that only uncertain assertions name (state flagged uncertain). Several
//     parties with only uncertain assertions: no controller, uncertain, no conflict.
//  4. "assigned" designations are exclusive in their beneficiary, as control is.
//  5. Claims and other designations accumulate.
//  6. An assertion that `contradicts` others adds a conflict ("statements") on
//     every day it applies; two datings of one event (`disagreement: dating`)
//     add a "dating" conflict over the days from the earlier dating to the later.
#pragma once

#include <string>
#include <vector>

#include "model/atlas.hpp"

namespace histmap {

struct PartyRef {
  int party = -1;
  std::vector<int> assertions;  // sorted assertion indices
  bool certain = false;         // at least one of them certainly holds on the day
  bool presupposed = true;      // every one of them is presupposed, none stated
  bool operator==(const PartyRef&) const = default;
};

struct DesignationRef {
  std::string type;
  int by = -1;
  int beneficiary = -1;
  std::vector<int> assertions;
  bool certain = false;
  bool presupposed = true;  // every one of them is presupposed, none stated
  bool operator==(const DesignationRef&) const = default;
};

struct ConflictRef {
  std::string about;            // "control" or the exclusive designation type
  std::vector<PartyRef> sides;  // each party with the assertions that name it
  bool operator==(const ConflictRef&) const = default;
};

struct PieceState {
  int controller = -1;            // -1: none asserted, undecided, or in conflict
  std::vector<PartyRef> control;  // every party named as controller on the day
  std::vector<PartyRef> claimants;
  std::vector<DesignationRef> designations;
  std::vector<ConflictRef> conflicts;
  bool certain = true;          // false when any applied assertion is uncertain on the day
  std::vector<int> assertions;  // applied assertions, sorted
  std::vector<int> uncertain;   // applied assertions that only may hold on the day
  std::vector<int> set_aside;   // overridden by rule 2
  bool conflict() const { return !conflicts.empty(); }
  // Whether the *control* part of the state rests on an imprecise date: the
  // controller is named only by uncertain assertions, or candidates are all uncertain.
  bool control_uncertain() const {
    if (controller >= 0) {
      for (const auto& c : control)
        if (c.party == controller) return !c.certain;
    }
    return !control.empty() && conflicts.empty();
  }
  // Whether the controller is named only by presupposed assertions.
  bool control_presupposed() const {
    for (const auto& c : control)
      if (c.party == controller) return c.presupposed;
    return false;
  }
  // No loaded source speaks of this piece on the day (as opposed to sources
  // that speak of it but name no controller).
  bool empty() const { return assertions.empty() && set_aside.empty(); }
  bool operator==(const PieceState&) const = default;
};

// Resolves one piece on one day from scratch (the reference the precomputed
// resolver is tested against).
PieceState resolve_piece(const Atlas& atlas, int piece, Day day);

class Resolver {
 public:
  explicit Resolver(const Atlas& atlas);

  // The state of every piece on `day`, indexed by piece: O(log n + pieces).
  std::vector<const PieceState*> at(Day day) const;
  const PieceState& at(int piece, Day day) const;

  // The intervals of unchanged state of one piece, in order. `first` is
  // kOpenPast for the first span and `last` kOpenFuture for the last.
  struct Span {
    Day first, last;
    const PieceState* state;
  };
  std::vector<Span> spans(int piece) const;

  // Every day on which some piece's state may change, ascending.
  const std::vector<Day>& change_points() const { return starts_; }
  const Atlas& atlas() const { return atlas_; }

 private:
  struct PieceTimeline {
    std::vector<Day> starts;         // ascending; state i holds from starts[i]
    std::vector<PieceState> states;  // states[0] holds before starts[1] (from the open past)
  };
  size_t segment(Day day) const;

  const Atlas& atlas_;
  std::vector<PieceTimeline> timelines_;
  std::vector<Day> starts_;                           // global change points
  std::vector<std::vector<unsigned>> segment_state_;  // [segment][piece] -> index into that piece's states
};

// Assertions covering a piece, and the days where they may change its state.
std::vector<int> assertions_touching(const Atlas& atlas, int piece);
void add_change_points(const Interval& iv, std::vector<Day>& out);

}  // namespace histmap
