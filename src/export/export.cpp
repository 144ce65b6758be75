#include "export/export.hpp"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <sstream>

#include <gdal_priv.h>
#include <ogr_api.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include "export/state_properties.hpp"
#include "time/timeline.hpp"
#include "model/languages.hpp"
#include "util/atomic_file.hpp"

namespace histmap {
namespace fs = std::filesystem;
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

std::string date_or_empty(Day d) { return d <= kOpenPast || d >= kOpenFuture ? "" : format_day(d); }

// Regions of kind `part` containing the piece.
json part_ids(const Atlas& atlas, int piece) {
  json out = json::array();
  for (const auto& r : atlas.regions)
    if (r.kind == RegionKind::Part && std::binary_search(r.pieces.begin(), r.pieces.end(), piece)) out.push_back(r.id);
  return out;
}

std::string dump_compact(const json& j) { return j.dump(-1, ' ', false, nlohmann::detail::error_handler_t::strict); }

// A flat attribute row for OGR: arrays and objects become JSON text.
struct Field {
  std::string name;
  OGRFieldType type;
  OGRFieldSubType subtype = OFSTNone;
};

OGRSpatialReference wgs84() {
  OGRSpatialReference s;
  s.SetWellKnownGeogCS("WGS84");
  s.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  return s;
}

OGRLayer* create_layer(GDALDataset& ds, const std::string& name, OGRwkbGeometryType type, const std::vector<Field>& fields,
                       Report& report, const std::string& path) {
  OGRSpatialReference srs = wgs84();
  OGRLayer* layer = ds.CreateLayer(name.c_str(), type == wkbNone ? nullptr : &srs, type, nullptr);
  if (!layer) {
    report.error(path, "cannot create layer " + name + ": " + CPLGetLastErrorMsg());
    return nullptr;
  }
  for (const auto& f : fields) {
    OGRFieldDefn fd(f.name.c_str(), f.type);
    fd.SetSubType(f.subtype);
    layer->CreateField(&fd);
  }
  return layer;
}

void set_value(OGRFeature& f, const std::string& key, const json& v) {
  int i = f.GetFieldIndex(key.c_str());
  if (i < 0 || v.is_null()) return;
  OGRFieldType t = f.GetFieldDefnRef(i)->GetType();
  if (t == OFTDate) {
    std::string s = v.get<std::string>();
    if (s.empty()) return;
    int y, m, d;
    if (std::sscanf(s.c_str(), "%d-%d-%d", &y, &m, &d) == 3) f.SetField(i, y, m, d);
  } else if (v.is_boolean()) {
    f.SetField(i, v.get<bool>() ? 1 : 0);
  } else if (v.is_number_integer()) {
    f.SetField(i, static_cast<GIntBig>(v.get<long long>()));
  } else if (v.is_number()) {
    f.SetField(i, v.get<double>());
  } else if (v.is_string()) {
    f.SetField(i, v.get<std::string>().c_str());
  } else {
    f.SetField(i, dump_compact(v).c_str());
  }
}

bool add_feature(OGRLayer* layer, const json& props, const OGRGeometry* g, Report& report, const std::string& path) {
  OGRFeature f(layer->GetLayerDefn());
  for (auto it = props.begin(); it != props.end(); ++it) set_value(f, it.key(), it.value());
  if (g) f.SetGeometry(g);
  if (layer->CreateFeature(&f) != OGRERR_NONE) {
    report.error(path, std::string("writing a feature failed: ") + CPLGetLastErrorMsg());
    return false;
  }
  return true;
}

const std::vector<Field>& state_fields() {
  static const std::vector<Field> f = {
      {"piece", OFTString},        {"uyezd", OFTString},         {"governorate", OFTString},
      {"regions", OFTString},      {"valid_from", OFTDate},      {"valid_to", OFTDate},
      {"controller", OFTString},   {"controller_name", OFTString}, {"claimants", OFTString},
      {"designations", OFTString}, {"conflict", OFTInteger, OFSTBoolean}, {"conflicts", OFTString},
      {"other_controllers", OFTString}, {"precision", OFTString}, {"control_precision", OFTString}, {"uncertain_assertions", OFTString},
      {"assertions", OFTString},   {"set_aside", OFTString},     {"sources", OFTString},
      {"category", OFTString},     {"control_basis", OFTString}, {"legend_keys", OFTString}};
  return f;
}

struct TemporalRow {
  int piece;
  Day first, last;
  const PieceState* state;
};

std::vector<TemporalRow> temporal_rows(const Atlas& atlas, const Resolver& resolver) {
  std::vector<TemporalRow> rows;
  for (size_t p = 0; p < atlas.pieces.size(); ++p)
    for (const auto& s : resolver.spans(static_cast<int>(p))) rows.push_back({static_cast<int>(p), s.first, s.last, s.state});
  return rows;
}

json temporal_properties(const Atlas& atlas, const TemporalRow& r) {
  json j = piece_properties(atlas, r.piece);
  std::string from = date_or_empty(r.first), to = date_or_empty(r.last);
  j["valid_from"] = from.empty() ? json(nullptr) : json(from);
  j["valid_to"] = to.empty() ? json(nullptr) : json(to);
  j.update(state_json(atlas, *r.state));
  return j;
}

// Writes a whole GDAL dataset to a temporary path, then renames it.
template <class Fill>
void with_dataset(const char* driver, const std::string& path, Report& report, Fill fill,
                  char** options = nullptr) {
  std::string tmp = temp_path_or_report(path, report);
  if (tmp.empty()) return;
  GDALDriver* drv = GetGDALDriverManager()->GetDriverByName(driver);
  std::unique_ptr<GDALDataset> ds(drv ? drv->Create(tmp.c_str(), 0, 0, 0, GDT_Unknown, options) : nullptr);
  if (!ds) {
    report.error(path, std::string("GDAL cannot create it: ") + CPLGetLastErrorMsg());
    return;
  }
  fill(*ds, tmp);
  ds.reset();
  std::error_code ec;
  if (report.has_errors()) {
    fs::remove_all(tmp, ec);
    return;
  }
  try {
    if (fs::exists(path)) fs::remove_all(path, ec);
    commit_temp(tmp, path);
  } catch (const OutputError& e) {
    report.error(path, e.what());
  }
}

void write_tables(GDALDataset& ds, const Atlas& atlas, Report& report, const std::string& path) {
  auto flat_list = [](const std::vector<std::string>& v) { return json(v); };
  {
    OGRLayer* l = create_layer(ds, "assertions", wkbNone,
                               {{"id", OFTString},          {"kind", OFTString},          {"type", OFTString},
                                {"party", OFTString},       {"beneficiary", OFTString},   {"region", OFTString},
                                {"from_text", OFTString},   {"to_text", OFTString},       {"from_precision", OFTString},
                                {"to_precision", OFTString}, {"possible_first", OFTDate}, {"certain_first", OFTDate},
                                {"certain_last", OFTDate},  {"possible_last", OFTDate},   {"source", OFTString},
                                {"page", OFTString},        {"footnote", OFTString},      {"lines", OFTString},
                                {"voice", OFTString},       {"cites", OFTString},         {"paraphrase", OFTString},
                                {"confidence", OFTString},  {"end_note", OFTString},      {"overrides", OFTString}},
                               report, path);
    if (!l) return;
    for (const auto& a : atlas.assertions) {
      std::vector<std::string> ov;
      for (int o : a.overrides) ov.push_back(atlas.assertions[o].id);
      json j = {{"id", a.id},
                {"kind", to_string(a.kind)},
                {"type", a.type},
                {"party", atlas.polities[a.party].id},
                {"beneficiary", a.beneficiary >= 0 ? json(atlas.polities[a.beneficiary].id) : json(nullptr)},
                {"region", atlas.regions[a.region].id},
                {"from_text", a.interval.from.original.empty() ? ".." : a.interval.from.original},
                {"to_text", a.interval.to.original.empty() ? ".." : a.interval.to.original},
                {"from_precision", std::string(to_string(a.interval.from.precision)) + (a.interval.from.approximate ? "~" : "")},
                {"to_precision", std::string(to_string(a.interval.to.precision)) + (a.interval.to.approximate ? "~" : "")},
                {"possible_first", date_or_empty(a.interval.possible_first())},
                {"certain_first", date_or_empty(a.interval.certain_first())},
                {"certain_last", date_or_empty(a.interval.certain_last())},
                {"possible_last", date_or_empty(a.interval.possible_last())},
                {"source", atlas.sources[a.source].id},
                {"page", a.locator.page},
                {"footnote", a.locator.footnote},
                {"lines", a.locator.lines},
                {"voice", a.voice},
                {"cites", flat_list(a.cites)},
                {"paraphrase", a.paraphrase},
                {"confidence", a.confidence},
                {"end_note", a.end_note},
                {"overrides", flat_list(ov)}};
      if (!add_feature(l, j, nullptr, report, path)) return;
    }
  }
  {
    OGRLayer* l = create_layer(ds, "sources", wkbNone,
                               {{"id", OFTString}, {"title", OFTString}, {"description", OFTString},
                                {"language", OFTString}, {"perspective", OFTString}, {"file", OFTString}},
                               report, path);
    if (!l) return;
    for (const auto& s : atlas.sources)
      add_feature(l,
                  {{"id", s.id}, {"title", s.title}, {"description", s.description}, {"language", s.language},
                   {"perspective", s.perspective}, {"file", s.file}},
                  nullptr, report, path);
  }
  {
    std::vector<Field> fields = {{"id", OFTString}, {"colour", OFTString}, {"valid_from", OFTString},
                                 {"valid_to", OFTString}, {"note", OFTString}};
    for (const auto& lang : language_codes()) fields.push_back({std::string("name_") + lang, OFTString});
    OGRLayer* l = create_layer(ds, "polities", wkbNone, fields, report, path);
    if (!l) return;
    for (const auto& p : atlas.polities) {
      json j = {{"id", p.id}, {"colour", p.colour}, {"note", p.note}};
      j["valid_from"] = p.lifespan && !p.lifespan->from.open() ? json(p.lifespan->from.original) : json(nullptr);
      j["valid_to"] = p.lifespan && !p.lifespan->to.open() ? json(p.lifespan->to.original) : json(nullptr);
      for (const auto& [lang, name] : p.names) j["name_" + lang] = name;
      add_feature(l, j, nullptr, report, path);
    }
  }
}

}  // namespace

json piece_properties(const Atlas& atlas, int piece) {
  json j;
  j["piece"] = atlas.pieces[piece].id;
  int uy = atlas.uyezd_of(piece);
  j["uyezd"] = uy >= 0 ? json(atlas.regions[uy].id) : json(nullptr);
  std::string gov = uy >= 0 ? atlas.regions[uy].parent : "";
  j["governorate"] = gov.empty() ? json(nullptr) : json(gov);
  j["regions"] = part_ids(atlas, piece);
  return j;
}

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

std::string geojson_for_date(const Atlas& atlas, const Resolver& resolver, Day day, bool dissolve) {
  std::string out = "{\"type\": \"FeatureCollection\", \"features\": [\n";
  bool first = true;
  auto emit = [&](const json& props, const json& geom) {
    json f = {{"type", "Feature"}, {"properties", props}, {"geometry", geom}};
    out += (first ? "" : ",\n") + dump_compact(f);
    first = false;
  };
  if (!dissolve) {
    for (size_t p = 0; p < atlas.pieces.size(); ++p) {
      json props = piece_properties(atlas, static_cast<int>(p));
      props["date"] = format_day(day);
      props.update(state_json(atlas, resolver.at(static_cast<int>(p), day)));
      emit(props, geometry_json(*atlas.pieces[p].geometry));
    }
  } else {
    std::vector<int> all(atlas.pieces.size());
    for (size_t i = 0; i < all.size(); ++i) all[i] = static_cast<int>(i);
    for (const auto& g : group_by_state(resolver, all, day)) {
      json props;
      std::set<std::string> uyezds, govs;
      json pieces = json::array();
      for (int p : g.pieces) {
        pieces.push_back(atlas.pieces[p].id);
        json pp = piece_properties(atlas, p);
        if (!pp["uyezd"].is_null()) uyezds.insert(pp["uyezd"].get<std::string>());
        if (!pp["governorate"].is_null()) govs.insert(pp["governorate"].get<std::string>());
      }
      props["pieces"] = pieces;
      props["uyezds"] = json(std::vector<std::string>(uyezds.begin(), uyezds.end()));
      props["governorates"] = json(std::vector<std::string>(govs.begin(), govs.end()));
      props["date"] = format_day(day);
      props.update(state_json(atlas, *g.state));
      GeometryPtr u = atlas.union_of(g.pieces);
      emit(props, geometry_json(*u));
    }
  }
  return out + "\n]}\n";
}

std::string temporal_geojson(const Atlas& atlas, const Resolver& resolver) {
  std::string out = "{\"type\": \"FeatureCollection\", \"features\": [\n";
  bool first = true;
  for (const auto& r : temporal_rows(atlas, resolver)) {
    json f = {{"type", "Feature"}, {"properties", temporal_properties(atlas, r)},
              {"geometry", geometry_json(*atlas.pieces[r.piece].geometry)}};
    out += (first ? "" : ",\n") + dump_compact(f);
    first = false;
  }
  return out + "\n]}\n";
}

void write_geopackage(const Atlas& atlas, const Resolver& resolver, const std::string& path, Report& report) {
  // Fixed timestamps in gpkg_contents so that the same inputs give the same bytes.
  CPLSetConfigOption("OGR_CURRENT_DATE", "2000-01-01T00:00:00.000Z");
  with_dataset("GPKG", path, report, [&](GDALDataset& ds, const std::string& tmp) {
    OGRLayer* states = create_layer(ds, "states", wkbMultiPolygon, state_fields(), report, tmp);
    if (!states) return;
    // One transaction for the many features: much faster in SQLite.
    if (states->StartTransaction() != OGRERR_NONE) {
      report.error(tmp, "cannot start a transaction on the states layer");
      return;
    }
    for (const auto& r : temporal_rows(atlas, resolver)) {
      GeometryPtr g(OGRGeometryFactory::forceToMultiPolygon(atlas.pieces[r.piece].geometry->clone()));
      if (!add_feature(states, temporal_properties(atlas, r), g.get(), report, tmp)) return;
    }
    if (states->CommitTransaction() != OGRERR_NONE) {
      report.error(tmp, std::string("writing the states layer failed: ") + CPLGetLastErrorMsg());
      return;
    }
    std::vector<Field> region_fields = {{"id", OFTString}, {"unit", OFTString}, {"parent", OFTString}, {"area_km2", OFTReal}};
    for (const auto& lang : language_codes()) region_fields.push_back({std::string("name_") + lang, OFTString});
    for (auto [name, kind] : {std::pair{"uyezds", RegionKind::Uyezd}, std::pair{"governorates", RegionKind::Governorate}}) {
      OGRLayer* l = create_layer(ds, name, wkbMultiPolygon, region_fields, report, tmp);
      if (!l) return;
      for (const auto& r : atlas.regions) {
        if (r.kind != kind || r.pieces.empty()) continue;
        double area = 0;
        for (int p : r.pieces) area += atlas.pieces[p].area_km2;
        json j = {{"id", r.id}, {"unit", r.unit}, {"parent", r.parent}, {"area_km2", std::round(area * 10) / 10}};
        for (const auto& [lang, n] : r.names) j["name_" + lang] = n;
        GeometryPtr u(OGRGeometryFactory::forceToMultiPolygon(atlas.union_of(r.pieces).release()));
        if (!add_feature(l, j, u.get(), report, tmp)) return;
      }
    }
    std::vector<Field> place_fields = {{"id", OFTString}, {"seat_of", OFTString}, {"basis", OFTString}};
    for (const auto& lang : language_codes()) place_fields.push_back({std::string("name_") + lang, OFTString});
    OGRLayer* places = create_layer(ds, "places", wkbPoint, place_fields, report, tmp);
    if (!places) return;
    for (const auto& pl : atlas.places) {
      json j = {{"id", pl.id}, {"seat_of", json(pl.seat_of)}, {"basis", pl.basis}};
      for (const auto& [lang, n] : pl.names) j["name_" + lang] = n;
      OGRPoint pt(pl.lon, pl.lat);
      if (!add_feature(places, j, &pt, report, tmp)) return;
    }
    auto base = [&](const char* name, OGRwkbGeometryType type, const std::vector<BaseFeature>& feats) {
      OGRLayer* l = create_layer(ds, name, type, {{"kind", OFTString}, {"name", OFTString}}, report, tmp);
      if (!l) return;
      for (const auto& f : feats) {
        GeometryPtr g(type == wkbMultiPolygon ? OGRGeometryFactory::forceToMultiPolygon(f.geometry->clone())
                                              : OGRGeometryFactory::forceToMultiLineString(f.geometry->clone()));
        add_feature(l, {{"kind", f.kind}, {"name", f.name}}, g.get(), report, tmp);
      }
    };
    base("water", wkbMultiPolygon, atlas.water);
    base("rivers", wkbMultiLineString, atlas.rivers);
    base("countries", wkbMultiPolygon, atlas.countries);
    write_tables(ds, atlas, report, tmp);
  });
}

void write_tables_csv(const Atlas& atlas, const std::string& dir, Report& report) {
  with_dataset("CSV", dir, report, [&](GDALDataset& ds, const std::string& tmp) { write_tables(ds, atlas, report, tmp); });
}

}  // namespace histmap
