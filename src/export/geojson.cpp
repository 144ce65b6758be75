// GeoJSON written as text (RFC 7946: lon/lat, counter-clockwise exteriors, no
// crs member), with lists and objects kept as JSON rather than flattened.
#include <cmath>

#include "export/export.hpp"

namespace histmap {
using json = nlohmann::ordered_json;

namespace {

double round_to(double v, int decimals) {
  double f = std::pow(10.0, decimals);
  return std::round(v * f) / f;
}

json ring_json(const OGRLinearRing& ring, bool want_ccw, int decimals) {
  json pts = json::array();
  bool ccw = !ring.isClockwise();
  int n = ring.getNumPoints();
  for (int k = 0; k < n; ++k) {
    int i = (ccw == want_ccw) ? k : n - 1 - k;
    pts.push_back({round_to(ring.getX(i), decimals), round_to(ring.getY(i), decimals)});
  }
  return pts;
}

json polygon_json(const OGRPolygon& p, int decimals) {
  json rings = json::array();
  rings.push_back(ring_json(*p.getExteriorRing(), true, decimals));
  for (int r = 0; r < p.getNumInteriorRings(); ++r) rings.push_back(ring_json(*p.getInteriorRing(r), false, decimals));
  return rings;
}

std::string dump_compact(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::strict); }

}  // namespace

json geometry_json(const OGRGeometry& g, int decimals) {
  json j;
  switch (wkbFlatten(g.getGeometryType())) {
    case wkbPolygon:
      j["type"] = "Polygon";
      j["coordinates"] = polygon_json(*g.toPolygon(), decimals);
      break;
    case wkbMultiPolygon: {
      j["type"] = "MultiPolygon";
      json polys = json::array();
      for (const auto* p : *g.toMultiPolygon()) polys.push_back(polygon_json(*p, decimals));
      j["coordinates"] = polys;
      break;
    }
    case wkbPoint:
      j["type"] = "Point";
      j["coordinates"] = {round_to(g.toPoint()->getX(), decimals), round_to(g.toPoint()->getY(), decimals)};
      break;
    default: {
      char* txt = g.exportToJson();
      j = json::parse(txt);
      CPLFree(txt);
    }
  }
  return j;
}

std::string geojson_text(const FeatureSet& set) {
  std::string out = "{\"type\": \"FeatureCollection\", \"features\": [\n";
  for (size_t i = 0; i < set.properties.size(); ++i) {
    json f = {{"type", "Feature"},
              {"properties", set.properties[i]},
              {"geometry", set.geometries[i] ? geometry_json(*set.geometries[i]) : json(nullptr)}};
    out += (i ? ",\n" : "") + dump_compact(f);
  }
  return out + "\n]}\n";
}

std::string geojson_for_date(const Atlas& atlas, const Resolver& resolver, Day day, bool dissolve) {
  return geojson_text(date_features(atlas, resolver, day, dissolve));
}

std::string temporal_geojson(const Atlas& atlas, const Resolver& resolver) {
  return geojson_text(temporal_features(atlas, resolver));
}

}  // namespace histmap
