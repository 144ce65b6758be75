#include "symbology/words.hpp"

#include <chrono>
#include <memory>
#include <mutex>
#include <stdexcept>

#include <yaml-cpp/yaml.h>

#include "render/style.hpp"

namespace histmap {

const std::string& Words::get(const std::string& id) const {
  static const std::string empty;
  auto it = table.find(id);
  return it == table.end() ? empty : it->second;
}

std::string Words::fill(const std::string& id, const std::vector<std::pair<std::string, std::string>>& values) const {
  std::string out = get(id);
  for (const auto& [name, value] : values) {
    const std::string mark = "{" + name + "}";
    for (size_t at = out.find(mark); at != std::string::npos; at = out.find(mark, at + value.size()))
      out.replace(at, mark.size(), value);
  }
  return out;
}

const std::vector<std::string>& word_languages() {
  static const std::vector<std::string> langs = {"en", "ru", "az", "hy", "ka"};
  return langs;
}

bool load_words(const std::string& path, const std::string& lang, Words& out, std::string& error) {
  YAML::Node root;
  try {
    root = YAML::LoadFile(path);
  } catch (const YAML::BadFile&) {
    error = path + ": cannot read the words file";
    return false;
  } catch (const YAML::Exception& e) {
    error = path + ":" + std::to_string(e.mark.line + 1) + ": not valid YAML: " + e.msg;
    return false;
  }
  if (!root.IsMap()) {
    error = path + ": expected a mapping of message ids to texts";
    return false;
  }
  out = Words{};
  out.lang = lang;
  for (const auto& kv : root) {
    if (!kv.second.IsScalar()) {
      error = path + ":" + std::to_string(kv.second.Mark().line + 1) + ": " + kv.first.Scalar() +
              ": expected one line of text";
      return false;
    }
    out.table[kv.first.Scalar()] = kv.second.Scalar();
  }
  return true;
}

const Words& words_for(const std::string& lang) {
  static std::mutex mutex;
  static std::map<std::string, std::unique_ptr<Words>> cache;
  std::lock_guard<std::mutex> lock(mutex);
  auto it = cache.find(lang);
  if (it != cache.end()) return *it->second;
  auto w = std::make_unique<Words>();
  std::string error;
  if (!load_words(styles_dir() + "/words/" + lang + ".yaml", lang, *w, error)) throw std::runtime_error(error);
  return *cache.emplace(lang, std::move(w)).first->second;
}

namespace {

std::string month_id(const char* prefix, unsigned month) { return std::string(prefix) + std::to_string(month); }

// Seasons (EDTF 21-24) begin in March, June, September or December of their year.
std::string season_words(Day first, const Words& w) {
  using namespace std::chrono;
  year_month_day ymd{sys_days{days{first}}};
  static const char* names[] = {"winter", "spring", "summer", "autumn"};
  unsigned m = static_cast<unsigned>(ymd.month());
  return w.fill("date.season", {{"season", w.get(std::string("season.") + names[(m % 12) / 3])},
                                {"y", std::to_string(static_cast<int>(ymd.year()))}});
}

std::string year_of(Day d) {
  using namespace std::chrono;
  return std::to_string(static_cast<int>(year_month_day{sys_days{days{d}}}.year()));
}

}  // namespace

std::string day_words(Day d, const Words& w) {
  using namespace std::chrono;
  year_month_day ymd{sys_days{days{d}}};
  unsigned m = static_cast<unsigned>(ymd.month());
  return w.fill("date.day", {{"d", std::to_string(static_cast<unsigned>(ymd.day()))},
                             {"month_of", w.get(month_id("month_of.", m))},
                             {"y", std::to_string(static_cast<int>(ymd.year()))}});
}

std::string fuzzy_date_words(const FuzzyDate& f, const Words& w) {
  if (f.approximate) {  // "about" the date as written, not its widened range
    std::string bare = f.original;
    while (!bare.empty() && (bare.back() == '~' || bare.back() == '?' || bare.back() == '%')) bare.pop_back();
    return w.fill("date.approximate", {{"date", fuzzy_date_words(parse_fuzzy(bare, true), w)}});
  }
  std::string out;
  switch (f.precision) {
    case Precision::Open: return w.get("date.open");
    case Precision::Day: out = day_words(f.earliest, w); break;
    case Precision::Month: {
      using namespace std::chrono;
      year_month_day ymd{sys_days{days{f.earliest}}};
      out = w.fill("date.month", {{"month", w.get(month_id("month.", static_cast<unsigned>(ymd.month())))},
                                  {"y", std::to_string(static_cast<int>(ymd.year()))}});
      break;
    }
    case Precision::Season: out = season_words(f.earliest, w); break;
    case Precision::Year: out = w.fill("date.year", {{"y", year_of(f.earliest)}}); break;
    case Precision::Range:
      out = w.fill("date.between", {{"a", day_words(f.earliest, w)}, {"b", day_words(f.latest, w)}});
      break;
  }
  return out;
}

}  // namespace histmap
