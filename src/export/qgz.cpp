// A minimal zip writer (method 0, "stored"): enough for a .qgz, which QGIS
// opens as a zip holding the .qgs. Fixed DOS time 1980-01-01 keeps bytes stable.
#include <array>
#include <cstdint>

#include "export/qgis_parts.hpp"

namespace histmap::qgis {
namespace {

uint32_t crc32(const std::string& data) {
  static const std::array<uint32_t, 256> table = [] {
    std::array<uint32_t, 256> t{};
    for (uint32_t i = 0; i < 256; ++i) {
      uint32_t c = i;
      for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
      t[i] = c;
    }
    return t;
  }();
  uint32_t c = 0xFFFFFFFFu;
  for (unsigned char b : data) c = table[(c ^ b) & 0xFF] ^ (c >> 8);
  return c ^ 0xFFFFFFFFu;
}

void put16(std::string& o, uint32_t v) {
  o += static_cast<char>(v & 0xFF);
  o += static_cast<char>((v >> 8) & 0xFF);
}
void put32(std::string& o, uint32_t v) {
  put16(o, v & 0xFFFF);
  put16(o, v >> 16);
}

// Version needed, flags (bit 11: UTF-8 names), method 0, DOS time 0, date 1980-01-01, crc, sizes, name length.
void common_header(std::string& o, uint32_t crc, uint32_t size, size_t name_len) {
  put16(o, 20);
  put16(o, 0x0800);
  put16(o, 0);
  put16(o, 0);
  put16(o, (0 << 9) | (1 << 5) | 1);
  put32(o, crc);
  put32(o, size);
  put32(o, size);
  put16(o, static_cast<uint32_t>(name_len));
  put16(o, 0);
}

}  // namespace

std::string stored_zip(const std::vector<std::pair<std::string, std::string>>& files) {
  std::string out, central;
  for (const auto& [name, data] : files) {
    const uint32_t offset = static_cast<uint32_t>(out.size()), crc = crc32(data),
                   size = static_cast<uint32_t>(data.size());
    put32(out, 0x04034b50);
    common_header(out, crc, size, name.size());
    out += name + data;
    put32(central, 0x02014b50);
    put16(central, 20);  // made by
    common_header(central, crc, size, name.size());
    put16(central, 0);  // comment length
    put16(central, 0);  // disk
    put16(central, 0);  // internal attributes
    put32(central, 0);  // external attributes
    put32(central, offset);
    central += name;
  }
  const uint32_t central_at = static_cast<uint32_t>(out.size());
  out += central;
  put32(out, 0x06054b50);
  put16(out, 0);
  put16(out, 0);
  put16(out, static_cast<uint32_t>(files.size()));
  put16(out, static_cast<uint32_t>(files.size()));
  put32(out, static_cast<uint32_t>(central.size()));
  put32(out, central_at);
  put16(out, 0);
  return out;
}

}  // namespace histmap::qgis
