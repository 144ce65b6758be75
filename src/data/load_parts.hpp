// The small parts every table loader shares: whether a file is there and
// readable, the records under a file's top key, id checks, closed choices.
// Internal to the data stage (load.cpp and its helpers).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "core/report.hpp"
#include "data/yaml_reader.hpp"
#include "model/atlas.hpp"

namespace histmap::load_parts {

constexpr size_t kMaxIdLength = 200;

// Whether anything is there under this name (a broken or looping link counts;
// reading it reports the problem). Never throws.
bool entry_exists(const std::filesystem::path& p);
// For a data file that is there: reports a folder or a link that leads nowhere.
bool readable_file_or_report(const std::filesystem::path& p, Report& report);
// Reads a YAML file and returns the sequence under `top`, or an empty node.
YAML::Node read_records(YamlReader& f, const char* top, YAML::Node* whole = nullptr);
// What is wrong with an id that is_plain_id refused.
std::string id_problem(const std::string& id);
// An optional key with a closed set of values ("" = absent); anything else is
// an error naming the values that would be right.
std::string read_choice(const YamlReader& f, const YAML::Node& rec, const char* key, const std::string& what,
                        const std::vector<std::string>& allowed, Report& report);

template <class T>
bool check_new_id(const YamlReader& f, const YAML::Node& rec, const std::string& id, const std::string& what,
                  const std::vector<T>& existing) {
  if (id.empty()) return false;
  if (!is_plain_id(id, kMaxIdLength)) {
    f.report().error(f.at(rec), what + " " + id_problem(id));
    return false;
  }
  for (const auto& e : existing)
    if (e.id == id) {
      f.report().error(f.at(rec), what + " id '" + id + "' is defined twice (first at " + e.origin.where() + ")");
      return false;
    }
  return true;
}

}  // namespace histmap::load_parts
