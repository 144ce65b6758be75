// histmap explain --date D --region R: the assertions behind a state, with
// sources, locators and paraphrases, so a historian can check them.
#include <algorithm>
#include <memory>
#include <set>
#include <sstream>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "cli/format.hpp"
#include "time/ends.hpp"
#include "time/timeline.hpp"

namespace histmap::cli {
namespace {

struct ExplainOptions {
  CommonOptions common;
  std::string date;
  std::string region;
};

// `iv` is the assertion's interval on the explained pieces (a `to: next` end differs by piece).
nlohmann::ordered_json assertion_json(const Atlas& atlas, int i, const Interval& iv, Day day) {
  const Assertion& a = atlas.assertions[i];
  const Source& s = atlas.sources[a.source];
  nlohmann::ordered_json j;
  j["id"] = a.id;
  j["kind"] = to_string(a.kind);
  if (!a.type.empty()) j["type"] = a.type;
  j["party"] = atlas.polities[a.party].id;
  if (a.beneficiary >= 0) j["beneficiary"] = atlas.polities[a.beneficiary].id;
  j["region"] = atlas.regions[a.region].id;
  j["from"] = a.interval.from.original.empty() ? ".." : a.interval.from.original;
  j["to"] = a.interval.to.original.empty() ? ".." : a.interval.to.original;
  j["interval"] = describe(iv);
  if (a.ends_at_next) j["ends_here"] = format_day(iv.possible_last());
  j["certain_on_date"] = iv.certainly_holds(day);
  j["asserted_as"] = a.presupposed ? "presupposed" : "stated";
  if (a.carried_out_not_reported) j["carried_out"] = "not_reported";
  nlohmann::ordered_json contra = nlohmann::ordered_json::array();
  for (int c : a.contradicts) contra.push_back(atlas.assertions[c].id);
  j["contradicts"] = contra;
  nlohmann::ordered_json dating = nlohmann::ordered_json::array();
  for (int c : a.dates_differently) dating.push_back(atlas.assertions[c].id);
  j["dates_differently_from"] = dating;
  j["source"] = s.id;
  j["source_title"] = s.title;
  j["locator"] = {
      {"page", a.locator.page}, {"footnote", a.locator.footnote}, {"lines", a.locator.lines}, {"file", s.file}};
  j["voice"] = a.voice;
  j["cites"] = a.cites;
  j["paraphrase"] = a.paraphrase;
  j["confidence"] = a.confidence;
  if (!a.end_note.empty()) j["end_note"] = a.end_note;
  j["defined_at"] = a.origin.where();
  return j;
}

void assertion_text(std::ostream& out, const Atlas& atlas, int i, const Interval& iv, Day day, const char* indent) {
  const Assertion& a = atlas.assertions[i];
  const Source& s = atlas.sources[a.source];
  out << indent << "[" << a.id << "] " << to_string(a.kind) << (a.type.empty() ? "" : " " + a.type) << " — "
      << atlas.polities[a.party].id << (a.beneficiary >= 0 ? " for " + atlas.polities[a.beneficiary].id : "")
      << " — region " << atlas.regions[a.region].id << ", " << describe(iv)
      << (a.ends_at_next ? " (here at the latest " + format_day(iv.possible_last()) + ")" : "")
      << (iv.certainly_holds(day) ? "" : "  [only possibly in force on this date]") << "\n";
  if (a.presupposed)
    out << indent << "    asserted as: presupposed — the text takes this as given rather than saying it\n";
  if (a.carried_out_not_reported)
    out << indent << "    carried out: not reported — shown as a status; it ends no one's control\n";
  out << indent << "    source: " << s.id << " (" << s.title << ")" << (s.file.empty() ? "" : ", file " + s.file)
      << ", " << a.locator.text() << "\n";
  if (a.voice != "author") out << indent << "    voice: the source quotes " << a.voice << "\n";
  for (const auto& c : a.cites) out << indent << "    cites: " << c << "\n";
  out << indent << "    says (our paraphrase): " << a.paraphrase << "\n";
  if (!a.end_note.empty()) out << indent << "    end: " << a.end_note << "\n";
  for (int c : a.contradicts)
    out << indent << "    "
        << (std::binary_search(a.dates_differently.begin(), a.dates_differently.end(), c)
                ? "dates the same event differently from: "
                : "contradicts: ")
        << atlas.assertions[c].id << " (" << atlas.sources[atlas.assertions[c].source].id << ", "
        << atlas.assertions[c].locator.text() << ")\n";
  out << indent << "    confidence: " << a.confidence << "\n";
}

void run(const ExplainOptions& o) {
  auto atlas = load_or_exit(o.common);
  Day day = parse_date_or_exit("--date", o.date);
  int r = region_or_exit(*atlas, o.region);
  const Region& reg = atlas->regions[r];
  Resolver resolver(*atlas);
  auto groups = group_by_state(resolver, reg.pieces, day);

  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  std::ostringstream text;
  text << name_of(reg) << " (" << reg.id << ") on " << format_day_words(day) << "\n";
  if (groups.size() > 1)
    text << "Its pieces are in " << groups.size() << " different states; each is explained below.\n";
  for (const auto& g : groups) {
    const PieceState& st = *g.state;
    const std::vector<int> touching = assertions_touching(*atlas, g.pieces.front());
    auto iv = [&](int a) { return interval_on(*atlas, a, touching); };
    nlohmann::ordered_json j;
    j["region"] = reg.id;
    j["date"] = format_day(day);
    nlohmann::ordered_json pieces = nlohmann::ordered_json::array();
    std::string plist;
    for (int p : g.pieces) {
      pieces.push_back(atlas->pieces[p].id);
      plist += (plist.empty() ? "" : ", ") + atlas->pieces[p].id;
    }
    j["pieces"] = pieces;
    j.update(state_json(*atlas, st));
    nlohmann::ordered_json details = nlohmann::ordered_json::array();
    for (int a : st.assertions) details.push_back(assertion_json(*atlas, a, iv(a), day));
    j["assertion_details"] = details;
    nlohmann::ordered_json aside = nlohmann::ordered_json::array();
    for (int a : st.set_aside) aside.push_back(assertion_json(*atlas, a, iv(a), day));
    j["set_aside_details"] = aside;
    out.push_back(j);

    text << "\nPieces: " << plist << "\n";
    text << "State: " << state_summary(*atlas, st) << "\n";
    if (st.assertions.empty()) {
      text << "  No loaded source speaks of these pieces on this date.\n";
      continue;
    }
    for (const auto& c : st.conflicts) {
      text << (c.about == "dating"
                   ? std::string("Dating disagreement — the sources date the same event differently:\n")
                   : "Conflict over " + c.about + " — the sources (or one source with itself) disagree:\n");
      for (const auto& side : c.sides) {
        text << "  " << atlas->polities[side.party].id << " according to:";
        for (int a : side.assertions)
          text << " " << atlas->assertions[a].id << " (" << atlas->sources[atlas->assertions[a].source].id << ", "
               << atlas->assertions[a].locator.text() << ")";
        text << "\n";
      }
    }
    text << "Assertions in force:\n";
    for (int a : st.assertions) assertion_text(text, *atlas, a, iv(a), day, "  ");
    if (!st.set_aside.empty()) {
      text << "Set aside (named in the 'overrides' of an assertion in force: the same document narrowing itself):\n";
      for (int a : st.set_aside) assertion_text(text, *atlas, a, iv(a), day, "  ");
    }
  }
  emit(o.common, o.common.format == "json" ? dump(out) : text.str());
}

}  // namespace

void add_explain_command(CLI::App& app) {
  auto o = std::make_shared<ExplainOptions>();
  auto* cmd =
      app.add_subcommand("explain", "The assertions, sources, locators and paraphrases behind a region's state");
  cmd->add_option("--date", o->date, "Calendar day, YYYY-MM-DD")->required();
  cmd->add_option("--region", o->region, "Region id")->required();
  add_data_options(cmd, o->common);
  add_output_options(cmd, o->common, {"text", "json"});
  cmd->callback([o] { run(*o); });
}

}  // namespace histmap::cli
