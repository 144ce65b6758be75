// libFuzzer target: the GeoJSON loaders (pieces, and places beside them). The
// first byte picks the file (even: pieces.geojson, odd: places.geojson) the rest
// replaces in a copy of a small valid dataset, which is then loaded and validated.
#include <cstddef>
#include <cstdint>
#include <string>

#include "dataset_dir.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  const std::string file = data[0] % 2 == 0 ? "pieces.geojson" : "places.geojson";
  histmap::fuzz::load_with(file, data + 1, size - 1);
  return 0;
}
