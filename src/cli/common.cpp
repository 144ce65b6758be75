#include "cli/common.hpp"

#include <filesystem>
#include <iostream>

#include "util/atomic_file.hpp"

namespace histmap::cli {

void add_data_options(CLI::App* cmd, CommonOptions& o) {
  o.data = default_data_dir();
  cmd->add_option("--data", o.data, "Dataset folder (pieces, regions, polities, sources, assertions)")
      ->capture_default_str();
  cmd->add_option("--add-data", o.add_data,
                  "Further source set to load beside the dataset (polities, sources, regions, assertions); repeatable");
  cmd->add_option("--sources,--set", o.sources,
                  "Use only these source sets or sources (comma list of ids, e.g. armenian,s004); default: every set");
}

void add_output_options(CLI::App* cmd, CommonOptions& o, const std::vector<std::string>& formats) {
  cmd->add_option("--format", o.format, "Output format")->check(CLI::IsMember(formats))->capture_default_str();
  cmd->add_option("-o,--output", o.output, "Write to this file (atomically) instead of standard output");
  cmd->add_flag("--force", o.force, "Overwrite an existing output file");
}

void print_findings(const Report& r, bool include_info) {
  for (const auto& f : r.findings) {
    if (f.severity == Severity::Info && !include_info) continue;
    std::cerr << f.where << ": " << to_string(f.severity) << ": " << f.message << "\n";
  }
}

std::vector<std::string> selection_or_exit(const CommonOptions& o) {
  if (o.sources.size() > 1) {
    std::cerr << "histmap: --sources given " << o.sources.size()
              << " times; this command uses one selection (a comma list, e.g. --sources armenian,encyclopedic)\n";
    throw Exit{2};
  }
  return o.sources.empty() ? std::vector<std::string>{} : selection_ids(o.sources.front());
}

std::vector<std::string> selection_ids(const std::string& selection) {
  std::vector<std::string> only;
  std::string id;
  for (char c : selection + ",") {
    if (c != ',') id += c;
    else if (!id.empty()) only.push_back(id), id.clear();
  }
  if (only.empty()) {
    std::cerr << "histmap: --sources '" << selection << "' names no set or source; give ids, e.g. armenian,s004\n";
    throw Exit{2};
  }
  return only;
}

void refuse_unknown_selection(const Report& report) {
  bool bad = false;
  for (const auto& f : report.findings)
    if (f.where == "--sources") std::cerr << "histmap: --sources: " << f.message << "\n", bad = true;
  if (bad) throw Exit{2};
}

std::unique_ptr<Atlas> load_or_exit(const CommonOptions& o) { return load_only_or_exit(o, selection_or_exit(o)); }

std::unique_ptr<Atlas> load_selection_or_exit(const CommonOptions& o, const std::string& selection) {
  return load_only_or_exit(o, selection_ids(selection));
}

std::unique_ptr<Atlas> load_only_or_exit(const CommonOptions& o, const std::vector<std::string>& only) {
  Report report;
  auto atlas = load_atlas({o.data, o.add_data, only}, report);
  refuse_unknown_selection(report);
  print_findings(report);
  if (!atlas) {
    std::cerr << "histmap: the dataset has " << report.count(Severity::Error)
              << " error(s); nothing was done (run 'histmap validate' for the full list)\n";
    throw Exit{1};
  }
  return atlas;
}

Day parse_date_or_exit(const std::string& option, const std::string& value) {
  try {
    return parse_day(value);
  } catch (const DateError& e) {
    std::cerr << "histmap: " << option << " " << e.what() << "; expected a calendar day YYYY-MM-DD\n";
    throw Exit{2};
  }
}

int region_or_exit(const Atlas& atlas, const std::string& id) {
  int r = atlas.region_index(id);
  if (r < 0) {
    std::string near;
    for (const auto& reg : atlas.regions)
      if (reg.id.find(id) != std::string::npos || id.find(reg.id) != std::string::npos)
        near += (near.empty() ? "" : ", ") + reg.id;
    std::cerr << "histmap: --region " << id << ": no such region in the dataset"
              << (near.empty() ? "" : " (similar: " + near + ")") << "; 'histmap state --format json' lists regions\n";
    throw Exit{2};
  }
  return r;
}

void refuse_existing(const std::string& path, bool force) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (force || !fs::exists(fs::symlink_status(path, ec)) || (fs::is_directory(path, ec) && fs::is_empty(path, ec)))
    return;
  std::cerr << "histmap: " << path << ": exists; pass --force to overwrite it\n";
  throw Exit{1};
}

void page_size_or_exit(const std::string& size, MapOptions& options) {
  if (size.size() > 40) {  // std::regex recurses per character; a page size is short
    std::cerr << "histmap: --size has " << size.size()
              << " characters; write WIDTHxHEIGHT, e.g. 1600x1200 or 297x210mm\n";
    throw Exit{2};
  }
  std::string err;
  if (!parse_page_size(size, options.dpi, options.width_pt, options.height_pt, err)) {
    std::cerr << "histmap: " << err << "\n";
    throw Exit{2};
  }
}

Style style_or_exit(const std::string& name) {
  Report report;
  Style style;
  if (!load_style(name, style, report)) {
    print_findings(report);
    throw Exit{2};
  }
  return style;
}

std::unique_ptr<MapCanvas> canvas_or_exit(const Atlas& atlas, const MapOptions& options) {
  Report report;
  auto canvas = std::make_unique<MapCanvas>(atlas, options, report);
  if (!canvas->ok()) {
    print_findings(report);
    throw Exit{2};
  }
  return canvas;
}

void finish_or_exit(const Report& report) {
  print_findings(report);
  if (report.has_errors()) throw Exit{1};
}

void emit(const CommonOptions& o, const std::string& content) {
  if (o.output.empty()) {
    std::cout << content;
    std::cout.flush();
    return;
  }
  write_file_atomic(o.output, content, o.force);
}

}  // namespace histmap::cli
