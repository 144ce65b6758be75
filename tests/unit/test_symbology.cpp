// Symbology: the words table in five languages, classification of states into
// legend categories, their appearance and the legend order.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <set>

#include "helpers.hpp"
#include "render/style.hpp"
#include "symbology/legend.hpp"

using namespace histmap;
namespace fs = std::filesystem;

namespace {

Style default_style() {
  Style s;
  Report r;
  REQUIRE(load_style("default", s, r));
  return s;
}

PartyRef party(int p, bool certain = true, bool presupposed = false) {
  PartyRef r;
  r.party = p, r.assertions = {0}, r.certain = certain, r.presupposed = presupposed;
  return r;
}

PieceState controlled_by(int p, bool certain = true, bool presupposed = false) {
  PieceState s;
  s.controller = p;
  s.control = {party(p, certain, presupposed)};
  s.assertions = {0};
  return s;
}

}  // namespace

TEST_CASE("every words key exists, non-empty, in every language", "[symbology][words]") {
  const Words& en = words_for("en");
  REQUIRE(en.table.size() > 50);
  for (const auto& lang : word_languages()) {
    INFO(lang);
    const Words& w = words_for(lang);
    for (const auto& [id, text] : en.table) {
      INFO(id);
      CHECK(w.table.count(id) == 1);
      CHECK_FALSE(w.get(id).empty());
      // A placeholder that English fills must be there in every language too.
      for (size_t at = text.find('{'); at != std::string::npos; at = text.find('{', at + 1)) {
        std::string mark = text.substr(at, text.find('}', at) - at + 1);
        CHECK(w.get(id).find(mark) != std::string::npos);
      }
    }
    for (const auto& [id, text] : w.table) CHECK(en.table.count(id) == 1);
  }
  for (const auto& type : status_types()) CHECK_FALSE(en.get("status." + type).empty());
}

TEST_CASE("the tool's own words stay neutral", "[symbology][words]") {
  for (const auto& lang : word_languages())
    for (const auto& [id, text] : words_for(lang).table) {
      INFO(lang << " " << id << ": " << text);
      for (const char* loaded : {"occupation", "occupied", "foreign", "annex", "puppet", "оккупац", "аннекс"})
        CHECK(text.find(loaded) == std::string::npos);
    }
}

TEST_CASE("dates read as words, never as EDTF", "[symbology][words]") {
  const Words& en = words_for("en");
  CHECK(day_words(parse_day("1920-12-01"), en) == "1 December 1920");
  CHECK(fuzzy_date_words(parse_fuzzy("1921-22", false), en) == "summer 1921");
  CHECK(fuzzy_date_words(parse_fuzzy("1920-24", false), en) == "winter 1920");
  CHECK(fuzzy_date_words(parse_fuzzy("1920-08", false), en) == "August 1920");
  CHECK(fuzzy_date_words(parse_fuzzy("1920", false), en) == "1920");
  CHECK(fuzzy_date_words(parse_fuzzy("1920-12~", false), en) == "about December 1920");
  CHECK(fuzzy_date_words(parse_fuzzy("..", true), en) == "open");
  CHECK(day_words(parse_day("1920-12-01"), words_for("ru")) == "1 декабря 1920 г.");
  CHECK(day_words(parse_day("1920-12-01"), words_for("hy")) == "1920 թ. դեկտեմբերի 1");
  CHECK(fuzzy_date_words(parse_fuzzy("1921-22", false), words_for("az")) == "1921, yay");
}

TEST_CASE("classify: control stated, presupposed, on an imprecise date, no controller, no source",
          "[symbology][classify]") {
  PieceState none;
  REQUIRE(none.empty());
  CHECK(classify(none) == std::vector<Category>{Category{Kind::NoSource}});

  PieceState speaks;  // sources speak of the area (a claim) but name no controller
  speaks.assertions = {3};
  speaks.claimants = {party(2)};
  auto c = classify(speaks);
  REQUIRE(c.size() == 2);
  CHECK(c[0].kind == Kind::NoController);
  CHECK(c[1].kind == Kind::Claim);
  CHECK(c[1].party == 2);

  CHECK(classify(controlled_by(1))[0].basis == Basis::Stated);
  CHECK(classify(controlled_by(1, true, true))[0].basis == Basis::Presupposed);
  CHECK(classify(controlled_by(1, false, false))[0].basis == Basis::UncertainDate);
  CHECK(classify(controlled_by(1, false, true))[0].basis == Basis::PresupposedUncertainDate);  // both show

  PieceState candidates;  // only uncertain candidates: no controller, on imprecise dates
  candidates.assertions = {0, 1};
  candidates.control = {party(1, false), party(2, false)};
  CHECK(classify(candidates)[0] == Category{Kind::NoController, Basis::UncertainDate});
}

TEST_CASE("classify: conflicts with their sides, statuses with who and for whom", "[symbology][classify]") {
  PieceState s;
  s.assertions = {0, 1, 2, 3};
  s.conflicts = {{"assigned", {party(0), party(3)}}, {"control", {party(1), party(2)}}};
  DesignationRef d;
  d.type = "troops_present", d.by = 4, d.beneficiary = -1, d.certain = true;
  DesignationRef a;
  a.type = "assigned", a.by = 0, a.beneficiary = 1, a.certain = false;
  s.designations = {d, a};
  auto c = classify(s);
  REQUIRE(c.size() == 4);
  CHECK(c[0].kind == Kind::Conflict);  // the conflict over control fills the area
  CHECK(c[0].type == "control");
  CHECK(c[0].sides == std::vector<int>{1, 2});
  CHECK(c[1].type == "assigned");
  CHECK(c[1].sides == std::vector<int>{0, 3});
  CHECK(c[2].kind == Kind::Status);
  CHECK(c[2].party == 4);
  CHECK(c[3].beneficiary == 1);
  CHECK(c[3].basis == Basis::UncertainDate);
}

TEST_CASE("appearance: presupposed control is the same hue as stated, yet looks different", "[symbology][appearance]") {
  auto atlas = test::load_ok(test::synthetic());
  Style style = default_style();
  Category stated{Kind::Control, Basis::Stated, "", 0};
  Category presupposed{Kind::Control, Basis::Presupposed, "", 0};
  Category uncertain{Kind::Control, Basis::UncertainDate, "", 0};
  Appearance as = appearance(stated, *atlas, style), ap = appearance(presupposed, *atlas, style),
             au = appearance(uncertain, *atlas, style);
  CHECK(as != ap);
  CHECK(as != au);
  CHECK(ap != au);
  Rgb hue = style.colour_of(atlas->polities[0]);
  for (const Appearance* a : {&as, &ap, &au}) {
    REQUIRE_FALSE(a->marks.empty());
    CHECK(a->marks[0].pattern == Pattern::Solid);
    CHECK(a->marks[0].colours == std::vector<Rgb>{hue});
  }
  CHECK(ap.marks.size() == 2);
  CHECK(ap.marks[1].pattern == Pattern::Hatch);
  // Imprecise: the full colour (a lighter tint read as a successor polity's colour), a screen of
  // dots in the page colour, and a dotted edge.
  CHECK(au.marks[0].alpha == 1);
  REQUIRE(au.marks.size() == 3);
  CHECK(au.marks[1].pattern == Pattern::Dots);
  CHECK(au.marks[1].colours == std::vector<Rgb>{style.page});
  CHECK(au.marks.back().pattern == Pattern::Edge);
  // A conflict over control: stripes in every side's colour, not only two.
  Category conflict{Kind::Conflict, Basis::Stated, "control", -1, -1, {0, 1, 2}};
  auto ac = appearance(conflict, *atlas, style);
  REQUIRE(ac.marks[0].pattern == Pattern::Stripes);
  CHECK(ac.marks[0].colours.size() == 3);
}

TEST_CASE("legend: grouped by kind in a stable order, claims and statuses once", "[symbology][legend]") {
  auto atlas = test::load_ok(test::synthetic());
  Style style = default_style();
  PieceState a = controlled_by(2), b = controlled_by(0, false), none;
  b.claimants = {party(1, false)};
  PieceState c = controlled_by(0);
  c.claimants = {party(1)};
  auto items = legend({&a, &none, &b, &c}, *atlas, style, words_for("en"));
  std::vector<Kind> kinds;
  for (const auto& i : items) kinds.push_back(i.category.kind);
  CHECK(kinds == std::vector<Kind>{Kind::Control, Kind::Control, Kind::Control, Kind::Claim, Kind::NoSource});
  CHECK(items[0].category.party == 0);
  CHECK(items[0].category.basis == Basis::Stated);
  CHECK(items[1].category.basis == Basis::UncertainDate);
  CHECK(items[2].category.party == 2);
  CHECK(items[0].label == "Controlled by " + atlas->polities[0].names.at("en"));
  CHECK(items[4].label == words_for("en").get("no_source"));
  // The same states in another order give the same legend.
  auto again = legend({&c, &b, &none, &a}, *atlas, style, words_for("en"));
  REQUIRE(again.size() == items.size());
  for (size_t i = 0; i < items.size(); ++i) CHECK(again[i].label == items[i].label);
}
