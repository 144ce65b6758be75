// Benchmark: loading the shipped data, building the resolver, and resolving
// every piece for every day 1918-01-01..1930-12-31. Prints medians; asserts nothing.
// Run: ./build/bench/bench_resolve [DATA_DIR] [REPEATS]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

#include "data/load.hpp"
#include "time/resolve.hpp"

using namespace histmap;
using Clock = std::chrono::steady_clock;

static double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

int main(int argc, char** argv) {
  std::string dir = argc > 1 ? argv[1] : default_data_dir();
  int repeats = argc > 2 ? std::max(1, std::atoi(argv[2])) : 7;
  std::vector<double> load_ms, build_ms, sweep_ms;
  long checksum = 0;
  size_t pieces = 0, assertions = 0, days = 0, points = 0;
  for (int i = 0; i < repeats; ++i) {
    auto t0 = Clock::now();
    Report report;
    auto atlas = load_atlas({dir, {}}, report);
    if (!atlas) {
      std::fprintf(stderr, "bench: %s does not load\n", dir.c_str());
      return 1;
    }
    auto t1 = Clock::now();
    Resolver r(*atlas);
    auto t2 = Clock::now();
    Day first = parse_day("1918-01-01"), last = parse_day("1930-12-31");
    for (Day d = first; d <= last; ++d)
      for (const PieceState* s : r.at(d)) checksum += s->controller + static_cast<long>(s->assertions.size());
    auto t3 = Clock::now();
    load_ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
    build_ms.push_back(std::chrono::duration<double, std::milli>(t2 - t1).count());
    sweep_ms.push_back(std::chrono::duration<double, std::milli>(t3 - t2).count());
    pieces = atlas->pieces.size();
    assertions = atlas->assertions.size();
    days = static_cast<size_t>(last - first + 1);
    points = r.change_points().size();
  }
  std::printf("data: %s (%zu pieces, %zu assertions, %zu change points)\n", dir.c_str(), pieces, assertions, points);
  std::printf("repeats: %d (medians below)\n", repeats);
  std::printf("load (parse YAML/GeoJSON, validate ids, areas): %8.1f ms\n", median(load_ms));
  std::printf("resolver build (all change points):              %8.1f ms\n", median(build_ms));
  std::printf("daily sweep %zu days x %zu pieces:               %8.1f ms  (%.0f ns per piece-day)\n", days, pieces,
              median(sweep_ms), median(sweep_ms) * 1e6 / static_cast<double>(days * pieces));
  std::printf("(checksum %ld)\n", checksum);
  return 0;
}
