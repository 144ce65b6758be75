// Geometry repair for the geodata build: polygonal parts only, valid, snapped to a grid.
#pragma once

#include "data/load.hpp"
#include "model/atlas.hpp"

namespace histmap {

GeometryPtr clone(const OGRGeometry* g);
// Keeps only the polygonal parts of g (cuts can leave lines and points), dropping parts under min_km2.
GeometryPtr polygons_only(const OGRGeometry* g, double min_km2);
// Repairs invalid polygons; always returns a MultiPolygon.
GeometryPtr make_valid(GeometryPtr g);
// Drops interior rings under sliver_km2 (seam artefacts); returns a MultiPolygon.
GeometryPtr without_sliver_holes(GeometryPtr g, double sliver_km2);
// Rounds every vertex to `grid` degrees and repairs until valid on the grid.
GeometryPtr snap_to_grid(GeometryPtr g, double grid, double sliver_km2);

}  // namespace histmap
