#pragma once
#include <CLI/CLI.hpp>

namespace histmap::cli {
// Each registers one subcommand; the callback runs it.
void add_state_command(CLI::App& app);
void add_explain_command(CLI::App& app);
void add_validate_command(CLI::App& app);
void add_timeline_command(CLI::App& app);
void add_geodata_command(CLI::App& app);
void add_render_command(CLI::App& app);
void add_export_command(CLI::App& app);
void add_animate_command(CLI::App& app);
void add_site_command(CLI::App& app);
void add_coverage_command(CLI::App& app);
void add_areas_command(CLI::App& app);
void add_compare_command(CLI::App& app);
}  // namespace histmap::cli
