// libFuzzer target: the YAML loaders (regions, polities, sources, assertions)
// through the strict YAML reader. The first byte picks the file the rest
// replaces in a copy of a small valid dataset; the whole dataset is then loaded
// and, when it loads, validated.
#include <cstddef>
#include <cstdint>
#include <string>

#include "dataset_dir.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  static const char* const kFiles[] = {"regions.yaml", "polities.yaml", "sources.yaml", "assertions/one.yaml"};
  const std::string file = kFiles[data[0] % 4];
  histmap::fuzz::load_with(file, data + 1, size - 1);
  return 0;
}
