// A small on-disk cache for work that depends only on its inputs (the map's
// projected outlines, say): entries are found by a hash of those inputs, so a
// changed input never finds an old entry. Kept in $XDG_CACHE_HOME/histmap (else
// ~/.cache/histmap); HISTMAP_CACHE=off turns it off. Every failure (no such
// folder, no permission, a damaged or foreign file) reads as "not cached".
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace histmap {

// FNV-1a, 64 bits, fed piece by piece; numbers are hashed by their bytes, strings with their length.
class Hasher {
 public:
  Hasher& bytes(const void* data, size_t n);
  Hasher& text(std::string_view s);
  Hasher& number(double v) { return bytes(&v, sizeof v); }
  Hasher& integer(int64_t v) { return bytes(&v, sizeof v); }
  uint64_t value() const { return h_; }

 private:
  uint64_t h_ = 14695981039346656037ull;
};

// The folder entries go to, or "" when caching is off.
std::string cache_dir();

// Identifies this build of histmap and the libraries it runs with (size and time of
// each file): a rebuilt program may compute differently, so it does not read an older one's entries.
uint64_t program_identity();

// The entry `kind` for `key`, if one is stored and whole (its checksum matches).
std::optional<std::string> read_cached(const std::string& kind, uint64_t key);
// Stores it (a temporary file renamed into place); failures are silent.
void write_cached(const std::string& kind, uint64_t key, const std::string& payload);

}  // namespace histmap
