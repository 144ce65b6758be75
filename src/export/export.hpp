// GIS exports: GeoJSON for a date (RFC 7946), a temporal layer (GeoPackage or
// GeoJSON) with one feature per piece and interval of unchanged state, CSV
// tables, and a QGIS project with QML styles. Every file is written to a
// temporary path and renamed.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "data/report.hpp"
#include "render/style.hpp"
#include "time/resolve.hpp"

namespace histmap {

// Date-independent properties of a piece: piece, uyezd, governorate, regions (named parts).
nlohmann::ordered_json piece_properties(const Atlas& atlas, int piece);

// A geometry as RFC 7946 GeoJSON: lon/lat, exterior rings counter-clockwise,
// holes clockwise, coordinates rounded to `decimals`.
nlohmann::ordered_json geometry_json(const OGRGeometry& g, int decimals = 6);

// FeatureCollection for one day: one feature per piece, or with `dissolve`
// one per distinct state (pieces in identical state merged).
std::string geojson_for_date(const Atlas& atlas, const Resolver& resolver, Day day, bool dissolve);

// The temporal layer as GeoJSON: valid_from / valid_to (inclusive last day; null = open).
std::string temporal_geojson(const Atlas& atlas, const Resolver& resolver);

// GeoPackage with layers states, uyezds, governorates, places, water, rivers,
// countries and tables assertions, sources, polities.
void write_geopackage(const Atlas& atlas, const Resolver& resolver, const std::string& path, Report& report);

// assertions.csv, sources.csv, polities.csv in `dir`.
void write_tables_csv(const Atlas& atlas, const std::string& dir, Report& report);

// DIR/histmap.gpkg, DIR/histmap.qgs and DIR/styles/*.qml, styled after `style`.
void write_qgis_project(const Atlas& atlas, const Resolver& resolver, const Style& style, const std::string& dir,
                        Report& report);

}  // namespace histmap
