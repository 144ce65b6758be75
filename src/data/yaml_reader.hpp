// Strict reading of histmap's small YAML files (dataset tables, map styles).
// Every problem becomes a finding "file:line: what is wrong; what would be right";
// nothing here throws for bad input. Strict means: one document per file,
// no key twice in a mapping, keys are plain words, and the typed readers refuse
// a list or mapping where a single value belongs, and an empty or null value.
#pragma once

#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "core/report.hpp"

namespace histmap {

class YamlReader {
 public:
  YamlReader(std::string path, Report& report) : path_(std::move(path)), report_(report) {}

  // Reads the file. Reports a missing or unreadable file (a folder, a symlink
  // loop), malformed YAML, a second document ('---'), duplicate or non-scalar
  // mapping keys; returns nullopt then. An empty file is a null node.
  std::optional<YAML::Node> load();

  const std::string& path() const { return path_; }
  Report& report() const { return report_; }
  std::string at(const YAML::Node& n) const;  // "file:line"
  int line(const YAML::Node& n) const;

  // Reports keys of mapping `n` other than `allowed` (typos must not pass silently).
  void only_keys(const YAML::Node& n, std::initializer_list<const char*> allowed, const std::string& what) const;
  void only_keys(const YAML::Node& n, const std::vector<std::string>& allowed, const std::string& what) const;

  // The string under `key`: reports a list/mapping, null or empty value; {} when absent or wrong.
  std::string string(const YAML::Node& n, const char* key, bool required, const std::string& what) const;
  // A value that must itself be a non-empty string (a mapping's value, a list element).
  std::optional<std::string> string_value(const YAML::Node& v, const std::string& what) const;
  // A number in [min, max] under `key`; nullopt when absent or wrong (and reported).
  std::optional<double> number(const YAML::Node& n, const char* key, const std::string& what, double min,
                               double max) const;
  std::optional<double> number_value(const YAML::Node& v, const std::string& label, double min, double max) const;
  // A list of numbers in [min, max]; nullopt when absent or wrong.
  std::optional<std::vector<double>> numbers(const YAML::Node& n, const char* key, const std::string& what, double min,
                                             double max) const;
  // A list of strings (a single string counts as a one-element list).
  std::vector<std::string> strings(const YAML::Node& n, const char* key, const std::string& what) const;
  // 'names': a mapping from language code (two or three lower-case letters) to a non-empty name.
  std::map<std::string, std::string> names(const YAML::Node& n, const std::string& what) const;
  // The mapping under `key`; nullopt when absent, or (reported) when not a mapping.
  std::optional<YAML::Node> mapping(const YAML::Node& n, const char* key, const std::string& what) const;

 private:
  void check_keys(const YAML::Node& n, int depth) const;

  std::string path_;
  Report& report_;
};

// Length-checked plain-word test without std::regex (which recurses per character).
// True for [a-z0-9][a-z0-9_.-]* of at most `max_length` characters.
bool is_plain_id(const std::string& s, size_t max_length = 200);

}  // namespace histmap
