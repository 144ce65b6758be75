// What a piece's state means for a reader, as legend categories: the one
// classification every front end (Cairo map, page, timeline chart, QGIS style)
// draws from. Data flows one way: resolve -> classify -> appearance / legend.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "time/resolve.hpp"

namespace histmap {

// In legend order: control first, then conflicts, claims and statuses, then
// "no controller" and "no source".
enum class Kind { Control, Conflict, Claim, Status, NoController, NoSource };

// How the sources name it: stated outright, presupposed (taken as given, not
// stated), or resting on an imprecise date (for control, this wins over presupposed).
// How control is asserted: stated, taken as given by the text (presupposed),
// on an imprecise date, or both presupposed and on an imprecise date.
enum class Basis { Stated, Presupposed, UncertainDate, PresupposedUncertainDate };

struct Category {
  Category(Kind k = Kind::NoSource, Basis b = Basis::Stated, std::string t = "", int p = -1, int ben = -1,
           std::vector<int> s = {})
      : kind(k), basis(b), type(std::move(t)), party(p), beneficiary(ben), sides(std::move(s)) {}
  Kind kind = Kind::NoSource;
  Basis basis = Basis::Stated;
  std::string type;        // Conflict: "control" or the exclusive status type; Status: its type
  int party = -1;          // Control: the controller; Claim: the claimant; Status: who made it
  int beneficiary = -1;    // Status: for whom (-1: nobody named)
  std::vector<int> sides;  // Conflict: the disagreeing parties, in the resolver's order
  bool operator==(const Category&) const = default;
};

// Stable legend order: kind, then type, party, beneficiary, basis, sides.
bool legend_order(const Category& a, const Category& b);

// The categories of one state, in drawing order: the one that fills the area
// (control, a conflict over control, no controller, or no source) first, then
// other conflicts, claims and statuses in the resolver's order.
std::vector<Category> classify(const PieceState& s);

// "control", "conflict", "claim", "status", "no_controller", "no_source"
const char* to_string(Kind k);
// "stated", "presupposed", "uncertain_date"
const char* to_string(Basis b);

// The status types histmap knows, in the order the words and styles list them.
const std::vector<std::string>& status_types();

}  // namespace histmap
