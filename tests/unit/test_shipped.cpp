// Pins the reading of the two shipped texts: for chosen dates and regions the
// resolved state matches what the texts say. Each case names its locator.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

#include "helpers.hpp"
#include "time/conflicts.hpp"
#include "time/resolve.hpp"

using namespace histmap;
using test::day;

namespace {

struct Shipped {
  std::unique_ptr<Atlas> atlas = test::load_seed_texts();  // what the two seed texts say
  Resolver resolver{*atlas};

  // The state of every piece of `region` on `date`; REQUIREs they agree.
  const PieceState& state(const char* region, const char* date) {
    int r = atlas->region_index(region);
    REQUIRE(r >= 0);
    const auto& pieces = atlas->regions[r].pieces;
    REQUIRE_FALSE(pieces.empty());
    const PieceState& first = resolver.at(pieces.front(), day(date));
    for (int p : pieces) {
      INFO("piece " << atlas->pieces[p].id << " of " << region << " on " << date);
      REQUIRE(resolver.at(p, day(date)) == first);
    }
    return first;
  }
  std::string controller(const PieceState& s) { return s.controller < 0 ? "" : atlas->polities[s.controller].id; }
  bool has_designation(const PieceState& s, const char* type, const char* by, const char* beneficiary = nullptr) {
    return std::any_of(s.designations.begin(), s.designations.end(), [&](const DesignationRef& d) {
      return d.type == type && atlas->polities[d.by].id == by &&
             (!beneficiary || (d.beneficiary >= 0 && atlas->polities[d.beneficiary].id == beneficiary));
    });
  }
  bool claims(const PieceState& s, const char* party) {
    return std::any_of(s.claimants.begin(), s.claimants.end(),
                       [&](const PartyRef& c) { return atlas->polities[c.party].id == party; });
  }
  // Every piece's state of `region` on `date`, where the pieces may differ.
  std::vector<const PieceState*> each(const char* region, const char* date) {
    int r = atlas->region_index(region);
    REQUIRE(r >= 0);
    std::vector<const PieceState*> out;
    for (int p : atlas->regions[r].pieces) out.push_back(&resolver.at(p, day(date)));
    return out;
  }
  bool has_conflict(const PieceState& s, const char* about) {
    return std::any_of(s.conflicts.begin(), s.conflicts.end(), [&](const ConflictRef& c) { return c.about == about; });
  }
  bool rests_on(const PieceState& s, const char* assertion) {
    int a = atlas->assertion_index(assertion);
    REQUIRE(a >= 0);
    return std::find(s.assertions.begin(), s.assertions.end(), a) != s.assertions.end();
  }
};

}  // namespace

// ---
TEST_CASE("s004 line 69, fn. 24-26: Karabakh under the ADR governor-general in 1919", "[shipped]") {
  Shipped d;
  for (const PieceState* s : d.each("shusha", "1919-06-01")) {
    CHECK(d.controller(*s) == "adr");
    CHECK(d.has_designation(*s, "administration", "adr"));
    CHECK(d.rests_on(*s, "s004-1919-karabakh-adr-control"));
    // C14: the same line says the British command set it up, and calls it the Azerbaijan government's decision.
    CHECK(d.has_conflict(*s, "statements"));
  }
}

// ---
TEST_CASE("s004 line 107, fn. 37: Armenian troops hold Zangezur after the Tiflis treaty", "[shipped]") {
  Shipped d;
  const PieceState& s = d.state("zangezur", "1920-02-01");
  // C11: the Armenian advance (line 107) against Khatisian's cable and Salimov's units (line 87): both show.
  CHECK(d.controller(s).empty());
  CHECK(d.rests_on(s, "s004-1919-12-zangezur-am-control"));
  CHECK(s.conflict());
  CHECK(s.set_aside.empty());  // nothing is set aside without an explicit 'overrides'
  // Before the treaty the text takes the ADR's hold as given: presupposed, not stated.
  const PieceState& before = d.state("zangezur", "1919-10-01");
  CHECK(d.controller(before) == "adr");
  CHECK(before.control_presupposed());
}

// ---
TEST_CASE("s004 line 53, fn. 16: a claim is never shown as control", "[shipped][claims]") {
  Shipped d;
  const PieceState& s = d.state("zangezur", "1919-03-17");
  CHECK(d.claims(s, "am_republic"));
  CHECK(d.controller(s) == "adr");
}

// ---
TEST_CASE("s000 lines 197-210: Chicherin's 29 June 1920 letter against the author's reading is a conflict",
          "[shipped][conflict]") {
  Shipped d;
  const PieceState& s = d.state("jevanshir", "1920-06-29");
  REQUIRE(s.conflict());
  CHECK(s.controller == -1);
  std::set<std::string> sides;
  for (const auto& side : s.conflicts.front().sides) sides.insert(d.atlas->polities[side.party].id);
  CHECK(sides == std::set<std::string>{"am_republic", "az_ssr"});
  // The day before, only the author's statement (from the decree of 28 June) applies.
  CHECK(d.controller(d.state("jevanshir", "1920-06-28")) == "az_ssr");
}

// ---
TEST_CASE("s004 lines 5, 17 vs 173: the text contradicts itself on Sharur-Daralagez in August 1920",
          "[shipped][conflict]") {
  Shipped d;
  const PieceState& s = d.state("sharur_daralagez", "1920-09-01");
  REQUIRE(s.conflict());
  CHECK(d.has_conflict(s, "statements"));  // the two versions are linked: neither has a certain end
  CHECK(d.has_designation(s, "assigned", "rsfsr", "am_republic"));
  CHECK(d.has_designation(s, "assigned", "rsfsr", "az_ssr"));
  CHECK(d.rests_on(s, "s004-1920-08-16-sharur-daralagez-to-armenia"));
  CHECK(d.rests_on(s, "s004-1920-08-16-sharur-daralagez-to-azerbaijan"));
  // Kirov's letter (s000 lines 228-230) reports a concession, not an assignment; before 16 August nothing assigns it,
  // and the two datings of the Soviet-Armenian understanding (C3: May-June in 000, 16 August in 004) disagree.
  const PieceState& july = d.state("sharur_daralagez", "1920-08-01");
  CHECK_FALSE(d.has_designation(july, "assigned", "az_ssr", "am_republic"));
  CHECK(d.has_conflict(july, "dating"));
}

// ---
TEST_CASE("s004 line 173, fn. 67: Zangezur, Nakhchivan and Karabakh disputed under the August 1920 agreement",
          "[shipped]") {
  Shipped d;
  for (const char* r : {"zangezur", "nakhichevan", "shusha"}) {
    INFO(r);
    CHECK(d.has_designation(d.state(r, "1920-09-15"), "disputed", "rsfsr"));
  }
  CHECK_FALSE(d.has_designation(d.state("zangezur", "1920-12-10"), "disputed", "am_republic"));
}

// ---
TEST_CASE("s000 lines 48-63: on 15 May 1920 Moscow declares Karabakh, Zangezur and Nakhchivan disputed", "[shipped]") {
  Shipped d;
  const PieceState& s = d.state("zangezur", "1920-05-15");
  CHECK(d.has_designation(s, "disputed", "rsfsr"));
  CHECK(d.has_designation(s, "proposal", "rsfsr"));  // the decision to station the Red Army
  // Before May 1920 Moscow has not declared it disputed (Lenin's instruction, s000 lines 96-111, is dated only to May).
  CHECK_FALSE(d.has_designation(d.state("zangezur", "1920-04-30"), "disputed", "rsfsr"));
}

// ---
TEST_CASE("s004 lines 185-201 and s000 lines 296-305: Zangezur assigned to Soviet Armenia in December 1920",
          "[shipped]") {
  Shipped d;
  const PieceState& s = d.state("zangezur", "1920-12-05");
  CHECK(d.has_designation(s, "assigned", "az_ssr", "am_ssr"));
  CHECK(d.rests_on(s, "s004-1920-12-01-zangezur-to-soviet-armenia"));
  CHECK(d.rests_on(s, "s000-1920-11-30-zangezur-to-armenia"));
  CHECK_FALSE(s.conflict());  // both texts name the same beneficiary
  // The declaration was withdrawn "a little later": after 15 December its end is uncertain.
  CHECK_FALSE(d.state("zangezur_east", "1921-01-15").certain);
}

// ---
TEST_CASE("s004 line 201, fn. 77-78: Gyumri treaty's Turkish protection of Nakhchivan, dated only to the month",
          "[shipped][precision]") {
  Shipped d;
  const PieceState& s = d.state("nakhichevan", "1920-12-20");
  CHECK(d.has_designation(s, "protectorate", "turkey_gna"));
  CHECK_FALSE(s.certain);
  int a = d.atlas->assertion_index("s004-1920-12-gyumri-protectorate");
  CHECK(d.atlas->assertions[a].interval.from.original == "1920-12");
  CHECK(d.atlas->assertions[a].interval.from.precision == Precision::Month);
}

// ---
TEST_CASE("s004 lines 219-237, fn. 88-90: Nakhchivan autonomous and within Azerbaijan from 16 March 1921",
          "[shipped]") {
  Shipped d;
  const PieceState& s = d.state("nakhichevan", "1921-04-01");
  CHECK(d.has_designation(s, "autonomy", "rsfsr"));
  CHECK(d.has_designation(s, "assigned", "rsfsr", "az_ssr"));
  CHECK_FALSE(d.has_designation(d.state("nakhichevan", "1921-03-15"), "autonomy", "rsfsr"));
}

// ---
TEST_CASE("s000 lines 347-354: the 5 July 1921 decision keeps Mountainous Karabakh in Azerbaijan with autonomy",
          "[shipped]") {
  Shipped d;
  const PieceState& s = d.state("mountainous_karabakh", "1921-07-10");
  CHECK(d.has_designation(s, "autonomy", "rsfsr"));
  CHECK(d.has_designation(s, "assigned", "rsfsr", "az_ssr"));
  CHECK_FALSE(d.has_designation(s, "self_determination", "az_ssr"));
  CHECK(d.has_designation(d.state("mountainous_karabakh", "1921-01-10"), "self_determination", "az_ssr"));
}

// ---
TEST_CASE("s000 lines 300-308: western Zangezur joined to Armenia in summer 1921", "[shipped][precision]") {
  Shipped d;
  CHECK(d.controller(d.state("zangezur_west", "1921-09-15")) == "am_ssr");
  CHECK(d.state("zangezur_west", "1921-09-15").certain == false);  // s004 leaves its own dating open
  // Eastern Zangezur is not part of it.
  int east = d.atlas->region_index("zangezur_east");
  for (int p : d.atlas->regions[east].pieces) CHECK(d.controller(d.resolver.at(p, day("1921-09-15"))) != "am_ssr");
}

// ---
TEST_CASE("silence stays silence: nothing is asserted where the texts say nothing", "[shipped][silence]") {
  Shipped d;
  CHECK(d.state("tiflis", "1921-06-01").assertions.empty());
  // In 1919 Tiflis is covered only by the British presence the text reports for the whole region (s004 line 53).
  const PieceState& t = d.state("tiflis", "1919-06-01");
  CHECK(t.controller == -1);
  CHECK(d.has_designation(t, "troops_present", "britain"));
  CHECK(t.assertions.size() == 1);
  CHECK(d.state("kutais", "1921-06-01").assertions.empty());
  CHECK(d.state("surmali", "1921-06-01").assertions.empty());
}

// ---
TEST_CASE("every shipped assertion is traceable: locator lines inside the seed file, a paraphrase, a source",
          "[shipped][trace]") {
  Shipped d;
  CHECK(d.atlas->assertions.size() >= 60);
  std::set<std::string> kinds;
  for (const auto& a : d.atlas->assertions) {
    INFO(a.id);
    CHECK_FALSE(a.locator.lines.empty());
    CHECK(a.paraphrase.size() > 20);
    const Source& s = d.atlas->sources[a.source];
    CHECK_FALSE(s.file.empty());
    // Every line number in the locator exists in the seed text (408 and 468 lines long).
    int max_line = s.id == "s000" ? 468 : 412;
    for (size_t i = 0; i < a.locator.lines.size();) {
      if (!isdigit(static_cast<unsigned char>(a.locator.lines[i]))) {
        ++i;
        continue;
      }
      size_t j = i;
      while (j < a.locator.lines.size() && isdigit(static_cast<unsigned char>(a.locator.lines[j]))) ++j;
      int line = std::stoi(a.locator.lines.substr(i, j - i));
      CHECK(line >= 1);
      CHECK(line <= max_line);
      i = j;
    }
    kinds.insert(to_string(a.kind));
  }
  CHECK(kinds == std::set<std::string>{"claim", "control", "designation"});
  // The known conflicts are all found.
  auto spans = all_conflicts(d.resolver);
  CHECK(spans.size() >= 3);
}
