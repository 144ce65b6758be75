// GeoJSON tables (pieces, base layers) kept between runs in the file cache
// (util/file_cache): parsing a few megabytes of GeoJSON and checking every
// polygon with GEOS is most of a load. An entry is found by a hash of the
// file's bytes, its path and this build of histmap, and stored only for a file
// that loaded without a finding, so what comes back is what parsing gives.
// Internal to the data stage.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "model/atlas.hpp"

namespace histmap::load_cache {

// The key of a source file's entry; 0 when the file cannot be read or caching is off.
uint64_t file_key(const std::filesystem::path& path, const char* kind);

bool read_pieces(uint64_t key, std::vector<Piece>& out);
void write_pieces(uint64_t key, const std::vector<Piece>& pieces, size_t first);
// Piece areas, under the pieces' key and the equal-area CRS named in dataset.yaml (if any).
uint64_t areas_key(uint64_t pieces_key, const std::string& equal_area_crs);
bool read_areas(uint64_t key, std::vector<Piece>& pieces);
void write_areas(uint64_t key, const std::vector<Piece>& pieces);
bool read_base_layer(uint64_t key, std::vector<BaseFeature>& out);
void write_base_layer(uint64_t key, const std::vector<BaseFeature>& features, size_t first);

}  // namespace histmap::load_cache
