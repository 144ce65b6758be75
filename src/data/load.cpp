#include "data/load.hpp"
#include "data/share_dir.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <regex>
#include <set>
#include <sstream>

#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>
#include <yaml-cpp/yaml.h>

#include "data/dataset_file.hpp"
#include "data/load_cache.hpp"
#include "data/load_parts.hpp"
#include "data/source_sets.hpp"
#include "data/yaml_reader.hpp"
#include "model/languages.hpp"

namespace histmap {
namespace fs = std::filesystem;
using namespace load_parts;

std::string default_data_dir() {
  if (const char* env = std::getenv("HISTMAP_DATA"); env && *env) return env;
  return share_dir() + "/geodata";  // installed <prefix>/share/histmap, else the source tree
}

namespace {

// ---- tables --------------------------------------------------------------

void load_pieces(const fs::path& path, Atlas& atlas, Report& report) {
  const std::string file = path.string();
  if (!entry_exists(path)) {
    report.error(file, "missing: a dataset needs its pieces as a GeoJSON FeatureCollection");
    return;
  }
  if (!readable_file_or_report(path, report)) return;
  CPLErrorReset();
  std::unique_ptr<GDALDataset> ds(
      GDALDataset::Open(file.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
  if (!ds || ds->GetLayerCount() < 1) {
    report.error(file, std::string("not readable as GeoJSON: ") +
                           (CPLGetLastErrorMsg()[0] ? CPLGetLastErrorMsg() : "GDAL could not open it"));
    return;
  }
  OGRLayer* layer = ds->GetLayer(0);
  if (layer->GetFeatureCount() == 0) {
    report.error(file, "has no features; a dataset needs at least one piece (a Polygon or MultiPolygon with an 'id')");
    return;
  }
  int fid_idx = layer->GetLayerDefn()->GetFieldIndex("id");
  if (fid_idx < 0) {
    report.error(file, "features have no 'id' property; each piece needs a unique 'id'");
    return;
  }
  int name_idx = layer->GetLayerDefn()->GetFieldIndex("name");
  layer->ResetReading();
  int ordinal = 0;
  std::set<std::string> seen;
  for (auto& feat : *layer) {
    ++ordinal;
    std::string id = feat->IsFieldSetAndNotNull(fid_idx) ? feat->GetFieldAsString(fid_idx) : "";
    std::string where = file + " feature #" + std::to_string(ordinal) + (id.empty() ? "" : " (id " + id + ")");
    if (!is_plain_id(id, kMaxIdLength)) {
      report.error(id.size() > kMaxIdLength ? file + " feature #" + std::to_string(ordinal) : where,
                   id.empty() ? "piece id is empty; each piece needs a unique 'id'" : "piece " + id_problem(id));
      continue;
    }
    if (!seen.insert(id).second) {
      report.error(where, "piece id '" + id + "' is used by two features");
      continue;
    }
    OGRGeometry* g = feat->GetGeometryRef();
    if (!g || g->IsEmpty()) {
      report.error(where, "has no geometry; a piece must be a Polygon or MultiPolygon");
      continue;
    }
    auto t = wkbFlatten(g->getGeometryType());
    if (t != wkbPolygon && t != wkbMultiPolygon) {
      report.error(where,
                   std::string("geometry is ") + g->getGeometryName() + "; a piece must be a Polygon or MultiPolygon");
      continue;
    }
    OGREnvelope env;
    g->getEnvelope(&env);
    if (env.MinX < -180 || env.MaxX > 180 || env.MinY < -90 || env.MaxY > 90) {
      report.error(where, "coordinates are outside lon/lat range; pieces must be in WGS84 longitude/latitude");
      continue;
    }
    if (!g->IsValid()) {
      report.error(where, "invalid geometry (self-intersection or bad ring); repair it, e.g. with ogr2ogr -makevalid");
      continue;
    }
    Piece p;
    p.id = id;
    p.name = name_idx >= 0 && feat->IsFieldSetAndNotNull(name_idx) ? feat->GetFieldAsString(name_idx) : id;
    p.geometry.reset(g->clone());
    p.origin = {file, 0};
    atlas.pieces.push_back(std::move(p));
  }
}

// What is wrong with a place's id or point, or "" (ids unique within `seen`).
std::string place_problem(const std::string& id, const OGRPoint* pt, std::set<std::string>& seen) {
  if (id.empty() || !pt) return "a place needs an 'id' and a Point geometry";
  if (!is_plain_id(id, kMaxIdLength)) return "place " + id_problem(id);
  if (!seen.insert(id).second) return "place id '" + id + "' is used by two features; ids must be unique";
  double lon = pt->getX(), lat = pt->getY();
  if (!std::isfinite(lon) || !std::isfinite(lat) || lon < -180 || lon > 180 || lat < -90 || lat > 90) {
    std::ostringstream c;
    c << "[" << lon << ", " << lat << "]";
    return "point " + c.str() +
           " is not a WGS84 longitude/latitude; write [lon, lat] with lon in -180..180, lat in -90..90";
  }
  return {};
}

void load_places(const fs::path& path, Atlas& atlas, Report& report) {
  if (!entry_exists(path)) return;  // places are optional
  if (!readable_file_or_report(path, report)) return;
  const std::string file = path.string();
  CPLErrorReset();
  std::unique_ptr<GDALDataset> ds(
      GDALDataset::Open(file.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
  if (!ds || ds->GetLayerCount() < 1) {
    report.error(file, std::string("not readable as GeoJSON: ") + CPLGetLastErrorMsg());
    return;
  }
  OGRLayer* layer = ds->GetLayer(0);
  int idx = layer->GetLayerDefn()->GetFieldIndex("id");
  if (idx >= 0 && layer->GetLayerDefn()->GetFieldDefn(idx)->GetType() != OFTString) {
    report.error(file,
                 "place ids must be strings (\"id\": \"erivan\"); some feature's 'id' is a number, list or object");
    return;
  }
  int ordinal = 0;
  std::set<std::string> seen;
  for (auto& feat : *layer) {
    ++ordinal;
    Place p;
    p.id = idx >= 0 && feat->IsFieldSetAndNotNull(idx) ? feat->GetFieldAsString(idx) : "";
    std::string where = file + " feature #" + std::to_string(ordinal) +
                        (p.id.empty() || p.id.size() > kMaxIdLength ? "" : " (id " + p.id + ")");
    auto* pt = feat->GetGeometryRef() ? dynamic_cast<OGRPoint*>(feat->GetGeometryRef()) : nullptr;
    if (std::string problem = place_problem(p.id, pt, seen); !problem.empty()) {
      report.error(where, problem);
      continue;
    }
    p.lon = pt->getX();
    p.lat = pt->getY();
    int seat = feat->GetFieldIndex("seat_of");
    if (seat >= 0 && feat->IsFieldSetAndNotNull(seat)) {
      char** list = feat->GetFieldAsStringList(seat);
      for (int i = 0; list && list[i]; ++i) p.seat_of.emplace_back(list[i]);
    }
    for (const auto& lang : language_codes()) {
      int i = feat->GetFieldIndex((std::string("name_") + lang).c_str());
      if (i >= 0 && feat->IsFieldSetAndNotNull(i) && *feat->GetFieldAsString(i))
        p.names[lang] = feat->GetFieldAsString(i);
    }
    int b = feat->GetFieldIndex("basis");
    if (b >= 0) p.basis = feat->GetFieldAsString(b);
    p.origin = {file, 0};
    atlas.places.push_back(std::move(p));
  }
}

// Base layers are optional; a dataset without base/ renders without them.
void load_base_layer(const fs::path& path, const char* name_field, std::vector<BaseFeature>& out, Report& report) {
  if (!entry_exists(path)) return;
  if (!readable_file_or_report(path, report)) return;
  std::unique_ptr<GDALDataset> ds(
      GDALDataset::Open(path.string().c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
  if (!ds || ds->GetLayerCount() < 1) {
    report.error(path.string(), std::string("not readable as GeoJSON: ") + CPLGetLastErrorMsg());
    return;
  }
  for (auto& f : *ds->GetLayer(0)) {
    if (!f->GetGeometryRef()) continue;
    BaseFeature b;
    int k = f->GetFieldIndex("kind");
    b.kind = k >= 0 ? f->GetFieldAsString(k) : "";
    int n = f->GetFieldIndex(name_field);
    b.name = n >= 0 ? f->GetFieldAsString(n) : "";
    b.geometry.reset(f->GetGeometryRef()->clone());
    out.push_back(std::move(b));
  }
}

// The two GeoJSON loaders through the cache: a hit stands for a file that loaded without a finding
// (warnings included: a cached load would not repeat them), so only such loads are stored.
// Returns the entry's key (0: none), which the pieces' areas are kept under too.
uint64_t load_pieces_cached(const fs::path& path, Atlas& atlas, Report& report) {
  uint64_t key = load_cache::file_key(path, "pieces");
  if (key && load_cache::read_pieces(key, atlas.pieces)) return key;
  size_t first = atlas.pieces.size(), findings = report.findings.size();
  load_pieces(path, atlas, report);
  if (key && report.findings.size() == findings) load_cache::write_pieces(key, atlas.pieces, first);
  return key;
}

void load_base_layer_cached(const fs::path& path, const char* name_field, std::vector<BaseFeature>& out,
                            Report& report) {
  if (!entry_exists(path)) return;
  uint64_t key = load_cache::file_key(path, name_field);
  if (key && load_cache::read_base_layer(key, out)) return;
  size_t first = out.size(), findings = report.findings.size();
  load_base_layer(path, name_field, out, report);
  if (key && report.findings.size() == findings) load_cache::write_base_layer(key, out, first);
}

void load_regions(const fs::path& path, Atlas& atlas, Report& report, bool required,
                  std::vector<std::vector<std::string>>& piece_refs) {
  if (!entry_exists(path)) {
    if (required) report.error(path.string(), "missing: a dataset needs regions.yaml");
    return;
  }
  YamlReader f{path.string(), report};
  for (const auto& rec : read_records(f, "regions")) {
    if (!rec.IsMap()) {
      report.error(f.at(rec), "each region must be a mapping");
      continue;
    }
    f.only_keys(rec, {"id", "kind", "unit", "parent", "names", "pieces", "includes", "note"}, "a region");
    Region r;
    r.id = f.string(rec, "id", true, "a region");
    if (!check_new_id(f, rec, r.id, "region", atlas.regions)) continue;
    std::string kind = f.string(rec, "kind", true, "region " + r.id);
    if (kind == "governorate") r.kind = RegionKind::Governorate;
    else if (kind == "uyezd") r.kind = RegionKind::Uyezd;
    else if (kind == "part") r.kind = RegionKind::Part;
    else if (!kind.empty())
      report.error(f.at(rec["kind"]), "region " + r.id + ": kind '" + kind + "' is not governorate, uyezd or part");
    r.unit = f.string(rec, "unit", false, "region " + r.id);
    if (r.unit.empty()) r.unit = kind;
    r.parent = f.string(rec, "parent", false, "region " + r.id);
    r.names = f.names(rec, "region " + r.id);
    if (r.names.find("en") == r.names.end())
      report.error(f.at(rec), "region " + r.id + " has no English name (names: en)");
    r.includes = f.strings(rec, "includes", "region " + r.id);
    r.note = f.string(rec, "note", false, "region " + r.id);
    r.origin = {f.path(), f.line(rec)};
    piece_refs.push_back(f.strings(rec, "pieces", "region " + r.id));
    atlas.regions.push_back(std::move(r));
  }
}

void load_polities(const fs::path& path, Atlas& atlas, Report& report, bool required) {
  if (!entry_exists(path)) {
    if (required) report.error(path.string(), "missing: a dataset needs polities.yaml");
    return;
  }
  YamlReader f{path.string(), report};
  static const std::regex colour_re(R"(#[0-9a-fA-F]{6})");
  for (const auto& rec : read_records(f, "polities")) {
    if (!rec.IsMap()) {
      report.error(f.at(rec), "each polity must be a mapping");
      continue;
    }
    f.only_keys(rec, {"id", "names", "colour", "from", "to", "note"}, "a polity");
    Polity p;
    p.id = f.string(rec, "id", true, "a polity");
    if (!check_new_id(f, rec, p.id, "polity", atlas.polities)) continue;
    p.names = f.names(rec, "polity " + p.id);
    if (p.names.find("en") == p.names.end())
      report.error(f.at(rec), "polity " + p.id + " has no English name (names: en)");
    p.colour = f.string(rec, "colour", false, "polity " + p.id);
    if (!p.colour.empty() && !std::regex_match(p.colour, colour_re))
      report.error(f.at(rec["colour"]), "polity " + p.id + ": colour '" + p.colour + "' is not of the form #rrggbb");
    std::string from = f.string(rec, "from", false, "polity " + p.id);
    std::string to = f.string(rec, "to", false, "polity " + p.id);
    if (!from.empty() || !to.empty()) {
      try {
        p.lifespan = make_interval(from, to);
      } catch (const DateError& e) {
        report.error(f.at(rec), "polity " + p.id + " lifespan: " + e.what());
      }
    }
    p.note = f.string(rec, "note", false, "polity " + p.id);
    p.origin = {f.path(), f.line(rec)};
    atlas.polities.push_back(std::move(p));
  }
}

void load_sources(const fs::path& path, Atlas& atlas, Report& report, bool required, int set) {
  if (!entry_exists(path)) {
    if (required) report.error(path.string(), "missing: a dataset needs sources.yaml");
    return;
  }
  YamlReader f{path.string(), report};
  for (const auto& rec : read_records(f, "sources")) {
    if (!rec.IsMap()) {
      report.error(f.at(rec), "each source must be a mapping");
      continue;
    }
    f.only_keys(rec, {"id", "title", "description", "language", "perspective", "file"}, "a source");
    Source s;
    s.id = f.string(rec, "id", true, "a source");
    if (!check_new_id(f, rec, s.id, "source", atlas.sources)) continue;
    s.title = f.string(rec, "title", true, "source " + s.id);
    s.description = f.string(rec, "description", false, "source " + s.id);
    s.language = f.string(rec, "language", false, "source " + s.id);
    s.perspective = f.string(rec, "perspective", true, "source " + s.id);
    s.file = f.string(rec, "file", false, "source " + s.id);
    s.set = set;
    s.origin = {f.path(), f.line(rec)};
    atlas.sources.push_back(std::move(s));
  }
}

struct PendingRefs {
  std::string party, beneficiary, region, source;
  std::vector<std::string> overrides, contradicts;
  std::string where_party, where_region, where_source;
};

void load_assertion_file(const fs::path& path, Atlas& atlas, Report& report, std::vector<PendingRefs>& refs) {
  YamlReader f{path.string(), report};
  YAML::Node whole;
  YAML::Node seq = read_records(f, "assertions", &whole);
  std::string default_source;
  if (whole.IsMap()) {
    f.only_keys(whole, {"source", "assertions"}, "an assertions file");
    default_source = f.string(whole, "source", false, "the assertions file");
  }
  for (const auto& rec : seq) {
    if (!rec.IsMap()) {
      report.error(f.at(rec), "each assertion must be a mapping");
      continue;
    }
    f.only_keys(rec, {"id",       "kind",      "type",        "party",       "beneficiary",  "region",     "from",
                      "to",       "source",    "locator",     "voice",       "cites",        "paraphrase", "confidence",
                      "end_note", "overrides", "asserted_as", "contradicts", "disagreement", "carried_out"},
                "an assertion");
    Assertion a;
    a.id = f.string(rec, "id", true, "an assertion");
    if (!check_new_id(f, rec, a.id, "assertion", atlas.assertions)) continue;
    const std::string what = "assertion " + a.id;
    std::string kind = f.string(rec, "kind", true, what);
    if (kind == "control") a.kind = AssertionKind::Control;
    else if (kind == "claim") a.kind = AssertionKind::Claim;
    else if (kind == "designation") a.kind = AssertionKind::Designation;
    else if (!kind.empty())
      report.error(f.at(rec["kind"]), what + ": kind '" + kind + "' is not control, claim or designation");
    a.type = f.string(rec, "type", a.kind == AssertionKind::Designation, what);
    if (a.kind == AssertionKind::Designation && !a.type.empty() && !is_known_designation(a.type)) {
      std::string list;
      for (const auto& t : known_designations()) list += (list.empty() ? "" : ", ") + t;
      report.error(f.at(rec["type"]), what + ": designation type '" + a.type + "' is unknown; known types: " + list);
    }
    if (a.kind != AssertionKind::Designation && !a.type.empty())
      report.error(f.at(rec["type"]), what + ": only designations have a 'type'");
    PendingRefs r;
    r.party = f.string(rec, "party", true, what);
    r.beneficiary = f.string(rec, "beneficiary", false, what);
    if (!r.beneficiary.empty() && a.kind != AssertionKind::Designation)
      report.error(f.at(rec["beneficiary"]), what + ": only designations have a 'beneficiary'");
    if (a.type == "assigned" && r.beneficiary.empty())
      report.error(f.at(rec), what + ": an 'assigned' designation needs the 'beneficiary' it assigns the region to");
    r.region = f.string(rec, "region", true, what);
    r.source = f.string(rec, "source", false, what);
    if (r.source.empty()) r.source = default_source;
    if (r.source.empty()) report.error(f.at(rec), what + " has no 'source' (and the file sets no default 'source')");
    r.overrides = f.strings(rec, "overrides", what);
    r.where_party = rec["party"] ? f.at(rec["party"]) : f.at(rec);
    r.where_region = rec["region"] ? f.at(rec["region"]) : f.at(rec);
    r.where_source = rec["source"] ? f.at(rec["source"]) : f.at(rec);
    std::string from = f.string(rec, "from", true, what);
    std::string to = f.string(rec, "to", true, what);
    if (to == "next") {
      a.ends_at_next = true;
      to = "..";
    }
    try {
      a.interval = make_interval(from, to);
      if (a.ends_at_next) a.interval.to.original = "next";
    } catch (const DateError& e) {
      report.error(f.at(rec["from"] ? rec["from"] : rec), what + ": " + e.what());
    }
    YAML::Node loc = rec["locator"];
    if (!loc || !loc.IsMap()) {
      report.error(f.at(rec), what + " has no 'locator' mapping (page, footnote, lines) a reader can find");
    } else {
      f.only_keys(loc, {"page", "footnote", "lines"}, "a locator");
      a.locator.page = f.string(loc, "page", false, what);
      a.locator.footnote = f.string(loc, "footnote", false, what);
      a.locator.lines = f.string(loc, "lines", true, what + " locator");
    }
    a.voice = f.string(rec, "voice", false, what);
    if (a.voice.empty()) a.voice = "author";
    a.cites = f.strings(rec, "cites", what);
    a.paraphrase = f.string(rec, "paraphrase", true, what);
    a.confidence = f.string(rec, "confidence", false, what);
    if (a.confidence.empty()) a.confidence = "medium";
    if (a.confidence != "high" && a.confidence != "medium" && a.confidence != "low")
      report.error(f.at(rec["confidence"]), what + ": confidence '" + a.confidence + "' is not high, medium or low");
    a.end_note = f.string(rec, "end_note", false, what);
    r.contradicts = f.strings(rec, "contradicts", what);
    a.dating_disagreement = read_choice(f, rec, "disagreement", what, {"", "dating"}, report) == "dating";
    if (a.dating_disagreement && r.contradicts.empty())
      report.error(f.at(rec), what + ": 'disagreement: dating' needs 'contradicts' naming the other dating");
    a.presupposed = read_choice(f, rec, "asserted_as", what, {"", "stated", "presupposed"}, report) == "presupposed";
    a.carried_out_not_reported =
        read_choice(f, rec, "carried_out", what, {"", "not_reported"}, report) == "not_reported";
    if (a.carried_out_not_reported && a.type != "assigned")
      report.error(f.at(rec["carried_out"]),
                   what + ": only an 'assigned' designation can be 'carried_out: not_reported'");
    a.origin = {f.path(), f.line(rec)};
    atlas.assertions.push_back(std::move(a));
    refs.push_back(std::move(r));
  }
}

// A folder's own texts (sources.yaml, assertions/) as a source set named by the folder or its set.yaml.
int begin_set(const fs::path& dir, Atlas& atlas, Report& report) {
  SourceSet set;
  std::error_code ec;
  set.dir = dir.string();
  set.id = fs::absolute(dir, ec).lexically_normal().filename().string();
  if (set.id.empty()) set.id = fs::absolute(dir, ec).lexically_normal().parent_path().filename().string();
  load_set_file((dir / "set.yaml").string(), set, report);
  if (set.name.empty()) set.name["en"] = set.id;
  if (atlas.set_index(set.id) >= 0) {
    report.error(dir.string(), "a source set named '" + set.id +
                                   "' is already loaded (a shipped set, or --add-data given twice); "
                                   "sets are named by their folders, so rename the folder");
    return -1;
  }
  atlas.sets.push_back(std::move(set));
  return static_cast<int>(atlas.sets.size()) - 1;
}

// The shared part of a dataset: what it says about itself, pieces, places and base layers.
uint64_t load_shared(const fs::path& dir, Atlas& atlas, Report& report) {
  load_dataset_file((dir / "dataset.yaml").string(), atlas.dataset, report);
  uint64_t pieces_key = load_pieces_cached(dir / "pieces.geojson", atlas, report);
  load_places(dir / "places.geojson", atlas, report);
  load_base_layer_cached(dir / "base/water.geojson", "name", atlas.water, report);
  load_base_layer_cached(dir / "base/rivers.geojson", "name", atlas.rivers, report);
  load_base_layer_cached(dir / "base/countries.geojson", "iso2", atlas.countries, report);
  return pieces_key;
}

// Regions, polities, sources and assertions of a folder. The base folder must have regions and
// polities, and its own sources unless it ships its texts as sets (a sets/ folder).
void load_set(const fs::path& dir, bool base, Atlas& atlas, Report& report, std::vector<PendingRefs>& refs,
              std::vector<std::vector<std::string>>& piece_refs) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    report.error(dir.string(), "is not a directory" + (ec ? " (" + ec.message() + ")" : std::string()) +
                                   "; --data and --add-data take a dataset folder");
    return;
  }
  fs::path adir = dir / "assertions";
  const bool has_sets = base && fs::is_directory(dir / "sets", ec);
  const bool own_texts = entry_exists(dir / "sources.yaml") || fs::is_directory(adir, ec) || !has_sets;
  int set = own_texts ? begin_set(dir, atlas, report) : -1;
  load_regions(dir / "regions.yaml", atlas, report, base, piece_refs);
  load_polities(dir / "polities.yaml", atlas, report, base);
  if (!own_texts) return;
  load_sources(dir / "sources.yaml", atlas, report, base, set);
  if (fs::is_directory(adir, ec)) {
    std::vector<fs::path> files;
    for (auto it = fs::directory_iterator(adir, ec); !ec && it != fs::directory_iterator(); it.increment(ec))
      if (it->path().extension() == ".yaml" || it->path().extension() == ".yml") files.push_back(it->path());
    if (ec) report.error(adir.string(), "cannot be listed (" + ec.message() + ")");
    std::sort(files.begin(), files.end());  // deterministic order
    for (const auto& p : files) load_assertion_file(p, atlas, report, refs);
  } else if (!base) {
    report.warning(dir.string(), "has no assertions/ folder; nothing to add");
  }
}

// complete_dataset, with the piece areas (every vertex projected to the equal-area CRS)
// kept in the cache under the pieces' entry and the CRS dataset.yaml names.
void complete_dataset_cached(Atlas& atlas, Report& report, uint64_t pieces_key) {
  uint64_t key = pieces_key ? load_cache::areas_key(pieces_key, atlas.dataset.equal_area_crs) : 0;
  bool known = key && !report.has_errors() && load_cache::read_areas(key, atlas.pieces);
  complete_dataset(atlas, report, known);
  if (key && !known && !report.has_errors()) load_cache::write_areas(key, atlas.pieces);
}

}  // namespace

std::unique_ptr<Atlas> load_atlas(const LoadOptions& options, Report& report) {
  static bool registered = [] {
    GDALAllRegister();
    return true;
  }();
  (void)registered;
  auto atlas = std::make_unique<Atlas>();
  std::vector<PendingRefs> refs;
  std::vector<std::vector<std::string>> piece_refs;
  const fs::path base = options.data_dir;
  uint64_t pieces_key = 0;
  if (fs::is_directory(base)) pieces_key = load_shared(base, *atlas, report);
  load_set(base, true, *atlas, report, refs, piece_refs);
  if (fs::is_directory(base))
    for (const auto& d : shipped_set_dirs(base, atlas->dataset.sets, report))
      load_set(d, false, *atlas, report, refs, piece_refs);
  for (const auto& d : options.extra_dirs) load_set(d, false, *atlas, report, refs, piece_refs);
  atlas->index();

  // Region references: pieces, includes (no cycles), parents.
  for (size_t i = 0; i < atlas->regions.size(); ++i) {
    Region& r = atlas->regions[i];
    for (const auto& pid : piece_refs[i]) {
      int p = atlas->piece_index(pid);
      if (p < 0)
        report.error(r.origin.where(),
                     "region " + r.id + " names piece '" + pid + "', which pieces.geojson does not have");
      else r.pieces.push_back(p);
    }
    std::sort(r.pieces.begin(), r.pieces.end());
    for (const auto& inc : r.includes)
      if (atlas->region_index(inc) < 0)
        report.error(r.origin.where(), "region " + r.id + " includes unknown region '" + inc + "'");
    if (!r.parent.empty() && atlas->region_index(r.parent) < 0)
      report.error(r.origin.where(), "region " + r.id + " has unknown parent '" + r.parent + "'");
  }
  for (const auto& pl : atlas->places)
    for (const auto& s : pl.seat_of)
      if (atlas->region_index(s) < 0)
        report.error(pl.origin.file + " (id " + pl.id + ")", "place is the seat of unknown region '" + s + "'");
  // Cycle check over includes.
  {
    std::vector<int> mark(atlas->regions.size(), 0);
    std::function<bool(int)> visit = [&](int r) -> bool {
      if (mark[r] == 1) return false;
      if (mark[r] == 2) return true;
      mark[r] = 1;
      for (const auto& inc : atlas->regions[r].includes) {
        int j = atlas->region_index(inc);
        if (j >= 0 && !visit(j)) {
          report.error(atlas->regions[r].origin.where(),
                       "region " + atlas->regions[r].id + " includes itself through '" + inc + "' (a cycle)");
          mark[r] = 2;
          return true;  // report once per region
        }
      }
      mark[r] = 2;
      return true;
    };
    for (size_t r = 0; r < atlas->regions.size(); ++r) visit(static_cast<int>(r));
  }
  atlas->index();  // again, now that explicit pieces are filled in

  for (size_t i = 0; i < atlas->assertions.size(); ++i) {
    Assertion& a = atlas->assertions[i];
    const PendingRefs& r = refs[i];
    const std::string what = "assertion " + a.id;
    a.party = atlas->polity_index(r.party);
    if (a.party < 0) report.error(r.where_party, what + ": unknown party '" + r.party + "' (not in polities.yaml)");
    if (!r.beneficiary.empty()) {
      a.beneficiary = atlas->polity_index(r.beneficiary);
      if (a.beneficiary < 0)
        report.error(r.where_party, what + ": unknown beneficiary '" + r.beneficiary + "' (not in polities.yaml)");
    }
    a.region = atlas->region_index(r.region);
    if (a.region < 0) report.error(r.where_region, what + ": unknown region '" + r.region + "' (not in regions.yaml)");
    else if (atlas->regions[a.region].pieces.empty())
      report.error(r.where_region, what + ": region '" + r.region + "' has no pieces");
    a.source = atlas->source_index(r.source);
    if (a.source < 0) report.error(r.where_source, what + ": unknown source '" + r.source + "' (not in sources.yaml)");
    for (const auto& o : r.overrides) {
      int j = atlas->assertion_index(o);
      if (j < 0) report.error(a.origin.where(), what + ": overrides unknown assertion '" + o + "'");
      else if (j == static_cast<int>(i)) report.error(a.origin.where(), what + " overrides itself");
      else a.overrides.push_back(j);
    }
    for (const auto& o : r.contradicts) {
      int j = atlas->assertion_index(o);
      if (j < 0) report.error(a.origin.where(), what + ": contradicts unknown assertion '" + o + "'");
      else if (j == static_cast<int>(i)) report.error(a.origin.where(), what + " contradicts itself");
      else a.contradicts.push_back(j);
    }
  }
  // A contradiction holds both ways: each side shows it on its own days.
  for (size_t i = 0; i < atlas->assertions.size(); ++i)
    for (int j : std::vector<int>(atlas->assertions[i].contradicts)) {
      auto& back = atlas->assertions[static_cast<size_t>(j)].contradicts;
      if (std::find(back.begin(), back.end(), static_cast<int>(i)) == back.end()) back.push_back(static_cast<int>(i));
      if (atlas->assertions[i].dating_disagreement) {
        atlas->assertions[i].dates_differently.push_back(j);
        atlas->assertions[static_cast<size_t>(j)].dates_differently.push_back(static_cast<int>(i));
      }
    }
  for (auto& a : atlas->assertions) {
    std::sort(a.contradicts.begin(), a.contradicts.end());
    std::sort(a.dates_differently.begin(), a.dates_differently.end());
    a.dates_differently.erase(std::unique(a.dates_differently.begin(), a.dates_differently.end()),
                              a.dates_differently.end());
  }
  if (!report.has_errors()) keep_selected(*atlas, options.only, report);
  complete_dataset_cached(*atlas, report, pieces_key);
  if (report.has_errors()) return nullptr;
  return atlas;
}

}  // namespace histmap
