// The canvas's projected outlines, kept between runs (util/file_cache): found by a
// hash of everything they are made from (the atlas's geometry, names and regions,
// the map options, the projection and fit), so a changed input is never served old
// outlines; a damaged entry reads as not cached.
#pragma once

#include <cstdint>

#include "render/canvas_impl.hpp"

namespace histmap {

uint64_t canvas_key(const Atlas& atlas, const MapOptions& options, const MapCanvas::Impl& im);
// Fills im's outlines, labels and places from the cache; false (im untouched) when not
// there or not whole (an outline per piece, labels of the atlas's regions).
bool load_cached_outlines(uint64_t key, const Atlas& atlas, MapCanvas::Impl& im);
void store_cached_outlines(uint64_t key, const MapCanvas::Impl& im);

}  // namespace histmap
