#include <catch2/catch.hpp>

#include "data/validate.hpp"
#include "helpers.hpp"

using namespace histmap;

// ---
TEST_CASE("the broken table fixture: every seeded fault is reported precisely", "[validate][fixture]") {
  Report r;
  auto atlas = load_atlas({test::data_path("broken"), {}}, r);
  CHECK_FALSE(atlas);
  INFO(test::all_findings(r));
  const std::string one = test::data_path("broken/assertions/one.yaml");
  const std::string two = test::data_path("broken/assertions/two.yaml");
  CHECK(test::has_finding(r, Severity::Error, {one + ":7", "one-red-a", "1920-02-30", "February 1920 has 29 days"}));
  CHECK(test::has_finding(r, Severity::Error, {one + ":", "one-red-core", "inverted"}));
  CHECK(test::has_finding(r, Severity::Error, {one + ":", "one-disputed", "'contested' is unknown"}));
  CHECK(test::has_finding(r, Severity::Error, {test::data_path("broken/regions.yaml") + ":12", "uy_b", "'p7'"}));
  CHECK(test::has_finding(r, Severity::Error, {two + ":", "two-teal-claim", "unknown party 'purple'"}));
  CHECK(test::has_finding(r, Severity::Error, {two + ":", "two-green-west", "unknown region 'part_north'"}));
  CHECK(r.count(Severity::Error) == 6);
}

// ---
TEST_CASE("the broken geometry fixture: overlap, gap, orphan piece and lifespan", "[validate][fixture][geometry]") {
  auto atlas = test::load_ok(test::data_path("broken_geometry"));
  Report r;
  validate_atlas(*atlas, {}, r);
  INFO(test::all_findings(r));
  CHECK(test::has_finding(r, Severity::Error, {"id p1", "overlaps piece p2", "km²"}));
  CHECK(test::has_finding(r, Severity::Error, {"gap of", "near lon/lat 44.7"}));
  CHECK(test::has_finding(r, Severity::Error, {"id p6", "lies in no uyezd"}));
  CHECK(test::has_finding(r, Severity::Warning, {"two-green-west", "outside its lifespan"}));
  CHECK(r.count(Severity::Error) == 3);
}

// ---
TEST_CASE("the synthetic dataset validates clean, a larger tolerance hides small seams only", "[validate]") {
  auto atlas = test::load_ok(test::synthetic());
  Report r;
  validate_atlas(*atlas, {}, r);
  INFO(test::all_findings(r));
  CHECK_FALSE(r.has_errors());
  // The synthetic set keeps two truly open ends ('to: ..') to test them; each is flagged.
  CHECK(r.count(Severity::Warning) == 2);
  CHECK(test::has_finding(r, Severity::Warning, {"one.yaml:11", "one-blue-a", "open end", "to: next"}));
  CHECK(test::has_finding(r, Severity::Warning, {"two.yaml:47", "two-blue-b-approx", "open end"}));

  auto broken = test::load_ok(test::data_path("broken_geometry"));
  Report big;
  validate_atlas(*broken, {1000.0}, big);
  CHECK_FALSE(test::has_finding(big, Severity::Error, {"overlaps"}));
  CHECK_FALSE(test::has_finding(big, Severity::Error, {"gap of"}));
  CHECK(test::has_finding(big, Severity::Error, {"lies in no uyezd"}));
}
