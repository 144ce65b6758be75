// Internals of the QGIS project writer shared by its files.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include <ogr_core.h>
#include <ogr_spatialref.h>

#include "render/style.hpp"
#include "time/resolve.hpp"

namespace histmap::qgis {

// QGIS 3.22 discards layer ids of ten characters or fewer and issues new ones,
// which leaves the layer tree pointing at nothing; these ids are longer.
inline std::string layer_id(const std::string& table) { return "histmap_" + table + "_layer"; }

inline constexpr const char* kRelationStateLinks = "histmap_states_to_state_assertions";
inline constexpr const char* kRelationLinkAssertion = "histmap_state_assertions_to_assertions";
// Playing the whole period one day per frame takes about two minutes at this rate.
inline constexpr int kFramesPerSecond = 15;

// Where and when the project opens: CRS, extent over the pieces, the period.
struct ProjectFrame {
  OGRSpatialReference layer_srs;  // WGS 84, the GeoPackage's CRS
  std::string project_srs;        // <spatialrefsys> of the CRS the map is drawn in
  OGREnvelope extent;             // pieces' extent in the project CRS (metres), padded
  std::string first, last;        // first and last change point, YYYY-MM-DD
};
// `crs`: the project CRS a user asked for (any PROJ/EPSG definition, checked by the
// caller); empty: the dataset's projection, else a conic fitted to the pieces.
ProjectFrame project_frame(const Atlas& atlas, const Resolver& resolver, const std::string& crs = "");

// <Layout> element: the same figure as `histmap render` (map, title with the
// map's date, legend of what is visible, scale bar, north arrow, credits).
std::string print_layout_xml(const Atlas& atlas, const Style& style, const ProjectFrame& frame);

// A zip archive without compression and with fixed timestamps (byte-identical output).
std::string stored_zip(const std::vector<std::pair<std::string, std::string>>& files);

}  // namespace histmap::qgis
