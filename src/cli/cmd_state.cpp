// histmap state --date D [--region R]: the resolved state, grouped by region.
#include <memory>
#include <sstream>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "cli/format.hpp"
#include "time/timeline.hpp"

namespace histmap::cli {
namespace {

struct StateOptions {
  CommonOptions common;
  std::string date;
  std::string region;
  bool by_piece = false;
};

std::string piece_list(const Atlas& atlas, const std::vector<int>& pieces) {
  std::string s;
  for (int p : pieces) s += (s.empty() ? "" : ", ") + atlas.pieces[p].id;
  return s;
}

void run(const StateOptions& o) {
  auto atlas = load_or_exit(o.common);
  Day day = parse_date_or_exit("--date", o.date);
  std::vector<int> regions;
  if (!o.region.empty()) regions.push_back(region_or_exit(*atlas, o.region));
  else
    for (size_t r = 0; r < atlas->regions.size(); ++r)
      if (atlas->regions[r].kind == RegionKind::Uyezd) regions.push_back(static_cast<int>(r));

  Resolver resolver(*atlas);
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  std::ostringstream text;
  for (int r : regions) {
    const Region& reg = atlas->regions[r];
    if (o.by_piece) {
      for (int p : reg.pieces) {
        nlohmann::ordered_json j;
        j["piece"] = atlas->pieces[p].id;
        j["region"] = reg.id;
        j["date"] = format_day(day);
        j.update(state_json(*atlas, resolver.at(p, day)));
        out.push_back(j);
        text << format_day(day) << "  " << atlas->pieces[p].id << " (" << reg.id << ")  "
             << state_summary(*atlas, resolver.at(p, day)) << "\n";
      }
      continue;
    }
    auto groups = group_by_state(resolver, reg.pieces, day);
    text << format_day(day) << "  " << reg.id << " — " << name_of(reg) << "\n";
    for (const auto& g : groups) {
      nlohmann::ordered_json j;
      j["region"] = reg.id;
      j["region_name"] = name_of(reg);
      j["date"] = format_day(day);
      nlohmann::ordered_json pieces = nlohmann::ordered_json::array();
      for (int p : g.pieces) pieces.push_back(atlas->pieces[p].id);
      j["pieces"] = pieces;
      j.update(state_json(*atlas, *g.state));
      out.push_back(j);
      if (groups.size() > 1) text << "    pieces " << piece_list(*atlas, g.pieces) << ":\n  ";
      text << "    " << state_summary(*atlas, *g.state) << "\n";
      if (!g.state->assertions.empty()) {
        text << (groups.size() > 1 ? "      " : "    ") << "assertions:";
        for (int a : g.state->assertions) text << " " << atlas->assertions[a].id;
        text << "\n";
      }
    }
  }
  emit(o.common, o.common.format == "json" ? dump(out) : text.str());
}

}  // namespace

void add_state_command(CLI::App& app) {
  auto o = std::make_shared<StateOptions>();
  auto* cmd = app.add_subcommand("state", "Resolved state of every uyezd (or of one region) on a date");
  cmd->add_option("--date", o->date, "Calendar day, YYYY-MM-DD")->required();
  cmd->add_option("--region", o->region, "Region id (uyezd, governorate or named part); default: every uyezd");
  cmd->add_flag("--by-piece", o->by_piece, "One entry per piece instead of one per distinct state");
  add_data_options(cmd, o->common);
  add_output_options(cmd, o->common, {"text", "json"});
  cmd->callback([o] { run(*o); });
}

}  // namespace histmap::cli
