// histmap validate: every problem in the dataset, and every conflict between
// assertions with both sides' sources. Exit 1 on errors, 0 with warnings.
#include <iostream>
#include <memory>
#include <sstream>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "cli/format.hpp"
#include "data/validate.hpp"
#include "time/conflicts.hpp"

namespace histmap::cli {
namespace {

struct ValidateCmdOptions {
  CommonOptions common;
  double tolerance = 0.5;
};

void run(const ValidateCmdOptions& o) {
  Report report;
  auto atlas = load_atlas({o.common.data, o.common.add_data, selection_or_exit(o.common)}, report);
  refuse_unknown_selection(report);
  if (atlas) validate_atlas(*atlas, {o.tolerance}, report);

  std::vector<ConflictSpan> conflicts;
  std::unique_ptr<Resolver> resolver;
  if (atlas && !report.has_errors()) {
    resolver = std::make_unique<Resolver>(*atlas);
    conflicts = all_conflicts(*resolver);
  }

  nlohmann::ordered_json j;
  std::ostringstream text;
  auto findings = [&](Severity sev) {
    nlohmann::ordered_json arr = nlohmann::ordered_json::array();
    for (const auto& f : report.findings)
      if (f.severity == sev) {
        arr.push_back({{"where", f.where}, {"message", f.message}});
        text << f.where << ": " << to_string(sev) << ": " << f.message << "\n";
      }
    return arr;
  };
  j["errors"] = findings(Severity::Error);
  j["warnings"] = findings(Severity::Warning);
  nlohmann::ordered_json cj = nlohmann::ordered_json::array();
  for (const auto& c : conflicts) {
    const Atlas& a = *atlas;
    nlohmann::ordered_json e;
    e["about"] = c.conflict.about;
    e["from"] = format_day(c.first);
    e["to"] = c.last >= kOpenFuture ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(format_day(c.last));
    nlohmann::ordered_json pieces = nlohmann::ordered_json::array();
    for (int p : c.pieces) pieces.push_back(a.pieces[p].id);
    e["pieces"] = pieces;
    nlohmann::ordered_json sides = nlohmann::ordered_json::array();
    text << "conflict over " << c.conflict.about << " from " << format_day(c.first) << " to "
         << (c.last >= kOpenFuture ? "open" : format_day(c.last)) << " in " << c.pieces.size() << " piece(s):\n";
    for (const auto& side : c.conflict.sides) {
      nlohmann::ordered_json sj;
      sj["party"] = a.polities[side.party].id;
      nlohmann::ordered_json as = nlohmann::ordered_json::array();
      for (int i : side.assertions) {
        const Assertion& x = a.assertions[i];
        as.push_back({{"id", x.id}, {"source", a.sources[x.source].id}, {"locator", x.locator.text()}});
        text << "    " << a.polities[side.party].id << ": " << x.id << " — " << a.sources[x.source].id << ", "
             << x.locator.text() << " (" << x.origin.where() << ")\n";
      }
      sj["assertions"] = as;
      sides.push_back(sj);
    }
    e["sides"] = sides;
    cj.push_back(e);
  }
  j["conflicts"] = cj;
  if (atlas) {
    j["counts"] = {
        {"pieces", atlas->pieces.size()},         {"regions", atlas->regions.size()},
        {"polities", atlas->polities.size()},     {"sources", atlas->sources.size()},
        {"assertions", atlas->assertions.size()}, {"change_points", resolver ? resolver->change_points().size() : 0}};
    text << "\n"
         << atlas->pieces.size() << " pieces, " << atlas->regions.size() << " regions, " << atlas->polities.size()
         << " polities, " << atlas->sources.size() << " sources, " << atlas->assertions.size() << " assertions\n";
  }
  text << report.count(Severity::Error) << " error(s), " << report.count(Severity::Warning) << " warning(s), "
       << conflicts.size() << " conflict(s) between assertions\n";
  emit(o.common, o.common.format == "json" ? dump(j) : text.str());
  if (report.has_errors()) throw Exit{1};
}

}  // namespace

void add_validate_command(CLI::App& app) {
  auto o = std::make_shared<ValidateCmdOptions>();
  auto* cmd = app.add_subcommand("validate", "Check the dataset: schema, ids, dates, geometry; list conflicts");
  cmd->add_option("--tolerance-km2", o->tolerance, "Overlaps and gaps up to this area are seams, not errors")
      ->check(CLI::Range(0.0, 1000.0))
      ->capture_default_str();
  add_data_options(cmd, o->common);
  add_output_options(cmd, o->common, {"text", "json"});
  cmd->callback([o] { run(*o); });
}

}  // namespace histmap::cli
