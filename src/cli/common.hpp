// What every subcommand shares: dataset options, loading with reported
// findings, date parsing, and writing the result to stdout or a file.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "data/load.hpp"
#include "model/atlas.hpp"
#include "render/map.hpp"
#include "render/style.hpp"

namespace histmap::cli {

// Thrown to leave a subcommand with an exit code after a message was printed.
struct Exit {
  int code;
};

struct CommonOptions {
  std::string data;
  std::vector<std::string> add_data;
  std::vector<std::string> sources;  // one entry per --sources given: a comma list of set or source ids
  std::string format = "text";
  std::string output;  // empty: stdout
  bool force = false;
};

void add_data_options(CLI::App* cmd, CommonOptions& o);
void add_output_options(CLI::App* cmd, CommonOptions& o, const std::vector<std::string>& formats);

// Loads the dataset with the one --sources selection (or every set); on errors prints
// every finding to stderr and throws Exit{1}. More than one --sources: Exit{2}.
std::unique_ptr<Atlas> load_or_exit(const CommonOptions& o);
// Loads the dataset keeping `selection` (one --sources value: a comma list of set or source ids).
std::unique_ptr<Atlas> load_selection_or_exit(const CommonOptions& o, const std::string& selection);
std::unique_ptr<Atlas> load_only_or_exit(const CommonOptions& o, const std::vector<std::string>& only);
// The ids of the one --sources selection (empty: every set); more than one --sources, or an
// empty list: prints why and throws Exit{2}.
std::vector<std::string> selection_or_exit(const CommonOptions& o);
std::vector<std::string> selection_ids(const std::string& selection);
// An unknown id in --sources is a usage error: prints it and throws Exit{2}.
void refuse_unknown_selection(const Report& report);
void print_findings(const Report& r, bool include_info = false);

// Parses a --date value; on failure prints what was wrong and throws Exit{2}.
Day parse_date_or_exit(const std::string& option, const std::string& value);
int region_or_exit(const Atlas& atlas, const std::string& id);

// Refuses an existing output (a non-empty folder, or a file) unless --force: prints why, throws Exit{1}.
void refuse_existing(const std::string& path, bool force);

// Parses --size (pixels at the options' dpi, or mm) into the map options; on nonsense prints why, throws Exit{2}.
void page_size_or_exit(const std::string& size, MapOptions& options);

// Loads a style by name or file; on errors prints them and throws Exit{2}.
Style style_or_exit(const std::string& name);

// A map canvas for the atlas; on errors (unknown CRS, region, ...) prints them and throws Exit{2}.
std::unique_ptr<MapCanvas> canvas_or_exit(const Atlas& atlas, const MapOptions& options);

// Prints the report's findings; throws Exit{1} if any is an error.
void finish_or_exit(const Report& report);

// Writes to o.output atomically, or to stdout.
void emit(const CommonOptions& o, const std::string& content);

}  // namespace histmap::cli
