#include "data/yaml_reader.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <yaml-cpp/eventhandler.h>

namespace histmap {
namespace fs = std::filesystem;

bool is_plain_id(const std::string& s, size_t max_length) {
  if (s.empty() || s.size() > max_length) return false;
  auto lower_or_digit = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  if (!lower_or_digit(s[0])) return false;
  return std::all_of(s.begin(), s.end(), [&](char c) { return lower_or_digit(c) || c == '_' || c == '.' || c == '-'; });
}

namespace {

constexpr int kMaxDepth = 64;  // histmap's files nest three or four levels; deeper is a mistake

std::string joined(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : ", ") + w;
  return out;
}

bool is_language_key(const std::string& k) {
  return k.size() >= 2 && k.size() <= 3 && std::all_of(k.begin(), k.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// A readable excerpt of a value in a message.
std::string shown(const std::string& s) { return s.size() > 60 ? s.substr(0, 57) + "..." : s; }

// Where a document begins and whether it holds anything but a null.
struct DocumentProbe : YAML::EventHandler {
  YAML::Mark start = YAML::Mark::null_mark();
  bool any_event = false;
  bool content = false;
  void seen(const YAML::Mark& m, bool is_content) {
    if (!any_event) start = m;
    any_event = true;
    content = content || is_content;
  }
  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& m, YAML::anchor_t) override { seen(m, false); }
  void OnAlias(const YAML::Mark& m, YAML::anchor_t) override { seen(m, true); }
  void OnScalar(const YAML::Mark& m, const std::string&, YAML::anchor_t, const std::string&) override { seen(m, true); }
  void OnSequenceStart(const YAML::Mark& m, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
    seen(m, true);
  }
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark& m, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
    seen(m, true);
  }
  void OnMapEnd() override {}
};

// What follows the first document. YAML::LoadAll of yaml-cpp 0.7 loops forever,
// allocating, when its parser stops advancing on some malformed input (fixed
// upstream in jbeder/yaml-cpp#1319, after Debian 12's 0.7.0), so the documents
// are walked here and the walk stops where the parser makes no progress.
struct AfterFirst {
  enum Kind { Nothing, SecondDocument, Stuck } kind = Nothing;
  YAML::Mark where = YAML::Mark::null_mark();
};

AfterFirst look_past_first_document(const std::string& text) {
  std::istringstream in(text);
  YAML::Parser parser(in);
  int previous = -1;
  for (int index = 0;; ++index) {
    DocumentProbe doc;
    if (!parser.HandleNextDocument(doc)) return {};
    if (!doc.any_event || doc.start.pos <= previous) return {AfterFirst::Stuck, doc.start};
    previous = doc.start.pos;
    if (index > 0 && doc.content) return {AfterFirst::SecondDocument, doc.start};
  }
}

}  // namespace

std::string YamlReader::at(const YAML::Node& n) const {
  if (!n.IsDefined() || n.Mark().is_null()) return path_;
  return path_ + ":" + std::to_string(n.Mark().line + 1);
}

int YamlReader::line(const YAML::Node& n) const { return n.IsDefined() && !n.Mark().is_null() ? n.Mark().line + 1 : 0; }

std::optional<YAML::Node> YamlReader::load() {
  std::error_code ec;
  auto st = fs::status(path_, ec);
  if (ec || !fs::exists(st)) {
    report_.error(path_, "cannot be read (" + (ec ? ec.message() : std::string("missing")) + ")");
    return std::nullopt;
  }
  if (fs::is_directory(st)) {
    report_.error(path_, "is a folder; a YAML file is expected under this name");
    return std::nullopt;
  }
  std::ifstream in(path_, std::ios::binary);
  std::ostringstream text;
  if (!(in && text << in.rdbuf())) {
    report_.error(path_, "cannot be read (no permission, or not a regular file)");
    return std::nullopt;
  }
  YAML::Node first;
  AfterFirst rest;
  try {
    first = YAML::Load(text.str());
    rest = look_past_first_document(text.str());
  } catch (const YAML::Exception& e) {
    report_.error(path_ + (e.mark.is_null() ? "" : ":" + std::to_string(e.mark.line + 1)),
                  "malformed YAML: " + e.msg + " (check indentation and quoting)");
    return std::nullopt;
  }
  const std::string where = path_ + (rest.where.is_null() ? "" : ":" + std::to_string(rest.where.line + 1));
  if (rest.kind == AfterFirst::Stuck) {
    report_.error(where, "malformed YAML: the reader cannot go on from here (check indentation, brackets and quoting)");
    return std::nullopt;
  }
  if (rest.kind == AfterFirst::SecondDocument) {
    report_.error(where,
                  "a second YAML document starts here; everything from here on would be ignored. A file holds "
                  "one document: remove the '---' line if there is one, or indent this line so that it "
                  "continues the lines above");
    return std::nullopt;
  }
  if (!first.IsDefined()) return YAML::Node(YAML::NodeType::Null);
  size_t before = report_.count(Severity::Error);
  check_keys(first, 0);
  if (report_.count(Severity::Error) > before) return std::nullopt;
  return first;
}

// Every mapping key must be a plain scalar, and no key may appear twice in one
// mapping (yaml-cpp keeps both and lookups see only the first).
void YamlReader::check_keys(const YAML::Node& n, int depth) const {
  if (depth > kMaxDepth) {
    report_.error(at(n), "nested more than " + std::to_string(kMaxDepth) + " levels deep; is a bracket unbalanced?");
    return;
  }
  if (n.IsSequence()) {
    for (const auto& e : n) check_keys(e, depth + 1);
  } else if (n.IsMap()) {
    std::map<std::string, int> seen;
    for (const auto& kv : n) {
      if (!kv.first.IsScalar()) {
        report_.error(at(kv.first), "a mapping key must be a plain word, not a list or a mapping");
        continue;
      }
      const std::string k = kv.first.Scalar();
      auto [it, fresh] = seen.emplace(k, line(kv.first));
      if (!fresh)
        report_.error(at(kv.first), "key '" + shown(k) + "' appears twice in one mapping (first at line " +
                                        std::to_string(it->second) + "); keep one");
      check_keys(kv.second, depth + 1);
    }
  }
}

void YamlReader::only_keys(const YAML::Node& n, std::initializer_list<const char*> allowed,
                           const std::string& what) const {
  only_keys(n, std::vector<std::string>(allowed.begin(), allowed.end()), what);
}

void YamlReader::only_keys(const YAML::Node& n, const std::vector<std::string>& allowed,
                           const std::string& what) const {
  if (!n.IsMap()) return;
  for (const auto& kv : n) {
    if (!kv.first.IsScalar()) continue;  // reported by load()
    const std::string& k = kv.first.Scalar();
    if (std::find(allowed.begin(), allowed.end(), k) == allowed.end())
      report_.error(at(kv.first), "unknown key '" + shown(k) + "' in " + what + "; allowed keys: " + joined(allowed));
  }
}

std::optional<std::string> YamlReader::string_value(const YAML::Node& v, const std::string& what) const {
  if (v.IsNull()) {
    report_.error(at(v), what + " is empty (null); write a value, or leave the key out");
    return std::nullopt;
  }
  if (!v.IsScalar()) {
    report_.error(at(v), what + " must be a single value, not a " + (v.IsMap() ? "mapping" : "list") +
                             " (quote a value that contains ',', ':', '[' or '{')");
    return std::nullopt;
  }
  if (v.Scalar().empty()) {
    report_.error(at(v), what + " is an empty string; write a value, or leave the key out");
    return std::nullopt;
  }
  return v.Scalar();
}

std::string YamlReader::string(const YAML::Node& n, const char* key, bool required, const std::string& what) const {
  YAML::Node v = n[key];
  if (!v) {
    if (required) report_.error(at(n), what + " has no '" + key + "'");
    return {};
  }
  return string_value(v, "'" + std::string(key) + "' of " + what).value_or("");
}

std::optional<double> YamlReader::number_value(const YAML::Node& v, const std::string& label, double min,
                                               double max) const {
  auto text = string_value(v, label);
  if (!text) return std::nullopt;
  char* end = nullptr;
  double x = std::strtod(text->c_str(), &end);
  if (end != text->c_str() + text->size() || !std::isfinite(x)) {
    report_.error(at(v), label + " is '" + shown(*text) + "'; a number is expected");
    return std::nullopt;
  }
  if (x < min || x > max) {
    std::ostringstream range;
    range << min << " to " << max;
    report_.error(at(v), label + " = " + *text + " is out of range " + range.str());
    return std::nullopt;
  }
  return x;
}

std::optional<double> YamlReader::number(const YAML::Node& n, const char* key, const std::string& what, double min,
                                         double max) const {
  YAML::Node v = n[key];
  if (!v) return std::nullopt;
  return number_value(v, "'" + std::string(key) + "' of " + what, min, max);
}

std::optional<std::vector<double>> YamlReader::numbers(const YAML::Node& n, const char* key, const std::string& what,
                                                       double min, double max) const {
  YAML::Node v = n[key];
  if (!v) return std::nullopt;
  const std::string label = "'" + std::string(key) + "' of " + what;
  if (!v.IsSequence()) {
    report_.error(at(v), label + " must be a list of numbers, e.g. [3, 2]");
    return std::nullopt;
  }
  std::vector<double> out;
  bool ok = true;
  for (size_t i = 0; i < v.size(); ++i) {
    auto x = number_value(v[i], "element " + std::to_string(i + 1) + " of " + label, min, max);
    if (x) out.push_back(*x);
    ok = ok && x;
  }
  return ok ? std::optional(out) : std::nullopt;
}

std::vector<std::string> YamlReader::strings(const YAML::Node& n, const char* key, const std::string& what) const {
  std::vector<std::string> out;
  YAML::Node v = n[key];
  if (!v || v.IsNull()) return out;
  const std::string label = "'" + std::string(key) + "' of " + what;
  if (v.IsScalar()) {
    if (auto s = string_value(v, label)) out.push_back(*s);
    return out;
  }
  if (!v.IsSequence()) {
    report_.error(at(v), label + " must be a list");
    return out;
  }
  for (const auto& e : v)
    if (auto s = string_value(e, "an element of " + label)) out.push_back(*s);
  return out;
}

std::map<std::string, std::string> YamlReader::names(const YAML::Node& n, const std::string& what) const {
  std::map<std::string, std::string> out;
  YAML::Node v = n["names"];
  if (!v) return out;
  if (!v.IsMap()) {
    report_.error(at(v), "'names' of " + what + " must map language codes (en, ru, az, hy, ka) to names");
    return out;
  }
  for (const auto& kv : v) {
    if (!kv.first.IsScalar()) continue;  // reported by load()
    const std::string& lang = kv.first.Scalar();
    if (!is_language_key(lang)) {
      report_.error(at(kv.first), "'names' of " + what + ": '" + shown(lang) +
                                      "' is not a language code (en, ru, az, hy, ka, ...); a name that contains a "
                                      "comma must be quoted");
      continue;
    }
    if (auto s = string_value(kv.second, "the " + lang + " name of " + what)) out[lang] = *s;
  }
  return out;
}

std::optional<YAML::Node> YamlReader::mapping(const YAML::Node& n, const char* key, const std::string& what) const {
  YAML::Node v = n[key];
  if (!v) return std::nullopt;
  if (!v.IsMap()) {
    report_.error(at(v), "'" + std::string(key) + "' of " + what + " must be a mapping {key: value, ...}");
    return std::nullopt;
  }
  return v;
}

}  // namespace histmap
