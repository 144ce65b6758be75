// histmap: one binary, thin subcommands over the histmap_core library.
#include <iostream>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "util/atomic_file.hpp"

int main(int argc, char** argv) {
  CLI::App app{"histmap — dated, sourced territorial states: query, validate, map and export them"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "histmap 0.1.0");
  histmap::cli::add_state_command(app);
  histmap::cli::add_explain_command(app);
  histmap::cli::add_validate_command(app);
  histmap::cli::add_timeline_command(app);
  histmap::cli::add_render_command(app);
  histmap::cli::add_export_command(app);
  histmap::cli::add_animate_command(app);
  histmap::cli::add_site_command(app);
  histmap::cli::add_coverage_command(app);
  histmap::cli::add_geodata_command(app);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);  // usage errors: 106-109 etc. mapped by CLI11; --help exits 0
  } catch (const histmap::cli::Exit& e) {
    return e.code;
  } catch (const histmap::OutputError& e) {
    std::cerr << "histmap: " << e.what() << "\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "histmap: internal error: " << e.what() << "\n";
    return 3;
  }
  return 0;
}
