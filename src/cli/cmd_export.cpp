// histmap export: GeoJSON for a date, a temporal GeoPackage/GeoJSON, CSV tables, a QGIS project.
#include <filesystem>
#include <iostream>
#include <memory>

#include <cpl_error.h>
#include <ogr_spatialref.h>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "export/export.hpp"
#include "export/vector_formats.hpp"
#include "util/atomic_file.hpp"

namespace histmap::cli {
namespace {
namespace fs = std::filesystem;

struct ExportOptions {
  CommonOptions common;
  std::string date, output, qgis, style = "default", lang = "en", format, crs;
  bool temporal = false, tables = false, dissolve = false;
};

std::string extension(const std::string& path) {
  std::string e = fs::path(path).extension().string();
  for (auto& c : e) c = static_cast<char>(std::tolower(c));
  return e;
}

// --crs is for the QGIS project only (the layers stay in WGS 84, as GeoJSON requires).
void check_qgis_crs(const ExportOptions& o) {
  if (o.qgis.empty()) {
    std::cerr << "histmap: --crs goes with --qgis (it sets the project's CRS; the layers stay in WGS 84)\n";
    throw Exit{2};
  }
  OGRSpatialReference srs;
  CPLPushErrorHandler(CPLQuietErrorHandler);
  const OGRErr err = srs.SetFromUserInput(o.crs.c_str());
  CPLPopErrorHandler();
  if (err != OGRERR_NONE) {
    std::cerr << "histmap: --crs " << o.crs
              << ": not a coordinate reference system PROJ knows (try EPSG:32638 or a +proj= string)\n";
    throw Exit{2};
  }
}

void run(const ExportOptions& o) {
  int modes = !o.date.empty() + o.temporal + o.tables + !o.qgis.empty();
  if (modes != 1) {
    std::cerr << "histmap: export needs exactly one of --date D, --temporal, --tables or --qgis DIR\n";
    throw Exit{2};
  }
  if (o.qgis.empty() && o.output.empty()) {
    std::cerr << "histmap: export needs -o FILE (or -o DIR with --tables)\n";
    throw Exit{2};
  }
  Day day = o.date.empty() ? 0 : parse_date_or_exit("--date", o.date);
  const VectorFormat* format = nullptr;
  if (!o.date.empty() || o.temporal) {
    format = find_vector_format(o.output, o.format);
    if (!format) {
      std::cerr << "histmap: " << o.output << ": "
                << (o.format.empty() ? "cannot tell the format from the extension '" + extension(o.output) + "'"
                                     : "unknown --format '" + o.format + "'")
                << "; formats: " << vector_format_list() << " (or name one with --format)\n";
      throw Exit{2};
    }
  }
  if (!o.crs.empty()) check_qgis_crs(o);
  refuse_existing(o.qgis.empty() ? o.output : o.qgis, o.common.force);
  Style style = o.qgis.empty() ? Style{} : style_or_exit(o.style);
  Report report;
  auto atlas = load_or_exit(o.common);
  Resolver resolver(*atlas);
  if (!o.date.empty())
    write_vector(date_features(*atlas, resolver, day, o.dissolve), o.output, *format, "states", report);
  // A temporal GeoPackage carries the tables and base layers beside the states layer.
  else if (o.temporal && format->name == "gpkg") write_geopackage(*atlas, resolver, o.output, report);
  else if (o.temporal) write_vector(temporal_features(*atlas, resolver), o.output, *format, "states", report);
  else if (o.tables) write_tables_csv(*atlas, o.output, report);
  else write_qgis_project(*atlas, resolver, style, o.qgis, o.lang, report, o.crs);
  finish_or_exit(report);
}

}  // namespace

void add_export_command(CLI::App& app) {
  auto o = std::make_shared<ExportOptions>();
  auto* cmd = app.add_subcommand(
      "export", "Write GIS layers: GeoJSON for a date, a temporal GeoPackage, CSV tables, a QGIS project");
  cmd->add_option("--date", o->date, "One day: one feature per piece (GeoJSON is RFC 7946)");
  cmd->add_flag("--dissolve", o->dissolve, "With --date: merge pieces in identical state");
  cmd->add_flag("--temporal", o->temporal, "Every piece and interval of unchanged state, with valid_from/valid_to");
  cmd->add_flag("--tables", o->tables, "The assertions, sources and polities tables as CSV files in the folder -o DIR");
  cmd->add_option("--qgis", o->qgis, "Write a QGIS project with its GeoPackage and .qml styles into this folder");
  cmd->add_option("--lang", o->lang, "With --qgis: language of the map labels (every language stays a name_xx field)")
      ->check(CLI::IsMember({"en", "ru", "az", "hy", "ka"}))
      ->capture_default_str();
  cmd->add_option("--style", o->style, "Map style the QGIS project follows")->capture_default_str();
  cmd->add_option("--crs", o->crs,
                  "With --qgis: the project CRS, any PROJ/EPSG definition (default: the dataset's projection)");
  cmd->add_option(
      "-o,--output", o->output,
      "Output file; its extension picks the format: .geojson .gpkg .fgb .shp .csv .kml (folder for --tables)");
  cmd->add_option("--format", o->format,
                  "Vector format when the extension does not say it: geojson, gpkg, fgb, shp, csv, kml");
  cmd->add_flag("--force", o->common.force, "Overwrite existing output");
  add_data_options(cmd, o->common);
  cmd->callback([o] { run(*o); });
}

}  // namespace histmap::cli
