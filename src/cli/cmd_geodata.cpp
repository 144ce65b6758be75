// histmap geodata build: regenerate geodata/ from the modern boundary sources.
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "geodata/build.hpp"

namespace histmap::cli {

void add_geodata_command(CLI::App& app) {
  auto* geodata = app.add_subcommand("geodata", "Build the shipped geodata from modern boundary sources");
  geodata->require_subcommand(1);
  auto o = std::make_shared<GeodataBuildOptions>();
  o->input_dir = default_data_dir() + "/source";
  o->out_dir = default_data_dir();
  auto* build = geodata->add_subcommand("build", "Regenerate pieces, regions, places, base layers and REPORT.md");
  build->add_option("--sources", o->sources_dir, "Folder with geoboundaries/ and tr-geojson/ (../shared/sources)")
      ->required()
      ->check(CLI::ExistingDirectory);
  build->add_option("--input", o->input_dir, "Folder with crosswalk.csv, splits.yaml, regions.in.yaml, places.csv")
      ->capture_default_str();
  build->add_option("--out", o->out_dir, "Output folder")->capture_default_str();
  build->add_flag("!--no-base-layers", o->base_layers, "Skip the gmt base layers");
  build->callback([o] {
    Report report;
    build_geodata(*o, report);
    print_findings(report, true);
    if (report.has_errors()) {
      std::cerr << "histmap: geodata build failed with " << report.count(Severity::Error) << " error(s)\n";
      throw Exit{1};
    }
    std::cerr << "histmap: geodata written to " << o->out_dir << "\n";
  });
}

}  // namespace histmap::cli
