#include "render/style.hpp"
#include "data/share_dir.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <regex>

#include <yaml-cpp/yaml.h>

#include "data/yaml_reader.hpp"

namespace histmap {
namespace fs = std::filesystem;

bool parse_colour(const std::string& hex, Rgb& out) {
  static const std::regex re("#([0-9a-fA-F]{2})([0-9a-fA-F]{2})([0-9a-fA-F]{2})");
  std::smatch m;
  if (!std::regex_match(hex, m, re)) return false;
  out = {std::stoi(m[1], nullptr, 16) / 255.0, std::stoi(m[2], nullptr, 16) / 255.0,
         std::stoi(m[3], nullptr, 16) / 255.0};
  return true;
}

std::string to_hex(const Rgb& c) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "#%02x%02x%02x", static_cast<int>(c.r * 255 + 0.5), static_cast<int>(c.g * 255 + 0.5),
                static_cast<int>(c.b * 255 + 0.5));
  return buf;
}

Rgb Style::colour_of(const Polity& p) const {
  auto it = polities.find(p.id);
  if (it != polities.end()) return it->second;
  Rgb c{0.5, 0.5, 0.5};
  parse_colour(p.colour, c);
  return c;
}

std::string styles_dir() { return share_dir() + "/styles"; }

namespace {

// Reads style values through the strict YAML reader: wrong types, typos and
// out-of-range numbers become findings with file:line.
struct StyleReader {
  YamlReader& f;

  void colour(const YAML::Node& parent, const char* key, Rgb& out, const std::string& what, bool required = true) {
    YAML::Node n = parent[key];
    if (!n) {
      if (required) f.report().error(f.at(parent), what + " has no '" + key + "' colour (#rrggbb)");
      return;
    }
    auto text = f.string_value(n, "'" + std::string(key) + "' of " + what);
    if (text && !parse_colour(*text, out))
      f.report().error(f.at(n), "'" + std::string(key) + "' is '" + *text + "'; a colour is written #rrggbb");
  }
  void number(const YAML::Node& parent, const char* key, double& out, const std::string& what, double max = 1000) {
    if (auto x = f.number(parent, key, what, 0, max)) out = *x;
  }
  void dash(const YAML::Node& parent, std::vector<double>& out, const std::string& what) {
    if (auto d = f.numbers(parent, "dash", what, 0, 1000)) out = *d;
  }
  // The mapping under `key`, its keys checked against `allowed`; nullopt when absent or wrong.
  std::optional<YAML::Node> section(const YAML::Node& doc, const char* key, std::initializer_list<const char*> allowed,
                                    bool required = false) {
    auto n = f.mapping(doc, key, "the style");
    if (!n) {
      if (required && !doc[key]) f.report().error(f.at(doc), std::string("style has no '") + key + "' mapping");
      return n;
    }
    f.only_keys(*n, allowed, std::string("'") + key + "'");
    return n;
  }
  void line(const YAML::Node& doc, const char* key, LineStyle& out) {
    auto found = section(doc, key, {"colour", "width", "dash"}, true);
    if (!found) return;
    const YAML::Node& n = *found;
    colour(n, "colour", out.colour, key);
    number(n, "width", out.width, key);
    dash(n, out.dash, key);
  }
  void designations(const YAML::Node& doc, Style& style);
  void polities(const YAML::Node& doc, Style& style);
};

void StyleReader::designations(const YAML::Node& doc, Style& style) {
  static const std::vector<std::string> patterns = {"none",    "dots", "crosshatch", "horizontal", "vertical",
                                                    "outline", "ring", "circles",    "sparse"};
  auto d = f.mapping(doc, "designations", "the style");
  if (!d) return;
  f.only_keys(*d, known_designations(), "'designations' (the designation types of the data)");
  for (const auto& kv : *d) {
    if (!kv.first.IsScalar() || !is_known_designation(kv.first.Scalar())) continue;
    const std::string what = "designation " + kv.first.Scalar();
    if (!kv.second.IsMap()) {
      f.report().error(f.at(kv.second), what + " must be a mapping {pattern: ..., colour: ...}");
      continue;
    }
    f.only_keys(kv.second, {"pattern", "colour"}, what);
    PatternStyle p;
    std::string pattern = f.string(kv.second, "pattern", false, what);
    if (!pattern.empty()) p.pattern = pattern;
    if (std::find(patterns.begin(), patterns.end(), p.pattern) == patterns.end())
      f.report().error(f.at(kv.second["pattern"]), "pattern '" + p.pattern +
                                                       "' is unknown (none, dots, crosshatch, horizontal, vertical, "
                                                       "outline, ring, circles, sparse)");
    p.colour_rule = kv.second["colour"] ? f.string(kv.second, "colour", false, what) : "#000000";
    if (p.colour_rule.empty()) continue;  // reported
    if (p.colour_rule != "by" && p.colour_rule != "beneficiary" && !parse_colour(p.colour_rule, p.colour))
      f.report().error(f.at(kv.second["colour"]),
                       "colour '" + p.colour_rule + "' is not #rrggbb, 'by' or 'beneficiary'");
    style.designations[kv.first.Scalar()] = p;
  }
}

void StyleReader::polities(const YAML::Node& doc, Style& style) {
  auto p = f.mapping(doc, "polities", "the style");
  if (!p) return;
  for (const auto& kv : *p) {
    if (!kv.first.IsScalar()) continue;  // reported by load()
    const std::string what = "the colour of polity " + kv.first.Scalar();
    auto text = f.string_value(kv.second, what);
    Rgb c;
    if (!text) continue;
    if (!parse_colour(*text, c)) f.report().error(f.at(kv.second), what + " is '" + *text + "'; write #rrggbb");
    style.polities[kv.first.Scalar()] = c;
  }
}

// A style name (looked up in styles/) or a file path; "" with an error when neither exists.
std::string style_path(const std::string& name_or_path, Report& report) {
  std::error_code ec;
  if (fs::exists(fs::symlink_status(name_or_path, ec))) return name_or_path;
  std::string by_name = styles_dir() + "/" + fs::path(name_or_path).filename().string();
  if (fs::path(by_name).extension() != ".yaml") by_name += ".yaml";
  if (fs::exists(fs::symlink_status(by_name, ec))) return by_name;
  std::string names;
  if (fs::is_directory(styles_dir(), ec))
    for (auto it = fs::directory_iterator(styles_dir(), ec); !ec && it != fs::directory_iterator(); it.increment(ec))
      if (it->path().extension() == ".yaml") names += (names.empty() ? "" : ", ") + it->path().stem().string();
  report.error(name_or_path, "no such style file or style name (styles: " + names + ")");
  return {};
}

}  // namespace

bool load_style(const std::string& name_or_path, Style& style, Report& report) {
  const std::string path = style_path(name_or_path, report);
  if (path.empty()) return false;
  YamlReader f{path, report};
  auto loaded = f.load();
  if (!loaded) return false;
  const YAML::Node doc = *loaded;
  if (!doc.IsMap()) {
    report.error(path, "a style is a mapping of keys (name, page, text, land, ...); see styles/README.md");
    return false;
  }
  f.only_keys(doc,
              {"name", "page", "text", "land", "water", "water_line", "river", "no_assertion", "no_controller",
               "uyezd_line", "governorate_line", "modern_border", "uncertain", "conflict", "hatch", "designations",
               "place", "fonts", "polities"},
              "a style");
  StyleReader r{f};
  style.name = doc["name"] ? f.string(doc, "name", false, "the style") : fs::path(path).stem().string();
  for (auto [key, out] : std::initializer_list<std::pair<const char*, Rgb*>>{{"page", &style.page},
                                                                             {"text", &style.text},
                                                                             {"land", &style.land},
                                                                             {"water", &style.water},
                                                                             {"water_line", &style.water_line},
                                                                             {"river", &style.river},
                                                                             {"no_assertion", &style.no_assertion},
                                                                             {"no_controller", &style.no_controller}})
    r.colour(doc, key, *out, "the style");
  r.line(doc, "uyezd_line", style.uyezd_line);
  r.line(doc, "governorate_line", style.governorate_line);
  r.line(doc, "modern_border", style.modern_border);
  if (auto found = r.section(doc, "uncertain", {"alpha", "outline", "dash"})) {
    const YAML::Node& u = *found;
    r.number(u, "alpha", style.uncertain_alpha, "'uncertain'", 1);
    r.colour(u, "outline", style.uncertain_outline.colour, "'uncertain'");
    r.dash(u, style.uncertain_outline.dash, "'uncertain'");
    style.uncertain_outline.width = 0.8;
  }
  if (auto found = r.section(doc, "conflict", {"colour", "width", "stripe"})) {
    const YAML::Node& c = *found;
    r.colour(c, "colour", style.conflict.colour, "'conflict'");
    r.number(c, "width", style.conflict.width, "'conflict'");
    r.number(c, "stripe", style.conflict_stripe, "'conflict'");
  }
  if (auto found = r.section(doc, "hatch", {"spacing", "width"})) {
    const YAML::Node& h = *found;
    r.number(h, "spacing", style.hatch_spacing, "'hatch'");
    r.number(h, "width", style.hatch_width, "'hatch'");
  }
  r.designations(doc, style);
  if (auto found = r.section(doc, "place", {"colour", "radius"})) {
    const YAML::Node& p = *found;
    r.colour(p, "colour", style.place_colour, "'place'");
    r.number(p, "radius", style.place_radius, "'place'");
  }
  if (auto found = r.section(doc, "fonts", {"family", "title", "subtitle", "region", "place", "legend", "credit"})) {
    const YAML::Node& fo = *found;
    if (fo["family"]) style.font_family = f.string(fo, "family", false, "'fonts'");
    for (auto [key, out] : std::initializer_list<std::pair<const char*, double*>>{{"title", &style.font_title},
                                                                                  {"subtitle", &style.font_subtitle},
                                                                                  {"region", &style.font_region},
                                                                                  {"place", &style.font_place},
                                                                                  {"legend", &style.font_legend},
                                                                                  {"credit", &style.font_credit}})
      r.number(fo, key, *out, "'fonts'");
  }
  r.polities(doc, style);
  return !report.has_errors();
}

}  // namespace histmap
