// histmap timeline [--from D] [--to D]: every change point, what changed, and why.
#include <algorithm>
#include <memory>
#include <sstream>

#include <filesystem>
#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "cli/format.hpp"
#include "model/languages.hpp"
#include "scrub/timeline_chart.hpp"
#include "time/timeline.hpp"
#include "util/atomic_file.hpp"

namespace histmap::cli {
namespace {

struct TimelineOptions {
  CommonOptions common;
  std::string from, to, region, style = "default", lang = "en";
};

// The state after a change; when it reads like the state before (the same control,
// claims and statuses, now resting on other assertions), what changed underneath.
std::string after_line(const Atlas& atlas, const PieceState& before, const PieceState& after) {
  const std::string summary = state_summary(atlas, after);
  if (summary != state_summary(atlas, before)) return summary;
  auto missing_from = [&](const std::vector<int>& from, const std::vector<int>& in) {
    std::string ids;
    for (int a : from)
      if (std::find(in.begin(), in.end(), a) == in.end()) ids += (ids.empty() ? "" : ", ") + atlas.assertions[a].id;
    return ids;
  };
  const std::string added = missing_from(after.assertions, before.assertions);
  const std::string dropped = missing_from(before.assertions, after.assertions);
  std::string out = "the same, now resting on other assertions";
  if (!added.empty()) out += "; added: " + added;
  if (!dropped.empty()) out += "; no longer: " + dropped;
  if (added.empty() && dropped.empty()) out += " (set aside or certainty changed)";
  return out;
}

void run(const TimelineOptions& o) {
  auto atlas = load_or_exit(o.common);
  Day from = o.from.empty() ? kOpenPast : parse_date_or_exit("--from", o.from);
  Day to = o.to.empty() ? kOpenFuture : parse_date_or_exit("--to", o.to);
  if (to < from) {
    std::cerr << "histmap: --to " << o.to << " is before --from " << o.from << "; give an interval that runs forward\n";
    throw Exit{2};
  }
  int only = o.region.empty() ? -1 : region_or_exit(*atlas, o.region);
  Resolver resolver(*atlas);
  if (o.common.format == "svg") {
    // A chart needs a bounded period: default to the dataset's.
    Day a = o.from.empty() ? atlas->dataset.first : from, b = o.to.empty() ? atlas->dataset.last : to;
    Style style = style_or_exit(o.style);
    Report report;
    if (o.common.output.empty()) {
      std::cerr << "histmap: --format svg writes a file; give -o FILE.svg\n";
      throw Exit{2};
    }
    refuse_existing(o.common.output, o.common.force);
    write_timeline_svg(*atlas, resolver, style, a, b, o.common.output, report, o.lang);
    finish_or_exit(report);
    return;
  }
  if (o.common.format == "csv") {
    emit(o.common, timeline_csv(*atlas, resolver, from, to));
    return;
  }
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  std::ostringstream text;
  for (const auto& c : timeline(resolver, from, to)) {
    if (only >= 0) {
      const auto& rp = atlas->regions[only].pieces;
      bool hit = false;
      for (int p : c.pieces) hit = hit || std::binary_search(rp.begin(), rp.end(), p);
      if (!hit) continue;
    }
    out.push_back(change_json(*atlas, c));
    text << format_day(c.day) << "  " << (c.uyezd >= 0 ? atlas->regions[c.uyezd].id : "(no uyezd)") << " ["
         << c.pieces.size() << " piece(s)]\n"
         << "    before: " << state_summary(*atlas, *c.before) << "\n"
         << "    after:  " << after_line(*atlas, *c.before, *c.after) << "\n";
    for (int i : c.because) {
      const Assertion& a = atlas->assertions[i];
      text << "    because: " << a.id << " (" << describe(a.interval) << "; " << atlas->sources[a.source].id << ", "
           << a.locator.text() << ")\n";
    }
  }
  emit(o.common, o.common.format == "json" ? dump(out) : text.str());
}

}  // namespace

void add_timeline_command(CLI::App& app) {
  auto o = std::make_shared<TimelineOptions>();
  auto* cmd =
      app.add_subcommand("timeline", "Every change point with what changed and which assertions made it change");
  cmd->add_option("--from", o->from, "First day, YYYY-MM-DD (default: the beginning; for svg the dataset's period)");
  cmd->add_option("--to", o->to, "Last day, YYYY-MM-DD (default: the end; for svg the dataset's period)");
  cmd->add_option("--region", o->region, "Only changes touching this region");
  add_data_options(cmd, o->common);
  cmd->add_option("--style", o->style, "Style of the SVG chart")->capture_default_str();
  cmd->add_option("--lang", o->lang, "Language of the SVG chart's names and words: " + language_list())
      ->check(CLI::IsMember(language_codes()))
      ->capture_default_str();
  add_output_options(cmd, o->common, {"text", "json", "csv", "svg"});
  cmd->callback([o] { run(*o); });
}

}  // namespace histmap::cli
