// Benchmark: every stage once (median of REPEATS) on one dataset, for comparing a
// dataset with its scaled copies (bench/scale.sh): load, validate, resolver build,
// a daily sweep, the canvas of one 1600x1200 PNG and drawing it, GeoJSON for one
// date and the temporal GeoPackage. Prints "stage<TAB>ms" lines; asserts nothing.
// Run: ./build/bench/bench_scale DATA_DIR [REPEATS]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <vector>

#include "data/load.hpp"
#include "data/validate.hpp"
#include "export/export.hpp"
#include "render/map.hpp"
#include "time/resolve.hpp"

using namespace histmap;
using Clock = std::chrono::steady_clock;

namespace {

double median_ms(int repeats, const std::function<void()>& step) {
  std::vector<double> v;
  for (int i = 0; i < repeats; ++i) {
    auto a = Clock::now();
    step();
    v.push_back(std::chrono::duration<double, std::milli>(Clock::now() - a).count());
  }
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: bench_scale DATA_DIR [REPEATS]\n");
    return 2;
  }
  const std::string dir = argv[1];
  const int repeats = argc > 2 ? std::max(1, std::atoi(argv[2])) : 3;
  const std::string out = (std::filesystem::temp_directory_path() / "histmap-bench-scale").string();
  std::filesystem::create_directories(out);
  Report report;
  std::unique_ptr<Atlas> atlas;
  const double load = median_ms(repeats, [&] {
    Report r;
    atlas = load_atlas({dir, {}}, r);
  });
  if (!atlas) {
    std::fprintf(stderr, "bench_scale: %s does not load\n", dir.c_str());
    return 1;
  }
  std::printf("pieces\t%zu\nassertions\t%zu\nregions\t%zu\n", atlas->pieces.size(), atlas->assertions.size(),
              atlas->regions.size());
  std::printf("load\t%.1f\n", load);
  std::printf("validate\t%.1f\n", median_ms(repeats, [&] {
                Report r;
                validate_atlas(*atlas, ValidateOptions{}, r);
              }));
  std::unique_ptr<Resolver> resolver;
  std::printf("resolver_build\t%.1f\n", median_ms(repeats, [&] { resolver = std::make_unique<Resolver>(*atlas); }));
  long checksum = 0;
  std::printf("sweep_1918_1923\t%.1f\n", median_ms(repeats, [&] {
                for (Day d = parse_day("1918-01-01"); d <= parse_day("1923-12-31"); ++d)
                  for (const PieceState* s : resolver->at(d)) checksum += s->controller;
              }));
  Style style;
  load_style("default", style, report);
  MapOptions png;
  std::string err;
  parse_page_size("1600x1200", png.dpi, png.width_pt, png.height_pt, err);
  std::unique_ptr<MapCanvas> canvas;
  std::printf("canvas_png_1600x1200\t%.1f\n",
              median_ms(repeats, [&] { canvas = std::make_unique<MapCanvas>(*atlas, png, report); }));
  const Day day = parse_day("1920-12-01");
  std::printf("draw_png_1920_12_01\t%.1f\n",
              median_ms(repeats, [&] { canvas->render(*resolver, day, style, out + "/map.png", report); }));
  std::printf("geojson_1920_12_01\t%.1f\n",
              median_ms(repeats, [&] { checksum += geojson_for_date(*atlas, *resolver, day, false).size(); }));
  std::printf("temporal_gpkg\t%.1f\n", median_ms(repeats, [&] {
                std::filesystem::remove(out + "/t.gpkg");
                write_geopackage(*atlas, *resolver, out + "/t.gpkg", report);
              }));
  std::fprintf(stderr, "(checksum %ld)\n", checksum);
  std::filesystem::remove_all(out);
  return report.has_errors() ? 1 : 0;
}
