#include "data/dataset_file.hpp"

#include <algorithm>
#include <filesystem>

#include <cpl_error.h>
#include <ogr_spatialref.h>

#include "data/area.hpp"
#include "data/yaml_reader.hpp"
#include "model/languages.hpp"

namespace histmap {
namespace {

constexpr const char* kWhat = "the dataset description";

// A mapping from language code to text, e.g. `title: {en: ..., ru: ...}`.
std::map<std::string, std::string> texts(const YamlReader& f, const YAML::Node& doc, const char* key) {
  std::map<std::string, std::string> out;
  YAML::Node v = doc[key];
  if (!v) return out;
  if (!v.IsMap()) {
    f.report().error(f.at(v), std::string("'") + key + "' must map language codes (" + language_list() +
                                  ") to texts, e.g. " + key + ": {en: ...}");
    return out;
  }
  for (const auto& kv : v) {
    if (!kv.first.IsScalar()) continue;  // reported by load()
    const std::string& lang = kv.first.Scalar();
    if (!is_language_code(lang)) {
      f.report().error(f.at(kv.first), std::string("'") + key + "': '" + lang + "' is not one of the languages (" +
                                           language_list() + ")");
      continue;
    }
    if (auto s = f.string_value(kv.second, std::string("the ") + lang + " " + key + " of " + kWhat)) out[lang] = *s;
  }
  if (!out.empty() && !out.count("en"))
    f.report().error(f.at(v), std::string("'") + key + "' has no English text (en); the others fall back to it");
  return out;
}

// A calendar day under `key` of `n`; `fallback` when absent or wrong (and reported).
Day day_at(const YamlReader& f, const YAML::Node& n, const char* key, Day fallback) {
  std::string text = f.string(n, key, false, std::string("the period of ") + kWhat);
  if (text.empty()) return fallback;
  try {
    return parse_day(text);
  } catch (const DateError& e) {
    f.report().error(f.at(n[key]), std::string("period ") + key + ": " + e.what() + "; write YYYY-MM-DD");
    return fallback;
  }
}

void read_period(const YamlReader& f, const YAML::Node& doc, DatasetInfo& out) {
  auto period = f.mapping(doc, "period", kWhat);
  if (!period) return;
  f.only_keys(*period, {"first", "last", "start"}, "the period");
  out.first = day_at(f, *period, "first", 0);
  out.last = day_at(f, *period, "last", 0);
  out.start = day_at(f, *period, "start", 0);
  if (!(*period)["first"] || !(*period)["last"])
    f.report().error(f.at(*period), "period needs both 'first' and 'last' (YYYY-MM-DD)");
  else if (out.last < out.first)
    f.report().error(f.at(*period), "period: 'last' is before 'first'; give a period that runs forward");
  else if (out.start && (out.start < out.first || out.start > out.last))
    f.report().error(f.at((*period)["start"]), "period: 'start' lies outside first..last");
}

// A projected CRS PROJ knows, under `key`.
std::string projection(const YamlReader& f, const YAML::Node& doc, const char* key) {
  std::string crs = f.string(doc, key, false, kWhat);
  if (crs.empty()) return crs;
  OGRSpatialReference srs;
  CPLPushErrorHandler(CPLQuietErrorHandler);
  const bool known = srs.SetFromUserInput(crs.c_str()) == OGRERR_NONE;
  CPLPopErrorHandler();
  if (!known)
    f.report().error(f.at(doc[key]),
                     std::string(key) + " '" + crs + "' is not a CRS PROJ knows (e.g. EPSG:3035 or +proj=...)");
  else if (!srs.IsProjected())
    f.report().error(f.at(doc[key]),
                     std::string(key) + " '" + crs + "' is not projected; give a projected CRS in metres");
  else return crs;
  return {};
}

void read_languages(const YamlReader& f, const YAML::Node& doc, DatasetInfo& out) {
  if (!doc["languages"]) return;
  const auto codes = f.strings(doc, "languages", kWhat);
  for (const auto& code : codes) {
    if (is_language_code(code)) out.languages.push_back(code);
    else f.report().error(f.at(doc["languages"]), "languages: '" + code + "' is not one of " + language_list());
  }
  if (codes.empty()) f.report().error(f.at(doc["languages"]), "languages: give at least one of " + language_list());
}

}  // namespace

void load_dataset_file(const std::string& path, DatasetInfo& out, Report& report) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::exists(fs::symlink_status(path, ec))) {  // untitled: the folder's name stands in
    out.title["en"] = fs::absolute(path, ec).lexically_normal().parent_path().filename().string();
    return;
  }
  YamlReader f{path, report};
  auto doc = f.load();
  if (!doc) return;
  if (!doc->IsMap()) {
    report.error(path, "expected a mapping with title, credit, period, crs, equal_area_crs, perspective, languages");
    return;
  }
  f.only_keys(*doc, {"title", "credit", "period", "crs", "equal_area_crs", "perspective", "languages", "sets"}, kWhat);
  out.file = path;
  out.title = texts(f, *doc, "title");
  if (out.title.empty() && !(*doc)["title"]) report.error(path, "has no 'title'; give at least title: {en: ...}");
  out.credit = texts(f, *doc, "credit");
  out.perspective = texts(f, *doc, "perspective");
  read_period(f, *doc, out);
  out.crs = projection(f, *doc, "crs");
  out.equal_area_crs = projection(f, *doc, "equal_area_crs");
  read_languages(f, *doc, out);
  if ((*doc)["sets"]) out.sets = f.strings(*doc, "sets", kWhat);
}

void load_set_file(const std::string& path, SourceSet& set, Report& report) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::exists(fs::symlink_status(path, ec))) return;  // unnamed: the folder's name stands in
  YamlReader f{path, report};
  auto doc = f.load();
  if (!doc) return;
  if (!doc->IsMap()) {
    report.error(path, "expected a mapping with name and perspective, each {en: ..., ...}");
    return;
  }
  f.only_keys(*doc, {"name", "perspective"}, "a source set's description");
  set.name = texts(f, *doc, "name");
  set.perspective = texts(f, *doc, "perspective");
}

void complete_dataset(Atlas& atlas, Report& report, bool areas_known) {
  DatasetInfo& d = atlas.dataset;
  if (d.languages.empty()) d.languages = language_codes();
  if (d.first == 0 && d.last == 0) {  // the span the assertions' known ends may cover
    Day first = kOpenFuture, last = kOpenPast;
    for (const auto& a : atlas.assertions) {
      for (Day day : {a.interval.possible_first(), a.interval.possible_last()})
        if (day != kOpenPast && day != kOpenFuture) first = std::min(first, day), last = std::max(last, day);
    }
    if (first <= last) d.first = first, d.last = last;
  }
  if (d.start == 0) d.start = d.first;
  if (d.equal_area_crs.empty() && !atlas.pieces.empty()) {
    OGREnvelope all;
    for (const auto& p : atlas.pieces) {
      OGREnvelope e;
      p.geometry->getEnvelope(&e);
      all.Merge(e);
    }
    d.equal_area_crs = laea_centred_on((all.MinX + all.MaxX) / 2, (all.MinY + all.MaxY) / 2);
  }
  EqualArea equal_area(d.equal_area_crs.empty() ? laea_centred_on(0, 0) : d.equal_area_crs);
  if (!equal_area.ok()) {
    report.error(d.file, "equal_area_crs '" + d.equal_area_crs + "': PROJ cannot transform lon/lat to it");
    return;
  }
  if (!areas_known)
    for (auto& p : atlas.pieces) p.area_km2 = equal_area.km2(*p.geometry);
}

}  // namespace histmap
