#include "geodata/geometry.hpp"

#include <cmath>
#include <functional>
#include <memory>

#include <ogr_geometry.h>

namespace histmap {

GeometryPtr clone(const OGRGeometry* g) { return GeometryPtr(g ? g->clone() : nullptr); }

// Keeps only the polygonal parts of g (cuts can leave lines and points), dropping slivers.
GeometryPtr polygons_only(const OGRGeometry* g, double min_km2) {
  auto out = std::make_unique<OGRMultiPolygon>();
  std::function<void(const OGRGeometry*)> walk = [&](const OGRGeometry* x) {
    if (!x) return;
    auto t = wkbFlatten(x->getGeometryType());
    if (t == wkbPolygon) {
      if (area_km2(*x) >= min_km2) out->addGeometry(x);
    } else if (t == wkbMultiPolygon || t == wkbGeometryCollection) {
      for (const auto* sub : *x->toGeometryCollection()) walk(sub);
    }
  };
  walk(g);
  return GeometryPtr(out.release());
}

// Repairs invalid polygons; always returns a MultiPolygon.
GeometryPtr make_valid(GeometryPtr g) {
  if (!g) return polygons_only(nullptr, 0);
  if (g->IsValid()) return polygons_only(g.get(), 0);
  GeometryPtr v(g->MakeValid());
  return polygons_only(v.get(), 0);
}

// Drops interior rings smaller than a sliver (seam artefacts); the result is a MultiPolygon.
GeometryPtr without_sliver_holes(GeometryPtr g, double sliver_km2) {
  GeometryPtr mp = polygons_only(g.get(), 0);
  auto out = std::make_unique<OGRMultiPolygon>();
  for (const auto* poly : *mp->toMultiPolygon()) {
    OGRPolygon kept;
    kept.addRingDirectly(poly->getExteriorRing()->clone());
    for (int r = 0; r < poly->getNumInteriorRings(); ++r) {
      OGRPolygon hole;
      hole.addRingDirectly(poly->getInteriorRing(r)->clone());
      if (area_km2(hole) >= sliver_km2) kept.addRingDirectly(poly->getInteriorRing(r)->clone());
    }
    out->addGeometry(&kept);
  }
  return GeometryPtr(out.release());
}

// Rounds every vertex to `grid` degrees, then repairs rings that rounding made
// invalid (collapsed spikes, touching vertices). Shared edges round alike, so
// neighbours stay matched.
GeometryPtr snap_to_grid(GeometryPtr g, double grid, double sliver_km2) {
  struct Snap : public OGRDefaultGeometryVisitor {
    double grid;
    explicit Snap(double gr) : grid(gr) {}
    using OGRDefaultGeometryVisitor::visit;
    void visit(OGRPoint* p) override {
      p->setX(std::round(p->getX() / grid) * grid);
      p->setY(std::round(p->getY() / grid) * grid);
    }
  };
  // Repairing can add vertices off the grid (where rings now cross); snap again until the
  // geometry is valid on the grid, dropping sliver holes that snapping closes up.
  Snap snap(grid);
  for (int pass = 0; pass < 5; ++pass) {
    g->accept(&snap);
    g = without_sliver_holes(std::move(g), sliver_km2);
    if (g->IsValid()) break;
    g = make_valid(std::move(g));
  }
  return polygons_only(g.get(), 0);
}

}  // namespace histmap
