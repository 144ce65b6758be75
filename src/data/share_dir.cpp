#include "data/share_dir.hpp"

#include <filesystem>
#include <system_error>

namespace histmap {
namespace fs = std::filesystem;

std::string share_dir() {
  static const std::string dir = [] {
    std::error_code ec;
    // Relative to the binary, so an installed tree can be moved (cmake --install --prefix P).
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
      const fs::path installed = exe.parent_path().parent_path() / "share" / "histmap";
      if (fs::is_directory(installed / "geodata", ec)) return installed.string();
    }
    return std::string(HISTMAP_SOURCE_DIR);
  }();
  return dir;
}

}  // namespace histmap
