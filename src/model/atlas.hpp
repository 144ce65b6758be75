// The immutable in-memory model: pieces, regions, polities, sources and
// dated assertions. Everything refers to everything else by index; ids are
// kept for output. Built once by data/load, read by every later stage.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <ogr_geometry.h>

#include "model/dataset.hpp"
#include "model/date.hpp"

namespace histmap {

using Names = std::map<std::string, std::string>;  // language code -> name

struct OgrGeometryDeleter {
  void operator()(OGRGeometry* g) const { OGRGeometryFactory::destroyGeometry(g); }
};
using GeometryPtr = std::unique_ptr<OGRGeometry, OgrGeometryDeleter>;

// Where a record came from, for messages that a user can act on.
struct Origin {
  std::string file;
  int line = 0;  // 1-based; 0 when unknown (e.g. a GeoJSON feature)
  std::string where() const { return line > 0 ? file + ":" + std::to_string(line) : file; }
};

struct Piece {
  std::string id;
  std::string name;
  GeometryPtr geometry;  // lon/lat, EPSG:4326
  double area_km2 = 0;
  Origin origin;
};

enum class RegionKind { Governorate, Uyezd, Part };
const char* to_string(RegionKind k);

struct Region {
  std::string id;
  RegionKind kind = RegionKind::Part;
  std::string unit;    // "uyezd", "okrug", "oblast", "governorate", "part"
  std::string parent;  // governorate id for uyezds, may be empty
  Names names;
  std::vector<std::string> includes;  // ids of other regions whose pieces belong here
  std::vector<int> pieces;            // sorted piece indices after expansion
  std::string note;
  Origin origin;
};

// A town: an uyezd or governorate seat, or a place the texts name.
struct Place {
  std::string id;
  std::vector<std::string> seat_of;  // region ids it is the seat of
  double lon = 0, lat = 0;
  Names names;
  std::string basis;  // why the coordinates are what they are
  Origin origin;
};

// A feature of a base layer (sea, lake, river, modern country) for maps.
struct BaseFeature {
  std::string kind;  // sea | lake | river | country
  std::string name;  // e.g. "Caspian Sea", or an ISO code for countries
  GeometryPtr geometry;
};

struct Polity {
  std::string id;
  Names names;
  std::string colour;  // "#rrggbb" hint; styles may override
  std::optional<Interval> lifespan;
  std::string note;
  Origin origin;
};

// A source set: sources, the polities and regions they add, and their assertions,
// written from one perspective (a folder geodata/sets/<id>/, or one given with --add-data).
struct SourceSet {
  std::string id;                                  // the folder's name
  std::map<std::string, std::string> name;         // language code -> short name, e.g. "Armenian-side pages"
  std::map<std::string, std::string> perspective;  // language code -> whose accounts it gives
  std::string dir;
  bool in_use = true;  // false when --sources leaves it out: its assertions are not loaded
};

struct Source {
  std::string id;
  int set = -1;  // index into Atlas::sets
  std::string title;
  std::string description;  // bibliographic description as far as known
  std::string language;
  std::string perspective;  // a plain note on whose side the text presents
  std::string file;         // the text's file name, for locators
  Origin origin;
};

enum class AssertionKind { Control, Claim, Designation };
const char* to_string(AssertionKind k);

struct Locator {
  std::string page;      // the article's own page reference, e.g. "s.152"
  std::string footnote;  // footnote number(s) in the text
  std::string lines;     // line range in the source file, e.g. "40-57"
  std::string text() const;
};

struct Assertion {
  std::string id;
  AssertionKind kind = AssertionKind::Control;
  std::string type;      // designation type; empty for control/claim
  int party = -1;        // polity index: controller, claimant, or who designates
  int beneficiary = -1;  // for designations made in favour of a polity (assigned, protectorate)
  int region = -1;
  Interval interval;
  int source = -1;
  Locator locator;
  std::string voice;               // "author" or the document the source quotes
  std::vector<std::string> cites;  // evidence the source cites for this statement
  std::string paraphrase;
  std::string confidence;      // high | medium | low
  std::string end_note;        // why the interval ends where it does
  std::vector<int> overrides;  // assertion indices this one explicitly overrides
  // The text takes this as given (a government seated in its capital, Soviet
  // power "established" somewhere) rather than saying it: YAML `asserted_as: presupposed`.
  bool presupposed = false;
  // The text gives no end (YAML `to: next`): on each piece the statement ends,
  // as an uncertain range, at the next firm date any loaded source gives there
  // (time/ends.hpp). `interval.to` is then open and must not be read alone.
  bool ends_at_next = false;
  // An assignment the texts do not report carried out (YAML `carried_out: not_reported`,
  // e.g. a treaty promising land that, the text says, the beneficiary did not come
  // to hold): a status that supersedes earlier assignments but ends no one's control (time/ends.cpp).
  bool carried_out_not_reported = false;
  // Assertions this one contradicts where the structure alone would not make a
  // conflict (made symmetric by the loader); `dating` marks the same event dated differently.
  std::vector<int> contradicts;
  bool dating_disagreement = false;    // YAML `disagreement: dating`: its `contradicts` date the same event
  std::vector<int> dates_differently;  // the subset of `contradicts` that are datings of the same event (symmetric)
  Origin origin;
};

// Designation types a tool may rely on. "assigned" (a treaty, decree or
// declaration assigns the region to a beneficiary) is exclusive like control.
bool is_known_designation(const std::string& type);
bool is_exclusive_designation(const std::string& type);
const std::vector<std::string>& known_designations();

class Atlas {
 public:
  std::vector<Piece> pieces;
  std::vector<Region> regions;
  std::vector<Polity> polities;
  std::vector<SourceSet> sets;
  std::vector<Source> sources;
  std::vector<Assertion> assertions;  // of the sets and sources in use only
  std::vector<Place> places;
  std::vector<BaseFeature> water, rivers, countries;  // optional base layers
  DatasetInfo dataset;  // what the dataset says about itself (title, credit, period, projections)

  int piece_index(const std::string& id) const { return find(piece_ids_, id); }
  int region_index(const std::string& id) const { return find(region_ids_, id); }
  int polity_index(const std::string& id) const { return find(polity_ids_, id); }
  int source_index(const std::string& id) const { return find(source_ids_, id); }
  int assertion_index(const std::string& id) const { return find(assertion_ids_, id); }
  int set_index(const std::string& id) const;

  // The uyezd (kind Uyezd) a piece lies in, or -1.
  int uyezd_of(int piece) const { return piece_uyezd_.at(static_cast<size_t>(piece)); }
  // The union of some pieces' geometries (GEOS), e.g. a region's or a state group's outline.
  GeometryPtr union_of(const std::vector<int>& pieces) const;

  // Is region a's piece set a strict subset of region b's?
  bool strictly_within(int a, int b) const;

  // Called by the loader once every table is filled: builds the id indexes,
  // expands region includes, and fills piece -> uyezd.
  void index();

 private:
  static int find(const std::map<std::string, int>& m, const std::string& id) {
    auto it = m.find(id);
    return it == m.end() ? -1 : it->second;
  }
  std::map<std::string, int> piece_ids_, region_ids_, polity_ids_, source_ids_, assertion_ids_;
  std::vector<int> piece_uyezd_;
};

}  // namespace histmap
