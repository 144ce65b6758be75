// The GeoPackage behind the QGIS project: the temporal states layer, the
// uyezds, governorates and places with names in every language, base layers,
// and the tables (assertions, sources, polities, state_assertions).
#include <cmath>

#include "export/export.hpp"
#include "export/state_words.hpp"
#include "symbology/dataset_words.hpp"

namespace histmap {
using json = nlohmann::ordered_json;

namespace {

void write_regions(GDALDataset& ds, const Atlas& atlas, Report& report, const std::string& tmp) {
  std::vector<OgrField> region_fields = {
      {"id", OFTString}, {"unit", OFTString}, {"parent", OFTString}, {"area_km2", OFTReal}};
  for (const char* lang : kNameLanguages) region_fields.push_back({std::string("name_") + lang, OFTString});
  for (auto [name, kind] :
       {std::pair{"uyezds", RegionKind::Uyezd}, std::pair{"governorates", RegionKind::Governorate}}) {
    OGRLayer* l = create_layer(ds, name, wkbMultiPolygon, region_fields, report, tmp);
    if (!l) return;
    FeatureSet set;
    for (const auto& r : atlas.regions) {
      if (r.kind != kind || r.pieces.empty()) continue;
      double area = 0;
      for (int p : r.pieces) area += atlas.pieces[p].area_km2;
      json j = {{"id", r.id}, {"unit", r.unit}, {"parent", r.parent}, {"area_km2", std::round(area * 10) / 10}};
      for (const auto& [lang, n] : r.names) j["name_" + lang] = n;
      set.properties.push_back(std::move(j));
      set.geometries.push_back(atlas.union_of(r.pieces));
    }
    if (!write_features(l, set, report, tmp)) return;
  }
}

void write_places_and_base(GDALDataset& ds, const Atlas& atlas, Report& report, const std::string& tmp) {
  std::vector<OgrField> place_fields = {{"id", OFTString}, {"seat_of", OFTString}, {"basis", OFTString}};
  for (const char* lang : kNameLanguages) place_fields.push_back({std::string("name_") + lang, OFTString});
  OGRLayer* places = create_layer(ds, "places", wkbPoint, place_fields, report, tmp);
  if (!places) return;
  FeatureSet set;
  for (const auto& pl : atlas.places) {
    json j = {{"id", pl.id}, {"seat_of", json(pl.seat_of)}, {"basis", pl.basis}};
    for (const auto& [lang, n] : pl.names) j["name_" + lang] = n;
    set.properties.push_back(std::move(j));
    set.geometries.emplace_back(new OGRPoint(pl.lon, pl.lat));
  }
  if (!write_features(places, set, report, tmp)) return;
  auto base = [&](const char* name, OGRwkbGeometryType type, const std::vector<BaseFeature>& feats) {
    OGRLayer* l = create_layer(ds, name, type, {{"kind", OFTString}, {"name", OFTString}}, report, tmp);
    if (!l) return;
    FeatureSet b;
    for (const auto& f : feats) {
      b.properties.push_back({{"kind", f.kind}, {"name", f.name}});
      b.geometries.emplace_back(f.geometry->clone());
    }
    write_features(l, b, report, tmp);
  };
  base("water", wkbMultiPolygon, atlas.water);
  base("rivers", wkbMultiLineString, atlas.rivers);
  base("countries", wkbMultiPolygon, atlas.countries);
}

}  // namespace

void write_geopackage(const Atlas& atlas, const Resolver& resolver, const std::string& path, Report& report) {
  // Fixed timestamps in gpkg_contents so that the same inputs give the same bytes.
  CPLSetConfigOption("OGR_CURRENT_DATE", "2000-01-01T00:00:00.000Z");
  const FeatureSet states = temporal_features(atlas, resolver);
  // The dataset's title, period and credit travel in the states layer's description (gpkg_contents).
  CPLStringList describe;
  describe.SetNameValue("DESCRIPTION", ("histmap: " + dataset_label(atlas) + ", as the loaded sources assert it. " +
                                        data_credit(atlas, words_for("en")))
                                           .c_str());
  with_dataset("GPKG", path, report, [&](GDALDataset& ds, const std::string& tmp) {
    OGRLayer* l =
        create_layer(ds, "states", wkbMultiPolygon, infer_fields(states.properties), report, tmp, describe.List());
    if (!l || !write_features(l, states, report, tmp)) return;
    write_regions(ds, atlas, report, tmp);
    if (report.has_errors()) return;
    write_places_and_base(ds, atlas, report, tmp);
    if (report.has_errors()) return;
    write_tables(ds, atlas, report, tmp);
    if (!report.has_errors()) write_state_assertions(ds, states, report, tmp);
  });
}

}  // namespace histmap
