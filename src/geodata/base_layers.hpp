// The map's base layers for geodata/base/: sea and lakes, rivers, and modern
// countries, from GSHHG and DCW through the gmt program (argv, no shell).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/report.hpp"
#include "model/atlas.hpp"

namespace histmap {

struct WaterBody {
  std::string kind;  // sea | lake
  std::string name;
  GeometryPtr geom;
};

// Shorelines noded with the map frame and polygonized; each face classified as
// sea, land or lake (lakes under 30 km² left out). `tmpdir`: scratch for gmt's input.
std::vector<WaterBody> build_water(const std::string& tmpdir, Report& report);
// Rivers (GSHHG levels 1 and 2) as one MultiLineString.
GeometryPtr build_rivers(Report& report);
// Modern countries (DCW) clipped to the map area, by ISO code.
std::vector<std::pair<std::string, GeometryPtr>> build_countries(Report& report);

}  // namespace histmap
