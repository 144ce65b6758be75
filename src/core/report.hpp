// Findings collected while loading and validating: each names a place
// (file:line or file + feature id) and says what is wrong and what would be right.
// The bottom of the dependency graph: every stage reports here, nothing here includes a stage.
#pragma once

#include <string>
#include <vector>

namespace histmap {

enum class Severity { Error, Warning, Info };

struct Finding {
  Severity severity;
  std::string where;
  std::string message;
};

class Report {
 public:
  void error(std::string where, std::string message) { add(Severity::Error, std::move(where), std::move(message)); }
  void warning(std::string where, std::string message) { add(Severity::Warning, std::move(where), std::move(message)); }
  void info(std::string where, std::string message) { add(Severity::Info, std::move(where), std::move(message)); }
  void add(Severity s, std::string where, std::string message) {
    findings.push_back({s, std::move(where), std::move(message)});
  }
  size_t count(Severity s) const {
    size_t n = 0;
    for (const auto& f : findings) n += f.severity == s;
    return n;
  }
  bool has_errors() const { return count(Severity::Error) > 0; }
  std::vector<Finding> findings;
};

const char* to_string(Severity s);

}  // namespace histmap
