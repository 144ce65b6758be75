#include "dataset_dir.hpp"

#include <unistd.h>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include <cpl_conv.h>
#include <cpl_error.h>

#include "core/report.hpp"
#include "data/load.hpp"
#include "data/validate.hpp"

namespace histmap::fuzz {
namespace fs = std::filesystem;
namespace {

std::string read_all(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void write_all(const fs::path& p, const char* data, size_t size) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out.write(data, static_cast<std::streamsize>(size));
}

// Original contents of every file a target may replace, by relative path.
std::map<std::string, std::string>& originals() {
  static std::map<std::string, std::string> files;
  return files;
}

}  // namespace

const std::string& dataset_dir() {
  static const std::string dir = [] {
    const char* env = std::getenv("HISTMAP_FUZZ_BASE");
    const fs::path base = env && *env ? fs::path(env) : fs::path(HISTMAP_FUZZ_DEFAULT_BASE);
    // /dev/shm keeps a million small writes off the disk.
    const fs::path root = fs::exists("/dev/shm") ? fs::path("/dev/shm") : fs::temp_directory_path();
    const fs::path dir = root / ("histmap-fuzz-" + std::to_string(getpid()));
    fs::remove_all(dir);
    fs::copy(base, dir, fs::copy_options::recursive);
    for (const auto& e : fs::recursive_directory_iterator(dir))
      if (e.is_regular_file()) originals()[fs::relative(e.path(), dir).string()] = read_all(e.path());
    // The exit handler runs after this static is destroyed: it keeps its own copy.
    static const char* const kept = strdup(dir.c_str());
    std::atexit([] {
      std::error_code ec;
      fs::remove_all(kept, ec);
    });
    CPLSetErrorHandler(CPLQuietErrorHandler);  // GDAL's own messages are noise here
    setenv("HISTMAP_CACHE", "off", 1);         // every input is parsed, none fills the user's cache
    return dir.string();
  }();
  return dir;
}

void load_with(const std::string& relative, const uint8_t* data, size_t size) {
  const fs::path dir = dataset_dir();
  const auto it = originals().find(relative);
  write_all(dir / relative, reinterpret_cast<const char*>(data), size);
  Report report;
  LoadOptions options;
  options.data_dir = dir.string();
  auto atlas = load_atlas(options, report);
  // A load either gives an atlas or says why not.
  if (!atlas && !report.has_errors()) __builtin_trap();
  if (atlas) validate_atlas(*atlas, ValidateOptions{}, report);
  if (it != originals().end()) write_all(dir / relative, it->second.data(), it->second.size());
  else fs::remove(dir / relative);
}

}  // namespace histmap::fuzz
