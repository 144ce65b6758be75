// Dates with precision. A FuzzyDate is what a source says ("1920-08-16",
// "1920-08", "summer 1920" as 1920-22, "1920", "[1919-01-11..1919-01-20]",
// approximate "1920-12~"), kept verbatim next to the range of Gregorian days
// it may denote. Nothing is rounded to the 1st of a month: both ends travel.
#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <stdexcept>
#include <string>

namespace histmap {

// Days since 1970-01-01 (std::chrono::sys_days count).
using Day = std::int32_t;
inline constexpr Day kOpenPast = std::numeric_limits<Day>::min() / 2;
inline constexpr Day kOpenFuture = std::numeric_limits<Day>::max() / 2;

enum class Precision { Day, Month, Season, Year, Range, Open };

const char* to_string(Precision p);

struct FuzzyDate {
  std::string original;  // the form as written in the data
  Precision precision = Precision::Open;
  bool approximate = false;  // '~' or '?' qualifier
  Day earliest = kOpenPast;  // first day it may denote
  Day latest = kOpenFuture;  // last day it may denote

  bool open() const { return precision == Precision::Open; }
  bool exact() const { return precision == Precision::Day && !approximate; }
};

class DateError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A calendar day "YYYY-MM-DD"; throws DateError naming what is wrong
// (e.g. "1920-02-30: February 1920 has 29 days").
Day parse_day(const std::string& text);
std::string format_day(Day d);
// "1 December 1920"
std::string format_day_words(Day d);

// Any accepted form (see geodata/README.md). `open_allowed`: ".." and ""
// stand for an open end.
FuzzyDate parse_fuzzy(const std::string& text, bool open_allowed);

// A validity interval: from and to are both inclusive.
struct Interval {
  FuzzyDate from;
  FuzzyDate to;
  // Days on which the interval certainly holds, and on which it may hold.
  Day certain_first() const { return from.latest; }
  Day certain_last() const { return to.earliest; }
  Day possible_first() const { return from.earliest; }
  Day possible_last() const { return to.latest; }
  bool possibly_holds(Day d) const { return d >= possible_first() && d <= possible_last(); }
  bool certainly_holds(Day d) const { return d >= certain_first() && d <= certain_last(); }
};

// Throws DateError when `to` may only end before `from` may begin.
Interval make_interval(const std::string& from, const std::string& to);

std::string describe(const Interval& iv);  // "from 1920-08 (month) to open"

}  // namespace histmap
