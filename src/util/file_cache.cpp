#include "util/file_cache.hpp"

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>
#include <vector>

#include <unistd.h>

namespace histmap {
namespace fs = std::filesystem;

namespace {

constexpr char kMagic[8] = {'H', 'M', 'C', 'A', 'C', 'H', 'E', '1'};

std::string entry_path(const std::string& dir, const std::string& kind, uint64_t key) {
  char name[64];
  std::snprintf(name, sizeof name, "-%016llx.bin", static_cast<unsigned long long>(key));
  return dir + "/" + kind + name;
}

uint64_t checksum(std::string_view payload) { return Hasher().text(payload).value(); }

// Keeps the newest kKeep entries of a kind, so a folder fed many datasets or sizes stays small.
void prune(const std::string& dir, const std::string& kind) {
  constexpr size_t kKeep = 24;
  std::vector<std::pair<fs::file_time_type, fs::path>> entries;
  std::error_code ec;
  for (auto it = fs::directory_iterator(dir, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (name.rfind(kind + "-", 0) == 0 && it->path().extension() == ".bin")
      entries.emplace_back(fs::last_write_time(it->path(), ec), it->path());
  }
  if (entries.size() <= kKeep) return;
  std::sort(entries.begin(), entries.end(), std::greater<>());
  for (size_t i = kKeep; i < entries.size(); ++i) fs::remove(entries[i].second, ec);
}

}  // namespace

Hasher& Hasher::bytes(const void* data, size_t n) {
  const auto* p = static_cast<const unsigned char*>(data);
  uint64_t h = h_;
  for (size_t i = 0; i < n; ++i) h = (h ^ p[i]) * 1099511628211ull;
  h_ = h;
  return *this;
}

Hasher& Hasher::text(std::string_view s) {
  integer(static_cast<int64_t>(s.size()));
  return bytes(s.data(), s.size());
}

std::string cache_dir() {
  const char* off = std::getenv("HISTMAP_CACHE");
  if (off && std::string(off) == "off") return "";
  const char* xdg = std::getenv("XDG_CACHE_HOME");
  if (xdg && *xdg == '/') return std::string(xdg) + "/histmap";
  const char* home = std::getenv("HOME");
  if (home && *home == '/') return std::string(home) + "/.cache/histmap";
  return "";
}

uint64_t program_identity() {
  // The executable and every shared library mapped so far (GDAL, GEOS, PROJ, Cairo...), by
  // path, size and time: an upgraded library may compute differently too.
  static const uint64_t id = [] {
    std::ifstream maps("/proc/self/maps");
    std::set<std::string> files;
    for (std::string line; std::getline(maps, line);)
      if (auto slash = line.find('/'); slash != std::string::npos) files.insert(line.substr(slash));
    Hasher h;
    for (const auto& f : files) {
      std::error_code ec;
      h.text(f);
      h.integer(static_cast<int64_t>(fs::file_size(f, ec)));
      h.integer(static_cast<int64_t>(fs::last_write_time(f, ec).time_since_epoch().count()));
    }
    return h.value();
  }();
  return id;
}

std::optional<std::string> read_cached(const std::string& kind, uint64_t key) {
  std::string dir = cache_dir();
  if (dir.empty()) return std::nullopt;
  std::ifstream in(entry_path(dir, kind, key), std::ios::binary);
  if (!in) return std::nullopt;
  std::string all((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  constexpr size_t head = sizeof kMagic + 3 * sizeof(uint64_t);
  if (all.size() < head || std::memcmp(all.data(), kMagic, sizeof kMagic) != 0) return std::nullopt;
  uint64_t stored_key, size, sum;
  std::memcpy(&stored_key, all.data() + 8, 8);
  std::memcpy(&size, all.data() + 16, 8);
  std::memcpy(&sum, all.data() + 24, 8);
  if (stored_key != key || size != all.size() - head) return std::nullopt;
  std::string payload = all.substr(head);
  if (checksum(payload) != sum) return std::nullopt;
  return payload;
}

void write_cached(const std::string& kind, uint64_t key, const std::string& payload) {
  std::string dir = cache_dir();
  if (dir.empty()) return;
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return;
  std::string path = entry_path(dir, kind, key);
  static std::atomic<unsigned> serial{0};  // canvases may be made on several threads at once
  std::string tmp = path + ".tmp" + std::to_string(::getpid()) + "-" + std::to_string(serial++);
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return;
    uint64_t size = payload.size(), sum = checksum(payload);
    out.write(kMagic, sizeof kMagic);
    out.write(reinterpret_cast<const char*>(&key), 8);
    out.write(reinterpret_cast<const char*>(&size), 8);
    out.write(reinterpret_cast<const char*>(&sum), 8);
    out.write(payload.data(), static_cast<std::streamsize>(payload.size()));
    if (!out.flush()) {
      out.close();
      fs::remove(tmp, ec);
      return;
    }
  }
  fs::rename(tmp, path, ec);
  if (ec) fs::remove(tmp, ec);
  else prune(dir, kind);
}

}  // namespace histmap
