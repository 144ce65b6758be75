#include "export/citation.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>

#include <nlohmann/json.hpp>

#include "symbology/dataset_words.hpp"
#include "util/atomic_file.hpp"

namespace histmap {
namespace fs = std::filesystem;

namespace {

// BibTeX braces its values; characters that LaTeX reads as commands are escaped.
std::string bib_escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '\\') out += "\\textbackslash{}";
    else if (c == '~') out += "\\textasciitilde{}";
    else if (c == '^') out += "\\textasciicircum{}";
    else if (std::string("&%$#_{}").find(c) != std::string::npos) out += std::string("\\") + c;
    else out += c;
  }
  return out;
}

// A citation key BibTeX accepts: letters, digits, '-', '_', ':'.
std::string bib_key(const std::string& id) {
  std::string k;
  for (char c : id) k += (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == ':') ? c : '_';
  return k.empty() ? "source" : k;
}

std::string bib_entry(const Source& s) {
  std::string e = "@misc{" + bib_key(s.id) + ",\n";
  auto field = [&](const char* name, const std::string& v) {
    if (!v.empty()) e += std::string("  ") + name + " = {" + bib_escape(v) + "},\n";
  };
  field("title", s.title);
  field("note", s.description);
  field("language", s.language);
  field("annote", s.perspective);
  field("howpublished", s.file.empty() ? "" : "Text file " + s.file);
  e += "}\n";
  return e;
}

nlohmann::ordered_json csl_item(const Source& s) {
  nlohmann::ordered_json j = {{"id", s.id}, {"type", "document"}, {"title", s.title}};
  if (!s.description.empty()) j["note"] = s.description;
  if (!s.language.empty()) j["language"] = s.language;
  if (!s.perspective.empty()) j["annote"] = s.perspective;
  if (!s.file.empty()) j["medium"] = "Text file " + s.file;
  return j;
}

}  // namespace

FigureCaption figure_caption(const Atlas& atlas, Day day, const std::string& title,
                             const std::vector<LegendItem>& legend, const std::vector<std::string>& furniture,
                             const std::vector<int>& assertions, const Words& w) {
  return figure_caption(atlas, std::vector<Day>{day}, title, legend, furniture, assertions, w);
}

FigureCaption figure_caption(const Atlas& atlas, const std::vector<Day>& days, const std::string& title,
                             const std::vector<LegendItem>& legend, const std::vector<std::string>& furniture,
                             const std::vector<int>& assertions, const Words& w) {
  FigureCaption c;
  std::string& t = c.text;
  std::string dates;
  for (Day d : days) dates += (dates.empty() ? "" : "; ") + day_words(d, w);
  t += w.fill("caption.heading", {{"title", title.empty() ? map_title(atlas, w) : title}, {"date", dates}});
  t += " " + w.get("page.perspective") + "\n\n";
  t += w.get("caption.legend") + "\n";
  for (const auto& item : legend) t += "- " + item.label + "\n";
  for (const auto& line : furniture) t += "- " + line + "\n";
  // Locators per source, in the order of the assertions, each once.
  std::map<int, std::vector<std::string>> locators;
  for (int a : assertions) {
    const Assertion& as = atlas.assertions[a];
    auto& l = locators[as.source];
    std::string text = as.locator.text();
    if (!text.empty() && std::find(l.begin(), l.end(), text) == l.end()) l.push_back(text);
  }
  t += "\n" + (locators.empty() ? w.get("caption.none") : w.get("caption.sources")) + "\n";
  nlohmann::ordered_json csl = nlohmann::ordered_json::array();
  for (const auto& [si, locs] : locators) {
    const Source& s = atlas.sources[si];
    std::string joined;
    for (const auto& l : locs) joined += (joined.empty() ? "" : "; ") + l;
    t += "- [" + s.id + "] " + s.title + (joined.empty() ? "" : ": " + joined) + ".\n";
    if (!s.perspective.empty()) t += "  " + s.perspective + "\n";
    c.bibtex += (c.bibtex.empty() ? "" : "\n") + bib_entry(s);
    csl.push_back(csl_item(s));
  }
  t += "\n" + data_credit(atlas, w) + "\n";
  c.csl_json = csl.dump(2) + "\n";
  return c;
}

std::vector<std::string> caption_paths(const std::string& figure) {
  fs::path stem = fs::path(figure).replace_extension();
  return {stem.string() + ".caption.txt", stem.string() + ".bib", stem.string() + ".csl.json"};
}

void write_figure_caption(const std::string& figure, const FigureCaption& caption, Report& report) {
  auto paths = caption_paths(figure);
  const std::string* content[] = {&caption.text, &caption.bibtex, &caption.csl_json};
  std::vector<std::string> temps;
  for (size_t i = 0; i < paths.size(); ++i) {
    std::string tmp = temp_path_or_report(paths[i], report);
    if (tmp.empty()) break;
    write_file_atomic(tmp, *content[i]);
    temps.push_back(tmp);
  }
  std::error_code ec;
  if (temps.size() != paths.size()) {  // nothing half-written: drop what was prepared
    for (const auto& t : temps) fs::remove(t, ec);
    return;
  }
  for (size_t i = 0; i < paths.size(); ++i) {
    try {
      commit_temp(temps[i], paths[i]);
    } catch (const OutputError& e) {
      report.error(paths[i], e.what());
    }
  }
}

}  // namespace histmap
