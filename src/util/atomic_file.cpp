#include "util/atomic_file.hpp"

#include <unistd.h>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace histmap {
namespace fs = std::filesystem;

std::string temp_path_for(const std::string& path) {
  fs::path p(path);
  fs::path dir = p.has_parent_path() ? p.parent_path() : fs::path(".");
  if (!fs::is_directory(dir))
    throw OutputError(path + ": folder " + dir.string() + " does not exist; create it first or choose another path");
  if (access(dir.c_str(), W_OK) != 0)
    throw OutputError(path + ": folder " + dir.string() + " is not writable (" + std::strerror(errno) + ")");
  // Keeps the extension last: drivers (GeoPackage, Cairo) look at it.
  return (dir / ("." + p.stem().string() + ".tmp" + std::to_string(getpid()) + p.extension().string())).string();
}

std::string temp_path_or_report(const std::string& path, Report& report) {
  try {
    return temp_path_for(path);
  } catch (const OutputError& e) {
    report.error(path, e.what());
    return {};
  }
}

void commit_temp(const std::string& temp, const std::string& path) {
  std::error_code ec;
  fs::rename(temp, path, ec);
  if (ec) {
    fs::remove(temp, ec);
    throw OutputError(path + ": cannot move the finished file into place (" + ec.message() + ")");
  }
}

void write_file_atomic(const std::string& path, const std::string& content, bool overwrite) {
  if (fs::is_directory(path)) throw OutputError(path + ": is a folder; give a file name");
  if (!overwrite && fs::exists(path)) throw OutputError(path + ": exists; pass --force to overwrite it");
  std::string tmp = temp_path_for(path);
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) throw OutputError(path + ": cannot create a temporary file beside it (" + std::strerror(errno) + ")");
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    out.flush();
    if (!out) {
      out.close();
      std::error_code ec;
      fs::remove(tmp, ec);
      throw OutputError(path + ": writing failed (disk full?)");
    }
  }
  commit_temp(tmp, path);
}

}  // namespace histmap
