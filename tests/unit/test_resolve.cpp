#include <catch2/catch.hpp>

#include <algorithm>

#include "helpers.hpp"
#include "time/conflicts.hpp"
#include "time/resolve.hpp"
#include "time/timeline.hpp"

using namespace histmap;
using test::day;

namespace {

const PartyRef* party_in(const std::vector<PartyRef>& refs, const Atlas& a, const char* id) {
  for (const auto& r : refs)
    if (a.polities[r.party].id == id) return &r;
  return nullptr;
}

std::vector<std::string> ids(const Atlas& a, const std::vector<int>& as) {
  std::vector<std::string> out;
  for (int i : as) out.push_back(a.assertions[i].id);
  return out;
}

std::string controller(const Atlas& a, const PieceState& s) {
  return s.controller < 0 ? "" : a.polities[s.controller].id;
}

// A small atlas built in code, for rules the synthetic files do not exercise.
struct Builder {
  Atlas atlas;
  Builder(int pieces, std::vector<std::pair<std::string, std::vector<int>>> regions) {
    for (int i = 0; i < pieces; ++i) atlas.pieces.push_back({"q" + std::to_string(i), "", nullptr, 0, {}});
    for (auto& [id, ps] : regions) {
      Region r;
      r.id = id;
      r.kind = RegionKind::Part;
      r.pieces = ps;
      atlas.regions.push_back(r);
    }
    for (const char* p : {"x", "y", "z"}) atlas.polities.push_back({p, {{"en", p}}, "", {}, "", {}});
    for (const char* s : {"s1", "s2"}) atlas.sources.push_back({s, -1, s, "", "", "test", "", {}});
  }
  Builder& add(const std::string& id, AssertionKind k, const char* party, const char* region, const char* from,
               const char* to, const char* source = "s1", const char* voice = "author") {
    atlas.index();
    Assertion a;
    a.id = id;
    a.kind = k;
    a.party = atlas.polity_index(party);
    a.region = atlas.region_index(region);
    a.interval = make_interval(from, to);
    a.source = atlas.source_index(source);
    a.voice = voice;
    atlas.assertions.push_back(a);
    atlas.index();
    return *this;
  }
};

}  // namespace

// ---
TEST_CASE("synthetic: control by day, inclusive ends, no assertion is a state", "[resolve]") {
  auto a = test::load_ok(test::synthetic());
  Resolver r(*a);
  int p3 = a->piece_index("p3"), p5 = a->piece_index("p5");

  const PieceState& before = r.at(p3, day("1919-12-31"));
  CHECK(before.assertions.empty());
  CHECK(before.controller == -1);
  CHECK(before.empty());

  CHECK(controller(*a, r.at(p3, day("1920-01-01"))) == "red");
  CHECK(controller(*a, r.at(p3, day("1920-06-30"))) == "red");
  // Blue from "1920-07": possibly from 1 July, certainly from 31 July.
  const PieceState& july = r.at(p3, day("1920-07-01"));
  CHECK(controller(*a, july) == "blue");
  CHECK_FALSE(july.certain);
  CHECK(ids(*a, july.uncertain) == std::vector<std::string>{"one-blue-a"});
  const PieceState& aug = r.at(p3, day("1920-08-01"));
  CHECK(controller(*a, aug) == "blue");
  CHECK(aug.certain);
  CHECK(r.at(p5, day("1921-06-01")).assertions.empty());
}

// ---
TEST_CASE("synthetic: different sources giving different controllers is a conflict", "[resolve][conflict]") {
  auto a = test::load_ok(test::synthetic());
  Resolver r(*a);
  const PieceState& p1 = r.at(a->piece_index("p1"), day("1920-09-15"));
  REQUIRE(p1.conflict());
  CHECK(p1.controller == -1);
  CHECK(p1.conflicts.front().about == "control");
  REQUIRE(p1.conflicts.front().sides.size() == 2);
  CHECK(party_in(p1.conflicts.front().sides, *a, "blue"));
  CHECK(party_in(p1.conflicts.front().sides, *a, "green"));
  // The neighbour in the same uyezd is not in the narrower region: no conflict.
  const PieceState& p2 = r.at(a->piece_index("p2"), day("1920-09-15"));
  CHECK_FALSE(p2.conflict());
  CHECK(controller(*a, p2) == "blue");
  // After source two's interval ends, blue alone again.
  CHECK(controller(*a, r.at(a->piece_index("p1"), day("1921-01-01"))) == "blue");
}

// ---
TEST_CASE("synthetic: a narrower statement of the same source no longer sets the broader one aside by itself",
          "[resolve][specificity]") {
  // Only an explicit `overrides` sets aside (rule 2); the two statements meet as a conflict.
  auto a = test::load_ok(test::synthetic());
  Resolver r(*a);
  const PieceState& s = r.at(a->piece_index("p2"), day("1921-06-01"));
  REQUIRE(s.conflict());
  CHECK(s.conflicts.front().about == "control");
  CHECK(s.set_aside.empty());
  CHECK(controller(*a, s).empty());
  // Outside the narrower region only the broader statement speaks.
  CHECK(controller(*a, r.at(a->piece_index("p3"), day("1921-06-01"))) == "blue");
}

// ---
TEST_CASE("synthetic: a quoted document is another voice, so it conflicts with the author", "[resolve][specificity]") {
  auto a = test::load_ok(test::synthetic());
  Resolver r(*a);
  const PieceState& s = r.at(a->piece_index("p2"), day("1922-02-01"));
  REQUIRE(s.conflict());
  CHECK(s.set_aside.empty());
}

// ---
TEST_CASE("synthetic: explicit overrides set an assertion aside without conflict", "[resolve][override]") {
  auto a = test::load_ok(test::synthetic());
  Resolver r(*a);
  const PieceState& s = r.at(a->piece_index("p4"), day("1923-06-15"));
  CHECK_FALSE(s.conflict());
  CHECK(controller(*a, s) == "teal");
  CHECK(ids(*a, s.set_aside) == std::vector<std::string>{"two-red-b"});
  CHECK(controller(*a, r.at(a->piece_index("p5"), day("1923-06-15"))) == "red");
  CHECK(controller(*a, r.at(a->piece_index("p4"), day("1923-07-01"))) == "red");
}

// ---
TEST_CASE("synthetic: claims and designations accumulate, 'assigned' is exclusive", "[resolve][designation]") {
  auto a = test::load_ok(test::synthetic());
  Resolver r(*a);
  int p5 = a->piece_index("p5");
  const PieceState& may = r.at(p5, day("1920-05-31"));
  REQUIRE(may.claimants.size() == 1);
  CHECK(a->polities[may.claimants[0].party].id == "teal");
  CHECK(may.certain);  // spring's last day and summer's first bound the certain core
  REQUIRE(may.designations.size() == 1);
  CHECK(may.designations[0].type == "disputed");
  CHECK(a->polities[may.designations[0].by].id == "red");
  CHECK(may.controller == -1);  // a claim never makes a controller
  CHECK_FALSE(r.at(p5, day("1920-07-15")).certain);

  const PieceState& oct = r.at(p5, day("1920-10-15"));
  REQUIRE(oct.conflict());
  CHECK(oct.conflicts.front().about == "assigned");
  CHECK(oct.designations.size() == 2);
  CHECK_FALSE(r.at(p5, day("1920-11-01")).conflict());
}

// ---
TEST_CASE("approximate start: possible before, certain after", "[resolve][precision]") {
  auto a = test::load_ok(test::synthetic());
  Resolver r(*a);
  int p6 = a->piece_index("p6");
  CHECK(r.at(p6, day("1924-01-15")).assertions.empty());
  const PieceState& feb = r.at(p6, day("1924-02-15"));
  CHECK(controller(*a, feb) == "blue");
  CHECK_FALSE(feb.certain);
  CHECK(r.at(p6, day("1924-06-01")).certain);
}

// ---
TEST_CASE("rule 3: certain beats uncertain, two uncertain candidates are a transition, not a conflict",
          "[resolve][precision]") {
  Builder b(1, {{"r", {0}}});
  b.add("x-until", AssertionKind::Control, "x", "r", "1919-01-01", "1919-11")
      .add("y-from", AssertionKind::Control, "y", "r", "1919-11", "1920-06-01", "s2");
  Resolver r(b.atlas);
  const PieceState& mid = r.at(0, day("1919-11-15"));
  CHECK_FALSE(mid.conflict());
  CHECK(mid.controller == -1);
  CHECK(mid.control.size() == 2);
  CHECK_FALSE(mid.certain);
  CHECK(b.atlas.polities[r.at(0, day("1919-10-15")).controller].id == "x");
  CHECK(b.atlas.polities[r.at(0, day("1919-12-15")).controller].id == "y");

  Builder c(1, {{"r", {0}}});
  c.add("x-sure", AssertionKind::Control, "x", "r", "1919-01-01", "1919-12-31")
      .add("y-maybe", AssertionKind::Control, "y", "r", "1919-12", "1920-06-01", "s2");
  Resolver rc(c.atlas);
  const PieceState& s = rc.at(0, day("1919-12-10"));
  CHECK_FALSE(s.conflict());
  CHECK(c.atlas.polities[s.controller].id == "x");
  CHECK_FALSE(s.certain);
  CHECK(rc.at(0, day("1920-01-05")).controller == c.atlas.polity_index("y"));
}

// ---
TEST_CASE("same party named twice is agreement, not conflict, regions may overlap", "[resolve]") {
  Builder b(3, {{"all", {0, 1, 2}}, {"left", {0, 1}}, {"right", {1, 2}}});
  b.add("a1", AssertionKind::Control, "x", "left", "1920-01-01", "1920-12-31")
      .add("a2", AssertionKind::Control, "x", "right", "1920-06-01", "1920-12-31", "s2")
      .add("c1", AssertionKind::Claim, "y", "all", "1920-01-01", "1920-12-31")
      .add("c2", AssertionKind::Claim, "z", "right", "1920-01-01", "1920-12-31");
  Resolver r(b.atlas);
  const PieceState& mid = r.at(1, day("1920-07-01"));
  CHECK_FALSE(mid.conflict());
  REQUIRE(mid.control.size() == 1);
  CHECK(mid.control[0].assertions.size() == 2);
  CHECK(mid.claimants.size() == 2);
  CHECK(r.at(0, day("1920-07-01")).claimants.size() == 1);
  CHECK(r.at(2, day("1920-03-01")).controller == -1);
}

// ---
TEST_CASE("the precomputed resolver equals resolving from scratch on every day", "[resolve][property]") {
  auto a = test::load_ok(test::synthetic());
  Resolver r(*a);
  const auto& cp = r.change_points();
  CHECK(std::is_sorted(cp.begin(), cp.end()));
  CHECK(std::adjacent_find(cp.begin(), cp.end()) == cp.end());
  for (Day d = day("1919-06-01"); d <= day("1925-01-01"); ++d)
    for (size_t p = 0; p < a->pieces.size(); ++p) {
      INFO("piece " << a->pieces[p].id << " on " << format_day(d));
      REQUIRE(r.at(static_cast<int>(p), d) == resolve_piece(*a, static_cast<int>(p), d));
    }
}

// ---
TEST_CASE("timeline lists each change with the assertions that caused it", "[timeline]") {
  auto a = test::load_ok(test::synthetic());
  Resolver r(*a);
  auto changes = timeline(r, day("1920-06-01"), day("1920-09-30"));
  auto at = [&](const char* d) {
    std::vector<const Change*> out;
    for (const auto& c : changes)
      if (c.day == day(d)) out.push_back(&c);
    return out;
  };
  auto july = at("1920-07-01");
  REQUIRE(july.size() == 1);  // uyezd A: red ends, blue may begin
  CHECK(a->regions[july[0]->uyezd].id == "uy_a");
  CHECK(july[0]->pieces.size() == 3);
  CHECK(ids(*a, july[0]->because) == std::vector<std::string>{"one-red-a", "one-blue-a"});
  auto sep = at("1920-09-01");
  // p1 (conflict begins); p4 (green control begins, teal's summer claim ends); p5+p6 (claim ends)
  REQUIRE(sep.size() == 3);
  CHECK(sep[0]->after->conflict());
  CHECK(ids(*a, sep[0]->because) == std::vector<std::string>{"two-green-west"});
  CHECK(sep[1]->pieces == std::vector<int>{a->piece_index("p4")});
  CHECK(sep[2]->pieces.size() == 2);
  CHECK(ids(*a, sep[2]->because) == std::vector<std::string>{"two-teal-claim"});
  for (const auto& c : changes) {
    CHECK(c.day >= day("1920-06-01"));
    CHECK(c.day <= day("1920-09-30"));
    CHECK_FALSE(*c.before == *c.after);
  }
}

// ---
TEST_CASE("all conflicts are found with their spans", "[conflict]") {
  auto a = test::load_ok(test::synthetic());
  Resolver r(*a);
  auto spans = all_conflicts(r);
  // Four, and the author's narrower statement on the core against the broader one (rule 2: no set-aside).
  REQUIRE(spans.size() == 5);
  auto find = [&](const char* about, const char* from) {
    return std::find_if(spans.begin(), spans.end(),
                        [&](const ConflictSpan& s) { return s.conflict.about == about && s.first == day(from); });
  };
  auto west = find("control", "1920-09-01");
  REQUIRE(west != spans.end());
  CHECK(west->last == day("1920-12-31"));
  CHECK(west->pieces == std::vector<int>{a->piece_index("p1")});
  auto assigned = find("assigned", "1920-10-01");
  REQUIRE(assigned != spans.end());
  CHECK(assigned->pieces.size() == 3);
  auto core = find("control", "1921-01-01");
  REQUIRE(core != spans.end());
  CHECK(core->pieces == std::vector<int>{a->piece_index("p2")});
}
