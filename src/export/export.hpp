// GIS exports: features for a date or the whole temporal layer, written as
// GeoJSON text or through OGR in any format chosen by extension, CSV tables,
// and a QGIS project. Every file is written to a temporary path and renamed.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "data/report.hpp"
#include "export/ogr_writer.hpp"
#include "render/style.hpp"
#include "time/resolve.hpp"

namespace histmap {

// Date-independent properties of a piece: piece, uyezd, governorate, regions (named parts).
nlohmann::ordered_json piece_properties(const Atlas& atlas, int piece);

// One feature per piece on `day`, or with `dissolve` one per distinct state.
FeatureSet date_features(const Atlas& atlas, const Resolver& resolver, Day day, bool dissolve);

// One feature per piece and interval of unchanged state: state_id, valid_from /
// valid_to (inclusive last day; null = open), the state and names.
FeatureSet temporal_features(const Atlas& atlas, const Resolver& resolver);

// A geometry as RFC 7946 GeoJSON: lon/lat, exterior rings counter-clockwise,
// holes clockwise, coordinates rounded to `decimals`.
nlohmann::ordered_json geometry_json(const OGRGeometry& g, int decimals = 6);

// FeatureCollection text; lists and objects stay JSON.
std::string geojson_text(const FeatureSet& set);
std::string geojson_for_date(const Atlas& atlas, const Resolver& resolver, Day day, bool dissolve);
std::string temporal_geojson(const Atlas& atlas, const Resolver& resolver);

// GeoPackage with layers states, uyezds, governorates, places, water, rivers,
// countries and tables assertions, sources, polities, state_assertions.
void write_geopackage(const Atlas& atlas, const Resolver& resolver, const std::string& path, Report& report);

// Tables assertions, sources, polities into an open dataset; assertions.csv... with the CSV driver.
void write_tables(GDALDataset& ds, const Atlas& atlas, Report& report, const std::string& path);
void write_tables_csv(const Atlas& atlas, const std::string& dir, Report& report);

// state_assertions: one row per state (state_id) and assertion id behind it (role: assertions | set_aside).
void write_state_assertions(GDALDataset& ds, const FeatureSet& states, Report& report, const std::string& path);

// DIR/histmap.gpkg, DIR/histmap.qgz and DIR/histmap.qgs (the same project), DIR/styles/*.qml;
// labels in `lang` (en, ru, az, hy, ka; English where a name is missing).
// `crs`: the project CRS (empty: the dataset's projection); see qgis_parts.hpp.
void write_qgis_project(const Atlas& atlas, const Resolver& resolver, const Style& style, const std::string& dir,
                        const std::string& lang, Report& report, const std::string& crs = "");

}  // namespace histmap
