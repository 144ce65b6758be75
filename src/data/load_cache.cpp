#include "data/load_cache.hpp"

#include <cstring>
#include <fstream>

#include "util/file_cache.hpp"

namespace histmap::load_cache {

namespace {

constexpr int64_t kFormat = 1;  // bump when what is stored changes

// A feature: some strings and a geometry (WKB); a table: a count and its features.
void put_count(std::string& out, uint64_t n) { out.append(reinterpret_cast<const char*>(&n), sizeof n); }

void put_text(std::string& out, const std::string& s) {
  put_count(out, s.size());
  out += s;
}

void put_geometry(std::string& out, const OGRGeometry& g) {
  std::string wkb(g.WkbSize(), '\0');
  g.exportToWkb(wkbNDR, reinterpret_cast<unsigned char*>(wkb.data()));
  put_text(out, wkb);
}

struct Reader {
  const std::string& in;
  size_t at = 0;
  bool ok = true;
  uint64_t count() {  // a count or length, never more than the bytes left
    uint64_t n = 0;
    if (!ok || in.size() - at < sizeof n) return ok = false, 0;
    std::memcpy(&n, in.data() + at, sizeof n);
    at += sizeof n;
    if (n > in.size() - at) return ok = false, 0;
    return n;
  }
  std::string text() {
    uint64_t n = count();
    std::string s = ok ? in.substr(at, n) : "";
    at += n;
    return s;
  }
  GeometryPtr geometry() {
    std::string wkb = text();
    OGRGeometry* g = nullptr;
    if (!ok || OGRGeometryFactory::createFromWkb(wkb.data(), nullptr, &g, wkb.size()) != OGRERR_NONE || !g) {
      ok = false;
      return nullptr;
    }
    return GeometryPtr(g);
  }
};

}  // namespace

uint64_t file_key(const std::filesystem::path& path, const char* kind) {
  if (cache_dir().empty()) return 0;
  std::error_code ec;
  auto size = std::filesystem::file_size(path, ec);  // fails for a folder or a dangling link
  if (ec) return 0;
  std::string bytes(size, '\0');
  std::ifstream in(path, std::ios::binary);
  if (!in.read(bytes.data(), static_cast<std::streamsize>(size))) return 0;
  uint64_t key = Hasher()
                     .integer(kFormat)
                     .integer(static_cast<int64_t>(program_identity()))
                     .text(kind)
                     .text(path.string())
                     .text(bytes)
                     .value();
  return key ? key : 1;
}

void write_pieces(uint64_t key, const std::vector<Piece>& pieces, size_t first) {
  std::string out;
  put_count(out, pieces.size() - first);
  for (size_t i = first; i < pieces.size(); ++i) {
    put_text(out, pieces[i].id);
    put_text(out, pieces[i].name);
    put_text(out, pieces[i].origin.file);
    put_geometry(out, *pieces[i].geometry);
  }
  write_cached("pieces", key, out);
}

bool read_pieces(uint64_t key, std::vector<Piece>& out) {
  auto payload = read_cached("pieces", key);
  if (!payload) return false;
  Reader r{*payload};
  std::vector<Piece> got(r.count());
  for (Piece& p : got) {
    p.id = r.text();
    p.name = r.text();
    p.origin.file = r.text();
    p.geometry = r.geometry();
    auto type = p.geometry ? wkbFlatten(p.geometry->getGeometryType()) : wkbUnknown;
    if (type != wkbPolygon && type != wkbMultiPolygon) r.ok = false;  // what load_pieces lets through
  }
  if (!r.ok || r.at != payload->size()) return false;
  for (Piece& p : got) out.push_back(std::move(p));
  return true;
}

uint64_t areas_key(uint64_t pieces_key, const std::string& equal_area_crs) {
  return Hasher().integer(static_cast<int64_t>(pieces_key)).text(equal_area_crs).value();
}

void write_areas(uint64_t key, const std::vector<Piece>& pieces) {
  std::string out;
  put_count(out, pieces.size());
  for (const Piece& p : pieces) out.append(reinterpret_cast<const char*>(&p.area_km2), sizeof p.area_km2);
  write_cached("areas", key, out);
}

bool read_areas(uint64_t key, std::vector<Piece>& pieces) {
  auto payload = read_cached("areas", key);
  if (!payload) return false;
  Reader r{*payload};
  if (r.count() != pieces.size() || !r.ok || payload->size() - r.at != pieces.size() * sizeof(double)) return false;
  for (size_t i = 0; i < pieces.size(); ++i)
    std::memcpy(&pieces[i].area_km2, payload->data() + r.at + i * sizeof(double), sizeof(double));
  return true;
}

void write_base_layer(uint64_t key, const std::vector<BaseFeature>& features, size_t first) {
  std::string out;
  put_count(out, features.size() - first);
  for (size_t i = first; i < features.size(); ++i) {
    put_text(out, features[i].kind);
    put_text(out, features[i].name);
    put_geometry(out, *features[i].geometry);
  }
  write_cached("base", key, out);
}

bool read_base_layer(uint64_t key, std::vector<BaseFeature>& out) {
  auto payload = read_cached("base", key);
  if (!payload) return false;
  Reader r{*payload};
  std::vector<BaseFeature> got(r.count());
  for (BaseFeature& b : got) {
    b.kind = r.text();
    b.name = r.text();
    b.geometry = r.geometry();
  }
  if (!r.ok || r.at != payload->size()) return false;
  for (BaseFeature& b : got) out.push_back(std::move(b));
  return true;
}

}  // namespace histmap::load_cache
