#include "render/style.hpp"
#include "data/share_dir.hpp"

#include <cstdio>
#include <filesystem>
#include <regex>

#include <yaml-cpp/yaml.h>

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

struct Reader {
  std::string file;
  Report& report;
  std::string at(const YAML::Node& n) const { return file + ":" + std::to_string(n.Mark().line + 1); }

  void colour(const YAML::Node& parent, const char* key, Rgb& out, bool required = true) {
    YAML::Node n = parent[key];
    if (!n) {
      if (required) report.error(file, std::string("style has no '") + key + "' colour");
      return;
    }
    if (!parse_colour(n.as<std::string>(), out))
      report.error(at(n), std::string("'") + key + "' is '" + n.as<std::string>() + "'; a colour is written #rrggbb");
  }
  void number(const YAML::Node& parent, const char* key, double& out) {
    YAML::Node n = parent[key];
    if (!n) return;
    try {
      out = n.as<double>();
    } catch (const YAML::Exception&) {
      report.error(at(n), std::string("'") + key + "' must be a number");
      return;
    }
    if (out < 0 || out > 1000) report.error(at(n), std::string("'") + key + "' = " + n.as<std::string>() + " is out of range 0-1000");
  }
  void line(const YAML::Node& parent, const char* key, LineStyle& out) {
    YAML::Node n = parent[key];
    if (!n) {
      report.error(file, std::string("style has no '") + key + "' line {colour, width}");
      return;
    }
    colour(n, "colour", out.colour);
    number(n, "width", out.width);
    if (n["dash"])
      for (const auto& d : n["dash"]) out.dash.push_back(d.as<double>());
  }
};

}  // namespace

bool load_style(const std::string& name_or_path, Style& style, Report& report) {
  std::string path = name_or_path;
  if (!fs::exists(path)) {
    std::string by_name = styles_dir() + "/" + fs::path(name_or_path).filename().string();
    if (fs::path(by_name).extension() != ".yaml") by_name += ".yaml";
    if (fs::exists(by_name)) path = by_name;
  }
  if (!fs::exists(path)) {
    std::string names;
    if (fs::is_directory(styles_dir()))
      for (const auto& e : fs::directory_iterator(styles_dir()))
        if (e.path().extension() == ".yaml") names += (names.empty() ? "" : ", ") + e.path().stem().string();
    report.error(name_or_path, "no such style file or style name (styles: " + names + ")");
    return false;
  }
  YAML::Node doc;
  try {
    doc = YAML::LoadFile(path);
  } catch (const YAML::ParserException& e) {
    report.error(path + ":" + std::to_string(e.mark.line + 1), "malformed YAML: " + e.msg);
    return false;
  }
  Reader r{path, report};
  style.name = doc["name"] ? doc["name"].as<std::string>() : fs::path(path).stem().string();
  for (auto [key, out] : std::initializer_list<std::pair<const char*, Rgb*>>{
           {"page", &style.page}, {"text", &style.text}, {"land", &style.land}, {"water", &style.water},
           {"water_line", &style.water_line}, {"river", &style.river}, {"no_assertion", &style.no_assertion},
           {"no_controller", &style.no_controller}})
    r.colour(doc, key, *out);
  r.line(doc, "uyezd_line", style.uyezd_line);
  r.line(doc, "governorate_line", style.governorate_line);
  r.line(doc, "modern_border", style.modern_border);
  if (YAML::Node u = doc["uncertain"]) {
    r.number(u, "alpha", style.uncertain_alpha);
    if (style.uncertain_alpha > 1) report.error(r.at(u), "uncertain alpha must be between 0 and 1");
    r.colour(u, "outline", style.uncertain_outline.colour);
    if (u["dash"])
      for (const auto& d : u["dash"]) style.uncertain_outline.dash.push_back(d.as<double>());
    style.uncertain_outline.width = 0.8;
  }
  if (YAML::Node c = doc["conflict"]) {
    r.colour(c, "colour", style.conflict.colour);
    r.number(c, "width", style.conflict.width);
    r.number(c, "stripe", style.conflict_stripe);
  }
  if (YAML::Node h = doc["hatch"]) {
    r.number(h, "spacing", style.hatch_spacing);
    r.number(h, "width", style.hatch_width);
  }
  static const std::vector<std::string> patterns = {"none",  "dots",    "crosshatch", "horizontal", "vertical",
                                                    "outline", "ring", "circles",    "sparse"};
  if (YAML::Node d = doc["designations"])
    for (const auto& kv : d) {
      PatternStyle p;
      p.pattern = kv.second["pattern"] ? kv.second["pattern"].as<std::string>() : "none";
      if (std::find(patterns.begin(), patterns.end(), p.pattern) == patterns.end())
        report.error(r.at(kv.second), "pattern '" + p.pattern + "' is unknown (none, dots, crosshatch, horizontal, "
                                                                "vertical, outline, ring, circles, sparse)");
      p.colour_rule = kv.second["colour"] ? kv.second["colour"].as<std::string>() : "#000000";
      if (p.colour_rule != "by" && p.colour_rule != "beneficiary" && !parse_colour(p.colour_rule, p.colour))
        report.error(r.at(kv.second), "colour '" + p.colour_rule + "' is not #rrggbb, 'by' or 'beneficiary'");
      style.designations[kv.first.as<std::string>()] = p;
    }
  if (YAML::Node p = doc["place"]) {
    r.colour(p, "colour", style.place_colour);
    r.number(p, "radius", style.place_radius);
  }
  if (YAML::Node f = doc["fonts"]) {
    if (f["family"]) style.font_family = f["family"].as<std::string>();
    r.number(f, "title", style.font_title);
    r.number(f, "subtitle", style.font_subtitle);
    r.number(f, "region", style.font_region);
    r.number(f, "place", style.font_place);
    r.number(f, "legend", style.font_legend);
    r.number(f, "credit", style.font_credit);
  }
  if (YAML::Node p = doc["polities"])
    for (const auto& kv : p) {
      Rgb c;
      if (!parse_colour(kv.second.as<std::string>(), c))
        report.error(r.at(kv.second), "colour of polity " + kv.first.as<std::string>() + " is not #rrggbb");
      style.polities[kv.first.as<std::string>()] = c;
    }
  return !report.has_errors();
}

}  // namespace histmap
