// Benchmark: map rendering, with data loading and the date-independent canvas
// (projection, outlines, uyezd lines) timed apart from drawing one date.
// Run: ./build-release/bench/bench_render [REPEATS]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <vector>

#include "data/load.hpp"
#include "render/map.hpp"

using namespace histmap;
using Clock = std::chrono::steady_clock;

static double ms(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double, std::milli>(b - a).count();
}
static double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

int main(int argc, char** argv) {
  int repeats = argc > 1 ? std::max(1, std::atoi(argv[1])) : 5;
  auto t0 = Clock::now();
  Report report;
  auto atlas = load_atlas({default_data_dir(), {}}, report);
  if (!atlas) return 1;
  Resolver resolver(*atlas);
  auto t1 = Clock::now();
  Style style;
  load_style("default", style, report);
  std::string dir = std::filesystem::temp_directory_path() / "histmap-bench";
  std::filesystem::create_directories(dir);
  std::printf("load data + resolver: %.0f ms\n", ms(t0, t1));
  struct Case {
    const char* name;
    MapOptions opt;
    const char* file;
  };
  MapOptions png;
  std::string err;
  parse_page_size("1600x1200", png.dpi, png.width_pt, png.height_pt, err);
  MapOptions pdf;
  pdf.dpi = 300;
  parse_page_size("297x210mm", pdf.dpi, pdf.width_pt, pdf.height_pt, err);
  for (const Case& c : {Case{"PNG 1600x1200", png, "/map.png"}, Case{"PDF A4 300 dpi", pdf, "/map.pdf"}}) {
    std::vector<double> setup, draw;
    for (int i = 0; i < repeats; ++i) {
      auto a = Clock::now();
      MapCanvas canvas(*atlas, c.opt, report);
      auto b = Clock::now();
      // Drawing only: the canvas is reused, as animation frames reuse it.
      for (const char* d : {"1920-08-20", "1920-12-15"}) {
        auto x = Clock::now();
        canvas.render(resolver, parse_day(d), style, dir + c.file, report);
        draw.push_back(ms(x, Clock::now()));
      }
      setup.push_back(ms(a, b));
    }
    std::printf("%-16s canvas set-up %7.1f ms   drawing one date %7.1f ms (median of %zu)\n", c.name, median(setup),
                median(draw), draw.size());
  }
  std::filesystem::remove_all(dir);
  return report.has_errors() ? 1 : 0;
}
