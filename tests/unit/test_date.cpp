#include <catch2/catch.hpp>

#include "helpers.hpp"
#include "model/date.hpp"

using namespace histmap;
using test::day;

// ---
TEST_CASE("calendar days parse, format and reject impossible dates", "[date]") {
  CHECK(format_day(parse_day("1920-12-01")) == "1920-12-01");
  CHECK(parse_day("1920-03-01") - parse_day("1920-02-28") == 2);  // 1920 is a leap year
  CHECK(parse_day("1921-03-01") - parse_day("1921-02-28") == 1);
  CHECK_NOTHROW(parse_day("1920-02-29"));
  CHECK_THROWS_WITH(parse_day("1920-02-30"), Catch::Contains("February 1920 has 29 days"));
  CHECK_THROWS_WITH(parse_day("1921-02-29"), Catch::Contains("February 1921 has 28 days"));
  CHECK_THROWS_WITH(parse_day("1900-02-29"), Catch::Contains("has 28 days"));  // Gregorian century rule
  CHECK_THROWS_WITH(parse_day("1920-04-31"), Catch::Contains("April 1920 has 30 days"));
  CHECK_THROWS_WITH(parse_day("1920-13-01"), Catch::Contains("month 13"));
  CHECK_THROWS_WITH(parse_day("20-1-1"), Catch::Contains("YYYY-MM-DD"));
  CHECK_THROWS_WITH(parse_day("1920-12-01x"), Catch::Contains("YYYY-MM-DD"));
  CHECK(format_day_words(parse_day("1920-12-01")) == "1 December 1920");
}

// ---
TEST_CASE("every day of 1918-1930 round-trips through its text form", "[date]") {
  Day first = parse_day("1918-01-01"), last = parse_day("1930-12-31");
  for (Day d = first; d <= last; ++d) REQUIRE(parse_day(format_day(d)) == d);
  CHECK(last - first + 1 == 13 * 365 + 3);  // leap days 1920, 1924, 1928
}

// ---
TEST_CASE("imprecise dates keep their form and both ends", "[date]") {
  FuzzyDate m = parse_fuzzy("1920-08", false);
  CHECK(m.precision == Precision::Month);
  CHECK(m.original == "1920-08");
  CHECK(m.earliest == day("1920-08-01"));
  CHECK(m.latest == day("1920-08-31"));
  CHECK_FALSE(m.exact());

  FuzzyDate feb = parse_fuzzy("1920-02", false);
  CHECK(feb.latest == day("1920-02-29"));

  FuzzyDate summer = parse_fuzzy("1921-22", false);
  CHECK(summer.precision == Precision::Season);
  CHECK(summer.earliest == day("1921-06-01"));
  CHECK(summer.latest == day("1921-08-31"));

  FuzzyDate winter = parse_fuzzy("1920-24", false);
  CHECK(winter.earliest == day("1920-12-01"));
  CHECK(winter.latest == day("1921-02-28"));

  FuzzyDate y = parse_fuzzy("1923", false);
  CHECK(y.precision == Precision::Year);
  CHECK(y.latest - y.earliest == 364);

  FuzzyDate mid = parse_fuzzy("[1919-01-11..1919-01-20]", false);
  CHECK(mid.precision == Precision::Range);
  CHECK(mid.earliest == day("1919-01-11"));
  CHECK(mid.latest == day("1919-01-20"));

  FuzzyDate r2 = parse_fuzzy("[1918-05..1920]", false);
  CHECK(r2.earliest == day("1918-05-01"));
  CHECK(r2.latest == day("1920-12-31"));

  FuzzyDate approx = parse_fuzzy("1920-12~", false);
  CHECK(approx.approximate);
  CHECK(approx.precision == Precision::Month);
  CHECK(approx.earliest < day("1920-12-01"));
  CHECK(approx.latest > day("1920-12-31"));
  CHECK(approx.original == "1920-12~");

  FuzzyDate exact = parse_fuzzy("1920-12-01", false);
  CHECK(exact.exact());
  FuzzyDate approx_day = parse_fuzzy("1920-12-01?", false);
  CHECK_FALSE(approx_day.exact());
  CHECK(approx_day.latest - approx_day.earliest == 14);
}

// ---
TEST_CASE("malformed dates are rejected with what would be right", "[date]") {
  CHECK_THROWS_WITH(parse_fuzzy("1920-25", false), Catch::Contains("neither a month (01-12) nor a season (21-24)"));
  CHECK_THROWS_WITH(parse_fuzzy("1920-00", false), Catch::Contains("neither a month"));
  CHECK_THROWS_WITH(parse_fuzzy("summer 1920", false), Catch::Contains("expected YYYY-MM-DD"));
  CHECK_THROWS_WITH(parse_fuzzy("..", false), Catch::Contains("open date"));
  CHECK_THROWS_WITH(parse_fuzzy("[1920-05..1920-03]", false), Catch::Contains("ends before it begins"));
  CHECK_THROWS_WITH(parse_fuzzy("0920-01-01", false), Catch::Contains("out of range"));
  CHECK(parse_fuzzy("..", true).open());
  CHECK(parse_fuzzy("", true).open());
}

// ---
TEST_CASE("intervals: inclusive ends, certain core and possible span", "[date][interval]") {
  Interval iv = make_interval("1920-07", "1920-09-15");
  CHECK(iv.possible_first() == day("1920-07-01"));
  CHECK(iv.certain_first() == day("1920-07-31"));
  CHECK(iv.certain_last() == day("1920-09-15"));
  CHECK(iv.possibly_holds(day("1920-07-01")));
  CHECK_FALSE(iv.certainly_holds(day("1920-07-30")));
  CHECK(iv.certainly_holds(day("1920-07-31")));
  CHECK(iv.certainly_holds(day("1920-09-15")));
  CHECK_FALSE(iv.possibly_holds(day("1920-09-16")));
  CHECK_FALSE(iv.possibly_holds(day("1920-06-30")));

  Interval open = make_interval("1921-03-16", "..");
  CHECK(open.certainly_holds(day("1990-01-01")));
  CHECK_FALSE(open.possibly_holds(day("1921-03-15")));
  Interval open_start = make_interval("..", "1918-05-27");
  CHECK(open_start.certainly_holds(day("1900-01-01")));
  CHECK_FALSE(open_start.possibly_holds(day("1918-05-28")));

  // A one-day interval and a same-month interval are fine; inverted ones are not.
  CHECK_NOTHROW(make_interval("1920-12-01", "1920-12-01"));
  CHECK_NOTHROW(make_interval("1920-12", "1920-12"));
  CHECK_THROWS_WITH(make_interval("1920-12-01", "1920-11-30"), Catch::Contains("inverted"));
  CHECK_THROWS_WITH(make_interval("1921", "1920-06"), Catch::Contains("inverted"));
  CHECK(describe(make_interval("1920-08", "..")) == "from 1920-08 (month) to open");
}
