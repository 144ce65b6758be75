// libFuzzer target: the date parser (parse_day, parse_fuzzy, make_interval).
// Bad text must end as a DateError, never a crash, hang or sanitizer report.
#include <cstddef>
#include <cstdint>
#include <string>

#include "model/date.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    histmap::Day d = histmap::parse_day(text);
    // A day that parses must print back to the same text.
    if (histmap::format_day(d) != text) __builtin_trap();
    (void)histmap::format_day_words(d);
  } catch (const histmap::DateError&) {
  }
  for (bool open_allowed : {false, true}) {
    try {
      histmap::FuzzyDate f = histmap::parse_fuzzy(text, open_allowed);
      if (f.earliest > f.latest) __builtin_trap();  // a date never ends before it begins
    } catch (const histmap::DateError&) {
    }
  }
  // Split at the first '|' into from and to of an interval.
  const size_t bar = text.find('|');
  if (bar != std::string::npos) {
    try {
      histmap::Interval iv = histmap::make_interval(text.substr(0, bar), text.substr(bar + 1));
      (void)histmap::describe(iv);
    } catch (const histmap::DateError&) {
    }
  }
  return 0;
}
