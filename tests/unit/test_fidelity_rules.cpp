// The fidelity rules on a small added source set (tests/data/fidelity_set):
// `to: next` ends per piece, a renunciation ends a claim, presupposed control,
// contradictions about statements and about dating, and coverage.
#include <catch2/catch.hpp>

#include <algorithm>

#include "helpers.hpp"
#include "time/coverage.hpp"
#include "time/ends.hpp"
#include "time/resolve.hpp"

using namespace histmap;
using test::day;

namespace {

std::unique_ptr<Atlas> load_fidelity() { return test::load_ok(test::data_path("fidelity_set")); }

std::string controller(const Atlas& a, const PieceState& s) {
  return s.controller < 0 ? "" : a.polities[s.controller].id;
}

bool has_claimant(const Atlas& a, const PieceState& s, const char* id) {
  return std::any_of(s.claimants.begin(), s.claimants.end(),
                     [&](const PartyRef& r) { return a.polities[r.party].id == id; });
}

const ConflictRef* conflict_about(const PieceState& s, const char* about) {
  for (const auto& c : s.conflicts)
    if (c.about == about) return &c;
  return nullptr;
}

}  // namespace

TEST_CASE("fidelity: 'to: next' ends at the next firm date on each piece, uncertain after its start",
          "[resolve][ends]") {
  auto a = load_fidelity();
  Resolver r(*a);
  int p6 = a->piece_index("p6"), p4 = a->piece_index("p4");
  const PieceState& early = r.at(p6, day("1940-04-01"));
  CHECK(controller(*a, early) == "teal");
  CHECK(early.control_uncertain());
  // Blue takes piece six on 1 June: Teal's open statement stops there, on that piece only.
  CHECK(controller(*a, r.at(p6, day("1940-06-02"))) == "blue");
  const auto& ps = r.at(p6, day("1940-06-02")).control;
  CHECK(std::none_of(ps.begin(), ps.end(), [&](const PartyRef& x) { return a->polities[x.party].id == "teal"; }));
  CHECK(controller(*a, r.at(p4, day("1940-07-01"))) == "teal");
  // The interval on a piece says where it ends.
  const auto touching = assertions_touching(*a, p6);
  Interval iv = interval_on(*a, a->assertion_index("three-teal-b"), touching);
  CHECK(format_day(iv.possible_last()) == "1940-06-01");
  CHECK(format_day(iv.certain_last()) == "1940-03-10");
}

TEST_CASE("fidelity: after the last date any source gives for a piece, nothing is carried forward", "[resolve][ends]") {
  auto a = load_fidelity();
  Resolver r(*a);
  int p4 = a->piece_index("p4");
  CHECK(controller(*a, r.at(p4, day("1940-10-15"))) == "teal");
  const PieceState& after = r.at(p4, day("1940-10-16"));
  CHECK(controller(*a, after).empty());
  CHECK(after.control.empty());
}

TEST_CASE("fidelity: a renunciation ends the party's open claim", "[resolve][ends]") {
  auto a = load_fidelity();
  Resolver r(*a);
  int p5 = a->piece_index("p5");
  CHECK(has_claimant(*a, r.at(p5, day("1940-04-01")), "teal"));
  CHECK_FALSE(has_claimant(*a, r.at(p5, day("1940-05-02")), "teal"));
}

TEST_CASE("fidelity: presupposed control is told apart from stated control", "[resolve][presupposed]") {
  auto a = load_fidelity();
  Resolver r(*a);
  CHECK(r.at(a->piece_index("p4"), day("1940-04-01")).control_presupposed());
  CHECK_FALSE(r.at(a->piece_index("p6"), day("1940-07-01")).control_presupposed());
  auto run =
      test::histmap("state --date 1940-04-01 --region uy_b --format json --data " + test::data_path("fidelity_set"));
  REQUIRE(run.code == 0);
  CHECK(run.out.find(R"("control_asserted_as": "presupposed")") != std::string::npos);
}

TEST_CASE("fidelity: contradicting statements meet as a conflict, and so do two datings of one event",
          "[resolve][contradicts]") {
  auto a = load_fidelity();
  Resolver r(*a);
  const PieceState& s = r.at(a->piece_index("p6"), day("1940-08-01"));
  const ConflictRef* c = conflict_about(s, "statements");
  REQUIRE(c != nullptr);
  REQUIRE(c->sides.size() == 2);
  std::vector<std::string> ids;
  for (const auto& side : c->sides) ids.push_back(a->assertions[side.assertions.front()].id);
  std::sort(ids.begin(), ids.end());
  CHECK(ids == std::vector<std::string>{"three-red-assigns-to-blue", "three-red-self-determination"});
  // Two datings of one event disagree from the earlier to the later, whichever applies that day.
  CHECK(conflict_about(r.at(a->piece_index("p4"), day("1940-08-31")), "dating") == nullptr);
  CHECK(conflict_about(r.at(a->piece_index("p4"), day("1940-09-01")), "dating") != nullptr);
  CHECK(conflict_about(r.at(a->piece_index("p5"), day("1940-09-20")), "dating") != nullptr);
  CHECK(conflict_about(r.at(a->piece_index("p5"), day("1940-10-15")), "dating") != nullptr);
  CHECK(conflict_about(r.at(a->piece_index("p5"), day("1940-10-16")), "dating") == nullptr);
}

TEST_CASE("fidelity: an assignment not reported carried out is a status that ends no one's control",
          "[resolve][ends]") {
  auto a = load_fidelity();
  Resolver r(*a);
  const PieceState& s = r.at(a->piece_index("p1"), day("1942-05-01"));
  CHECK(controller(*a, s) == "teal");  // an assignment carried out would have ended Teal's hold on 1 March
  CHECK(std::any_of(s.designations.begin(), s.designations.end(), [&](const DesignationRef& d) {
    return d.type == "assigned" && a->polities[d.beneficiary].id == "blue";
  }));
  // A misplaced flag is refused.
  test::Scratch sc;
  auto dir = sc.copy_of(test::data_path("fidelity_set"));
  test::edit(dir / "assertions/three.yaml", "    to: 1942-06-01\n",
             "    to: 1942-06-01\n    carried_out: not_reported\n");
  histmap::Report report;
  CHECK(load_atlas({dir.string(), {}}, report) == nullptr);
  CHECK(test::has_finding(report, Severity::Error, {"three.yaml", "three-blue-claims-a", "only an 'assigned'"}));
}

TEST_CASE("fidelity: two datings of one end disagree from the earlier end to the later", "[resolve][contradicts]") {
  auto a = load_fidelity();
  Resolver r(*a);
  int p2 = a->piece_index("p2");
  CHECK(conflict_about(r.at(p2, day("1942-02-14")), "dating") == nullptr);
  CHECK(conflict_about(r.at(p2, day("1942-02-15")), "dating") != nullptr);
  CHECK(conflict_about(r.at(p2, day("1942-04-30")), "dating") != nullptr);
  CHECK(conflict_about(r.at(p2, day("1942-05-01")), "dating") == nullptr);
}

TEST_CASE("fidelity: the reference resolver agrees with the precomputed one on the added set", "[resolve][ends]") {
  auto a = load_fidelity();
  Resolver r(*a);
  for (const char* d : {"1940-03-10", "1940-04-01", "1940-05-01", "1940-06-01", "1940-08-01", "1940-09-20",
                        "1940-10-15", "1940-10-16", "1941-01-01", "1942-02-15", "1942-05-01"})
    for (size_t p = 0; p < a->pieces.size(); ++p)
      CHECK(resolve_piece(*a, static_cast<int>(p), day(d)) == r.at(static_cast<int>(p), day(d)));
}

TEST_CASE("fidelity: a dating disagreement needs the other side named", "[load][contradicts]") {
  test::Scratch s;
  auto dir = s.copy_of(test::data_path("fidelity_set"));
  test::edit(dir / "assertions/three.yaml", "    contradicts: [three-teal-proposal-late]\n", "");
  histmap::Report report;
  auto atlas = load_atlas({dir.string(), {}}, report);
  CHECK(atlas == nullptr);
  CHECK(test::has_finding(report, Severity::Error, {"three.yaml", "three-teal-proposal-early", "needs 'contradicts'"}));
}

TEST_CASE("fidelity: coverage counts the assertions of each source per uyezd and month", "[coverage]") {
  auto a = load_fidelity();
  auto cells = coverage(*a, 1940, 1, 1940, 12);
  auto cell = [&](const char* uyezd, int month) {
    for (const auto& c : cells)
      if (a->regions[c.uyezd].id == uyezd && c.month == month) return c;
    FAIL("no cell");
    return CoverageCell{};
  };
  int three = a->source_index("src_three");
  CHECK(cell("uy_b", 1).total() == 0);
  CHECK(cell("uy_b", 3).by_source.at(three) == 2);   // the presupposed control and the claim
  CHECK(cell("uy_b", 8).by_source.at(three) >= 3);   // control (p4), Blue on p6, and the two statements of 1 August
  CHECK(cell("uy_b", 12).by_source.at(three) == 1);  // Blue's control of piece six runs to the end of 1940
  CHECK(cell("uy_a", 6).by_source.count(three) == 0);
  auto run = test::histmap("coverage --from 1940-01 --to 1940-02 --data " + test::synthetic());
  REQUIRE(run.code == 0);
  CHECK(run.out.rfind("uyezd,month,assertions,src_one,src_two", 0) == 0);
  CHECK(run.out.find("\nuy_a,1940-02,") != std::string::npos);
  CHECK(test::histmap("coverage --from 1940 --data " + test::synthetic()).code == 2);
}
