#include "geodata/report.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>
#include <set>
#include <sstream>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

namespace histmap {
namespace {

constexpr double kKm2PerSquareVerst = 1.138;  // the rounding the reference table uses
constexpr double kWithin = 0.10;              // "within 10% of the historical area"
constexpr double kFarOff = 0.25;              // the limit for any one uyezd

std::string text_field(OGRFeature& f, const char* name) {
  int i = f.GetFieldIndex(name);
  return i >= 0 && f.IsFieldSetAndNotNull(i) ? f.GetFieldAsString(i) : "";
}

// Parses a non-negative number; "" is 0. Returns false on anything else.
bool parse_figure(const std::string& s, double& out) {
  out = 0;
  if (s.empty()) return true;
  char* end = nullptr;
  out = std::strtod(s.c_str(), &end);
  return end && *end == '\0' && out >= 0 && std::isfinite(out);
}

std::string fmt(const char* format, double v) {
  char b[64];
  std::snprintf(b, sizeof b, format, v);
  return b;
}

std::string region_label(const ReportRegion& r) { return r.id + " (" + r.name_en + ")"; }

}  // namespace

std::vector<ReferenceArea> read_reference_areas(const std::string& path, const std::vector<std::string>& uyezds,
                                                Report& report) {
  std::vector<ReferenceArea> out;
  CPLErrorReset();
  std::unique_ptr<GDALDataset> ds(
      GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
  if (!ds || ds->GetLayerCount() < 1) {
    report.error(path, "cannot be opened as a CSV table (region,square_versts,km2,source,url,locator,note,gap)");
    return out;
  }
  OGRLayer* layer = ds->GetLayer(0);
  for (const char* col : {"region", "square_versts", "km2", "source", "url", "locator", "note", "gap"})
    if (layer->GetLayerDefn()->GetFieldIndex(col) < 0) report.error(path, std::string("has no column '") + col + "'");
  if (report.has_errors()) return out;
  std::set<std::string> known(uyezds.begin(), uyezds.end()), seen;
  int line = 1;
  for (auto& f : *layer) {
    ReferenceArea r;
    r.line = ++line;
    std::string at = path + ":" + std::to_string(line);
    r.region = text_field(*f, "region");
    for (auto [col, dest] :
         {std::pair{"source", &r.source}, {"url", &r.url}, {"locator", &r.locator}, {"note", &r.note}, {"gap", &r.gap}})
      *dest = text_field(*f, col);
    if (!known.count(r.region))
      report.error(at, "region '" + r.region + "' is not an uyezd or okrug of regions.in.yaml");
    if (!seen.insert(r.region).second) report.error(at, "region '" + r.region + "' has a second row");
    if (!parse_figure(text_field(*f, "square_versts"), r.square_versts) || !parse_figure(text_field(*f, "km2"), r.km2))
      report.error(at, "square_versts and km2 must be plain numbers (e.g. 4315.6) or empty");
    if (r.square_versts > 0 && std::abs(r.square_versts * kKm2PerSquareVerst - r.km2) > 0.005 * r.km2 + 1)
      report.error(at, "km2 " + fmt("%.1f", r.km2) +
                           " is not square_versts × 1.138 = " + fmt("%.1f", r.square_versts * kKm2PerSquareVerst));
    if (r.km2 > 0 && (r.source.empty() || r.url.empty() || r.locator.empty()))
      report.error(at, "a figure needs its source, url and locator (where in the page it stands)");
    out.push_back(std::move(r));
  }
  for (const auto& id : uyezds)
    if (!seen.count(id))
      report.error(path, "uyezd '" + id + "' has no row (leave the figures empty if none was found)");
  return out;
}

namespace {

void write_reference_section(std::ostringstream& rep, const GeodataSummary& s, const std::vector<ReferenceArea>& refs,
                             const std::map<std::string, double>& area) {
  std::map<std::string, const ReferenceArea*> by_region;
  for (const auto& r : refs) by_region[r.region] = &r;
  int within = 0, compared = 0, missing = 0, far_off = 0;
  std::vector<double> abs_diffs;
  std::ostringstream rows, gaps;
  for (const auto& reg : s.regions) {
    if (reg.kind != "uyezd" || !by_region.count(reg.id)) continue;
    const ReferenceArea& r = *by_region.at(reg.id);
    double a = area.at(reg.id);
    if (r.km2 <= 0) {
      ++missing;
      rows << "| " << reg.id << " | " << fmt("%.0f", a) << " | not found | | | " << r.note << " |\n";
      continue;
    }
    ++compared;
    double diff = a / r.km2 - 1;
    bool ok = std::abs(diff) <= kWithin;
    within += ok;
    far_off += std::abs(diff) > kFarOff;
    abs_diffs.push_back(std::abs(diff));
    rows << "| " << reg.id << " | " << fmt("%.0f", a) << " | " << fmt("%.0f", r.km2) << " | "
         << (r.square_versts > 0 ? fmt("%.1f", r.square_versts) : "(km² only)") << " | " << fmt("%+.0f%%", diff * 100)
         << (ok ? "" : " **over 10%**") << " | [" << r.source << "](" << r.url << "), " << r.locator << " |\n";
    if (!ok) gaps << "- **" << reg.id << "** (" << fmt("%+.0f%%", diff * 100) << "): " << r.gap << "\n";
  }
  std::sort(abs_diffs.begin(), abs_diffs.end());
  size_t n = abs_diffs.size();
  double median = n == 0 ? 0 : n % 2 ? abs_diffs[n / 2] : (abs_diffs[n / 2 - 1] + abs_diffs[n / 2]) / 2;
  rep << "## Reconstructed and historical areas\n\n"
         "Historical areas from `source/reference_areas.csv`: Strelbitsky's figures in square versts as\n"
         "Brockhaus–Efron and Russian-language reference pages quote them, otherwise the Caucasian calendar's\n"
         "figures of 1912-1917 (the sum of an uyezd's uchastoks, or its 1916 total in km²); the calendar's\n"
         "figures are also taken where two neighbours' figures show their common line drawn differently\n"
         "after Strelbitsky's survey (Nukha and Aresh); 1 square verst = 1.138 km². Each row names the page\n"
         "and the place in it; the table's `note` column says which figure was taken where pages differ.\n\n"
         "Water: Strelbitsky measured an uyezd's whole surface, lakes included (Brockhaus–Efron gives Kars\n"
         "oblast's 16,384.8 sq versts \"including 118.6 under lakes\"), so lakes inside an uyezd count here too:\n"
         "Lake Sevan (Goycha) is filled into Novo-Bayazet uyezd (splits.yaml, `lake_sevan`), smaller lakes and\n"
         "reservoirs into the piece around them, rivers into the districts they cross. The Caspian and the\n"
         "Black Sea are not counted: the pieces end at the coastline of the district layers.\n\n"
      << within << " of " << compared << " uyezds and okrugs with a figure lie within 10% of it; " << far_off
      << " are more than 25% off; the median absolute difference is " << fmt("%.1f%%", median * 100) << "; " << missing
      << " have no figure.\n\n"
         "| region | reconstructed km² | historical km² | historical sq versts | difference | source |\n"
         "|---|---:|---:|---:|---:|---|\n"
      << rows.str();
  if (!gaps.str().empty()) rep << "\nWhy the rest differ by more than 10%:\n\n" << gaps.str();
}

}  // namespace

std::string geodata_report_markdown(const GeodataSummary& s, const std::vector<ReferenceArea>& refs) {
  std::map<std::string, const ReportPiece*> piece;
  for (const auto& p : s.pieces) piece[p.id] = &p;
  std::ostringstream rep;
  rep << "# Geometry report\n\nGenerated by `histmap geodata build`; do not edit. How each uyezd was\n"
         "reconstructed from modern districts, how large it comes out, and how sure we are.\n\n"
         "Boundaries: geoBoundaries (Runfola et al. 2020, PLoS ONE 15(4): e0231866), CC BY-SA 3.0, CC BY 3.0 IGO\n"
         "and ODbL; Armenia administrative boundaries: Government of Armenia, OCHA ROCCA, via geoBoundaries\n"
         "(CC BY 3.0 IGO); © OpenStreetMap contributors (ODbL). See LICENSE.\n\n"
      << "Seams: " << fmt("%.1f", s.overlap_removed_km2)
      << " km² of overlap between providers removed (the earlier of GEO, AZE, ARM, TUR keeps it); " << s.holes_filled
      << " enclosed gap(s) totalling " << fmt("%.2f", s.holes_km2)
      << " km² given to the neighbouring piece that borders them most.\n\n"
         "Confidence: high = the modern district is the uyezd's core and its seat; medium = it lay in the\n"
         "uyezd by position, with edges that may differ; low = a guess, or a district split between\n"
         "several uyezds in reality.\n\n"
         "## Uyezds and okrugs\n\n| region | reconstructed km² | square versts | pieces (modern districts) | lowest "
         "confidence |\n|---|---:|---:|---|---|\n";
  auto conf_rank = [](const std::string& c) { return c == "low" ? 0 : c == "medium" ? 1 : 2; };
  std::map<std::string, double> area;
  for (const auto& r : s.regions) {
    double a = 0;
    std::string list, conf = "high";
    for (const auto& pid : r.pieces) {
      const ReportPiece& p = *piece.at(pid);
      a += p.area_km2;
      list += (list.empty() ? "" : ", ") + p.districts + (p.name != p.districts ? " (part)" : "");
      if (conf_rank(p.confidence) < conf_rank(conf)) conf = p.confidence;
    }
    area[r.id] = a;
    if (r.kind == "uyezd")
      rep << "| " << region_label(r) << " | " << fmt("%.0f", a) << " | " << fmt("%.0f", a / 1.1381) << " | " << list
          << " | " << conf << " |\n";
  }
  rep << "\n## Named parts\n\n| region | reconstructed km² | square versts | pieces |\n|---|---:|---:|---|\n";
  for (const auto& r : s.regions) {
    if (r.kind != "part" || r.pieces.empty()) continue;
    std::string list;
    for (const auto& pid : r.pieces) list += (list.empty() ? "" : ", ") + pid;
    rep << "| " << r.id << " | " << fmt("%.0f", area[r.id]) << " | " << fmt("%.0f", area[r.id] / 1.1381) << " | "
        << list << " |\n";
  }
  rep << "\n";
  write_reference_section(rep, s, refs, area);
  rep << "\n## The one area the shipped texts state\n\nText 004 (line 173, fn. 68) puts the Sharur-Daralagez "
         "uyezd together with the Goycha mahal at about 11,000 km².\n\n"
         "| what | stated | reconstructed | difference |\n|---|---:|---:|---:|\n";
  double sg = area["sharur_daralagez"] + area["goycha"];
  rep << "| sharur_daralagez + goycha | 11000 | " << fmt("%.0f", sg) << " | " << fmt("%+.0f%%", (sg / 11000 - 1) * 100)
      << " |\n\n## Splits of modern districts\n\n";
  for (const auto& [id, note] : s.mask_notes) rep << "- `" << id << "`: " << note << "\n";
  rep << "\n## Crosswalk reasons\n\n| piece | uyezd | parts | confidence | reason |\n|---|---|---|---|---|\n";
  for (const auto& p : s.pieces) {
    std::string parts;
    for (const auto& x : p.parts) parts += (parts.empty() ? "" : " ") + x;
    rep << "| " << p.id << " | " << p.uyezd << " | " << parts << " | " << p.confidence << " | " << p.reason << " |\n";
  }
  if (s.base_layers) {
    rep << "\n## Base layers\n\n";
    for (const auto& [name, km2] : s.named_water)
      rep << "- " << name << ": " << fmt("%.0f", km2) << " km² within the map frame\n";
  }
  return rep.str();
}

}  // namespace histmap
