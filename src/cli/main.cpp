// histmap: one binary, thin subcommands over the stage libraries.
// main() alone turns failures into the documented exit codes (docs/errors.md):
// 0 done, 1 bad data or an output that cannot be written, 2 bad arguments,
// 3 a bug in histmap (an exception nobody expected).
#include <filesystem>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "core/errors.hpp"
#include "model/date.hpp"

namespace {

// CLI11's own errors (unknown option, missing --date, a value not in a list, ...)
// are argument errors: exit 2, like every other wrong argument. --help and
// --version come here too and exit 0.
int parse_error_exit(CLI::App& app, const CLI::ParseError& e, int argc, char** argv) {
  if (e.get_exit_code() == static_cast<int>(CLI::ExitCodes::Success)) return app.exit(e);
  std::string names;
  bool known = false;
  for (const auto* sub : app.get_subcommands({})) {
    names += (names.empty() ? "" : ", ") + sub->get_name();
    known = known || (argc > 1 && sub->get_name() == argv[1]);
  }
  if (argc > 1 && argv[1][0] != '-' && !known) {
    std::cerr << "histmap: '" << argv[1] << "' is not a subcommand; the subcommands are " << names << "\n";
    return histmap::kExitArguments;
  }
  std::cerr << "histmap: " << e.what() << "\n"
            << "run 'histmap --help' or 'histmap SUBCOMMAND --help' for the options\n";
  return histmap::kExitArguments;
}

}  // namespace

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
  histmap::cli::add_areas_command(app);
  histmap::cli::add_compare_command(app);
  histmap::cli::add_geodata_command(app);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return parse_error_exit(app, e, argc, argv);
  } catch (const histmap::cli::Exit& e) {
    return e.code;  // the message was printed where the problem was found
  } catch (const histmap::ArgumentError& e) {
    std::cerr << "histmap: " << e.what() << "\n";
    return histmap::kExitArguments;
  } catch (const histmap::DateError& e) {
    std::cerr << "histmap: " << e.what() << "\n";
    return histmap::kExitArguments;
  } catch (const histmap::DataError& e) {
    std::cerr << "histmap: " << e.what() << "\n";
    return histmap::kExitDataOrOutput;
  } catch (const histmap::OutputError& e) {
    std::cerr << "histmap: " << e.what() << "\n";
    return histmap::kExitDataOrOutput;
  } catch (const std::filesystem::filesystem_error& e) {
    // A path the user gave that the file system refuses (a symlink loop, no permission).
    std::cerr << "histmap: " << e.path1().string() << ": " << e.code().message() << "\n";
    return histmap::kExitDataOrOutput;
  } catch (const std::exception& e) {
    std::cerr << "histmap: internal error (please report it): " << e.what() << "\n";
    return histmap::kExitInternal;
  }
  return histmap::kExitOk;
}
