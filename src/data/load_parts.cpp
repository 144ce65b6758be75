#include "data/load_parts.hpp"

#include <algorithm>

namespace histmap::load_parts {
namespace fs = std::filesystem;

// Whether anything is there under this name (a broken or looping link counts;
// reading it reports the problem). Never throws.
bool entry_exists(const fs::path& p) {
  std::error_code ec;
  return fs::exists(fs::symlink_status(p, ec));
}

// For a data file that is there: reports a folder or a link that leads nowhere.
bool readable_file_or_report(const fs::path& p, Report& report) {
  std::error_code ec;
  auto st = fs::status(p, ec);
  if (ec) {
    report.error(p.string(), "cannot be read (" + ec.message() + ")");
    return false;
  }
  if (fs::is_directory(st)) {
    report.error(p.string(), "is a folder; a data file is expected under this name");
    return false;
  }
  return true;
}

// Reads a YAML file and returns the sequence under `top`, or an empty node.
YAML::Node read_records(YamlReader& f, const char* top, YAML::Node* whole) {
  auto doc = f.load();
  if (!doc) return {};
  if (whole) *whole = *doc;
  if (!doc->IsMap() || !(*doc)[top]) {
    f.report().error(f.path(), std::string("expected a mapping with a '") + top + "' list at the top");
    return {};
  }
  YAML::Node seq = (*doc)[top];
  if (!seq.IsSequence()) {
    f.report().error(f.at(seq), std::string("'") + top + "' must be a list");
    return {};
  }
  return seq;
}

std::string id_problem(const std::string& id) {
  if (id.size() > kMaxIdLength)
    return "id '" + id.substr(0, 40) + "...' has " + std::to_string(id.size()) + " characters; at most " +
           std::to_string(kMaxIdLength) + " are allowed";
  return "id '" + id + "' must be lower-case letters, digits, '_', '-' or '.'";
}

// An optional key with a closed set of values ("" = absent); anything else is
// an error naming the values that would be right.
std::string read_choice(const YamlReader& f, const YAML::Node& rec, const char* key, const std::string& what,
                        const std::vector<std::string>& allowed, Report& report) {
  std::string v = f.string(rec, key, false, what);
  if (std::find(allowed.begin(), allowed.end(), v) != allowed.end()) return v;
  std::string list;
  for (const auto& a : allowed)
    if (!a.empty()) list += (list.empty() ? "'" : ", '") + a + "'";
  report.error(f.at(rec[key]), what + ": " + key + " '" + v + "' is unknown; it can be " + list);
  return "";
}

}  // namespace histmap::load_parts
