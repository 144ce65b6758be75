// For the loader fuzz targets: a private copy of a small valid dataset in a
// temporary folder, one of whose files the fuzzer replaces before each load.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace histmap::fuzz {

// The copy's folder, made on first use from $HISTMAP_FUZZ_BASE (default: the
// synthetic test dataset of this source tree).
const std::string& dataset_dir();

// Puts the original file back into every place the fuzzer may have replaced, then
// writes `data` to `relative` inside the copy and loads the whole dataset. The
// loader must report problems, never throw, crash or hang.
void load_with(const std::string& relative, const uint8_t* data, size_t size);

}  // namespace histmap::fuzz
