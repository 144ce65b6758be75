#include "model/date.hpp"

#include <chrono>
#include <regex>

namespace histmap {
namespace {

using namespace std::chrono;

const char* kMonthNames[] = {"January", "February", "March",     "April",   "May",      "June",
                             "July",    "August",   "September", "October", "November", "December"};

Day to_day(int y, unsigned m, unsigned d) {
  return static_cast<Day>(sys_days{year{y} / month{m} / day{d}}.time_since_epoch().count());
}

Day last_of_month(int y, unsigned m) {
  return static_cast<Day>(sys_days{year{y} / month{m} / last}.time_since_epoch().count());
}

void check_year(int y, const std::string& text) {
  // The tool is for modern history; a four-digit year outside this is a typo.
  if (y < 1000 || y > 2999) throw DateError(text + ": year " + std::to_string(y) + " is out of range 1000-2999");
}

void check_month(unsigned m, const std::string& text) {
  if (m < 1 || m > 12) throw DateError(text + ": month " + std::to_string(m) + " is not 01-12");
}

// Seasons follow EDTF level 1 codes 21-24 (northern hemisphere, by months):
// spring Mar-May, summer Jun-Aug, autumn Sep-Nov, winter Dec of the year to
// the end of February of the next.
void season_range(int y, unsigned code, Day& first, Day& last_day) {
  switch (code) {
    case 21:
      first = to_day(y, 3, 1);
      last_day = last_of_month(y, 5);
      return;
    case 22:
      first = to_day(y, 6, 1);
      last_day = last_of_month(y, 8);
      return;
    case 23:
      first = to_day(y, 9, 1);
      last_day = last_of_month(y, 11);
      return;
    default:
      first = to_day(y, 12, 1);
      last_day = last_of_month(y + 1, 2);
      return;
  }
}

// Widening for '~'/'?' qualifiers: a week for a day, a month for a month or
// season, half a year for a year (documented in geodata/README.md).
Day widen_for(Precision p) {
  switch (p) {
    case Precision::Day: return 7;
    case Precision::Month:
    case Precision::Season: return 31;
    case Precision::Year: return 183;
    default: return 0;
  }
}

}  // namespace

const char* to_string(Precision p) {
  switch (p) {
    case Precision::Day: return "day";
    case Precision::Month: return "month";
    case Precision::Season: return "season";
    case Precision::Year: return "year";
    case Precision::Range: return "range";
    case Precision::Open: return "open";
  }
  return "?";
}

// std::regex recurses once per character: a value of tens of thousands of
// characters overflows the stack, so refuse anything longer than a date can be.
constexpr size_t kMaxDateLength = 40;

static std::string excerpt(const std::string& text) {
  return text.size() > kMaxDateLength
             ? text.substr(0, kMaxDateLength) + "... (" + std::to_string(text.size()) + " characters)"
             : text;
}

Day parse_day(const std::string& text) {
  static const std::regex re(R"((\d{4})-(\d{2})-(\d{2}))");
  std::smatch m;
  if (text.size() > kMaxDateLength) throw DateError(excerpt(text) + ": not a date of the form YYYY-MM-DD");
  if (!std::regex_match(text, m, re)) throw DateError(text + ": not a date of the form YYYY-MM-DD");
  int y = std::stoi(m[1]);
  unsigned mo = static_cast<unsigned>(std::stoi(m[2]));
  unsigned d = static_cast<unsigned>(std::stoi(m[3]));
  check_year(y, text);
  check_month(mo, text);
  year_month_day ymd{year{y}, month{mo}, day{d}};
  if (!ymd.ok()) {
    unsigned last_d = static_cast<unsigned>(year_month_day_last{year{y}, month_day_last{month{mo}}}.day());
    throw DateError(text + ": " + kMonthNames[mo - 1] + " " + std::to_string(y) + " has " + std::to_string(last_d) +
                    " days");
  }
  return to_day(y, mo, d);
}

std::string format_day(Day d) {
  if (d <= kOpenPast) return "..";
  if (d >= kOpenFuture) return "..";
  year_month_day ymd{sys_days{days{d}}};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()));
  return buf;
}

std::string format_day_words(Day d) {
  year_month_day ymd{sys_days{days{d}}};
  return std::to_string(static_cast<unsigned>(ymd.day())) + " " + kMonthNames[static_cast<unsigned>(ymd.month()) - 1] +
         " " + std::to_string(static_cast<int>(ymd.year()));
}

FuzzyDate parse_fuzzy(const std::string& raw, bool open_allowed) {
  FuzzyDate f;
  f.original = raw;
  std::string text = raw;
  if (text.size() > kMaxDateLength)
    throw DateError(excerpt(raw) + ": too long for a date; expected YYYY-MM-DD, YYYY-MM, YYYY, [A..B] or '..'");
  if (text.empty() || text == "..") {
    if (!open_allowed) throw DateError("an open date ('" + raw + "') is not allowed here");
    return f;  // Precision::Open with open bounds
  }
  if (text.back() == '~' || text.back() == '?' || text.back() == '%') {
    f.approximate = true;
    text.pop_back();
  }
  static const std::regex day_re(R"(\d{4}-\d{2}-\d{2})");
  static const std::regex month_re(R"((\d{4})-(\d{2}))");
  static const std::regex year_re(R"(\d{4})");
  static const std::regex range_re(R"(\[([0-9-]+)\.\.([0-9-]+)\])");
  std::smatch m;
  if (std::regex_match(text, day_re)) {
    f.precision = Precision::Day;
    f.earliest = f.latest = parse_day(text);
  } else if (std::regex_match(text, m, month_re)) {
    int y = std::stoi(m[1]);
    unsigned code = static_cast<unsigned>(std::stoi(m[2]));
    check_year(y, raw);
    if (code >= 21 && code <= 24) {
      f.precision = Precision::Season;
      season_range(y, code, f.earliest, f.latest);
    } else {
      if (code < 1 || code > 12)
        throw DateError(raw + ": " + m[2].str() + " is neither a month (01-12) nor a season (21-24)");
      f.precision = Precision::Month;
      f.earliest = to_day(y, code, 1);
      f.latest = last_of_month(y, code);
    }
  } else if (std::regex_match(text, year_re)) {
    int y = std::stoi(text);
    check_year(y, raw);
    f.precision = Precision::Year;
    f.earliest = to_day(y, 1, 1);
    f.latest = to_day(y, 12, 31);
  } else if (std::regex_match(text, m, range_re)) {
    // "one day in this range": the bounds may themselves be months or years.
    FuzzyDate a = parse_fuzzy(m[1], false);
    FuzzyDate b = parse_fuzzy(m[2], false);
    if (b.latest < a.earliest) throw DateError(raw + ": the range ends before it begins");
    f.precision = Precision::Range;
    f.earliest = a.earliest;
    f.latest = b.latest;
  } else {
    throw DateError(raw +
                    ": not a date; expected YYYY-MM-DD, YYYY-MM, YYYY-21..24 (season), YYYY, "
                    "[FIRST..LAST], optionally followed by ~ or ?, or '..' for an open end");
  }
  if (f.approximate) {
    f.earliest -= widen_for(f.precision);
    f.latest += widen_for(f.precision);
  }
  return f;
}

Interval make_interval(const std::string& from, const std::string& to) {
  Interval iv{parse_fuzzy(from, true), parse_fuzzy(to, true)};
  // An open end is not an unknown date: the statement runs on without a stated
  // end (or has held since before any stated start), so both bounds collapse.
  if (iv.from.open()) iv.from.latest = kOpenPast;
  if (iv.to.open()) iv.to.earliest = kOpenFuture;
  if (iv.to.latest < iv.from.earliest)
    throw DateError("interval from " + from + " to " + to + " is inverted: it ends before it begins");
  return iv;
}

std::string describe(const Interval& iv) {
  auto one = [](const FuzzyDate& f) {
    if (f.original == "next") return std::string("the next firm date any source gives (none stated)");
    if (f.open()) return std::string("open");
    std::string s = f.original;
    if (!f.exact()) s += " (" + std::string(to_string(f.precision)) + (f.approximate ? ", approximate" : "") + ")";
    return s;
  };
  return "from " + one(iv.from) + " to " + one(iv.to);
}

}  // namespace histmap
