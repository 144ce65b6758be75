#include "render/canvas_cache.hpp"

#include <cstring>
#include <type_traits>

#include "util/file_cache.hpp"

namespace histmap {

namespace {

constexpr int64_t kFormat = 2;  // bump when what is stored, or how it is computed, changes

void hash_geometry(Hasher& h, const OGRGeometry* g) {
  if (!g) {
    h.integer(-1);
    return;
  }
  std::string wkb(g->WkbSize(), '\0');
  g->exportToWkb(wkbNDR, reinterpret_cast<unsigned char*>(wkb.data()));
  h.text(wkb);
}

void hash_names(Hasher& h, const Names& names) {
  h.integer(static_cast<int64_t>(names.size()));
  for (const auto& [lang, name] : names) h.text(lang).text(name);
}

// Appends plain values and vectors to a byte string.
struct Writer {
  std::string out;
  template <class T>
  void pod(const T& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    out.append(reinterpret_cast<const char*>(&v), sizeof v);
  }
  void text(const std::string& s) {
    pod<uint64_t>(s.size());
    out += s;
  }
  void shape(const Shape& s) {
    pod<uint64_t>(s.size());
    for (const Ring& r : s) {
      pod<uint64_t>(r.size());
      out.append(reinterpret_cast<const char*>(r.data()), r.size() * sizeof(Pt));
    }
  }
  void shapes(const std::vector<Shape>& v) {
    pod<uint64_t>(v.size());
    for (const auto& s : v) shape(s);
  }
};

// Reads them back; any read past the end makes ok false (and reads zeros).
struct Reader {
  const std::string& in;
  size_t at = 0;
  bool ok = true;
  bool take(void* dst, size_t n) {
    if (!ok || n > in.size() - at) return ok = false;
    std::memcpy(dst, in.data() + at, n);
    at += n;
    return true;
  }
  template <class T>
  T pod() {
    T v{};
    take(&v, sizeof v);
    return v;
  }
  size_t count(size_t unit) {  // a length that must fit in what is left
    auto n = pod<uint64_t>();
    if (ok && n > (in.size() - at) / unit) ok = false;
    return ok ? static_cast<size_t>(n) : 0;
  }
  std::string text() {
    std::string s(count(1), '\0');
    take(s.data(), s.size());
    return s;
  }
  Shape shape() {
    Shape s(count(sizeof(uint64_t)));
    for (Ring& r : s) {
      r.resize(count(sizeof(Pt)));
      take(r.data(), r.size() * sizeof(Pt));
    }
    return s;
  }
  std::vector<Shape> shapes() {
    std::vector<Shape> v(count(sizeof(uint64_t)));
    for (auto& s : v) s = shape();
    return v;
  }
};

}  // namespace

uint64_t canvas_key(const Atlas& atlas, const MapOptions& options, const MapCanvas::Impl& im) {
  Hasher h;
  h.integer(kFormat).integer(static_cast<int64_t>(program_identity()));
  h.number(options.width_pt).number(options.height_pt).number(options.dpi).text(options.crs);
  h.integer(options.bbox.has_value());
  if (options.bbox)
    for (double v : *options.bbox) h.number(v);
  h.text(options.region).text(options.lang).integer(options.legend).integer(options.legend_columns);
  h.number(options.legend_below);
  h.number(im.scale).number(im.ox).number(im.oy);
  h.number(im.frame.x0).number(im.frame.y0).number(im.frame.x1).number(im.frame.y1);
  h.integer(static_cast<int64_t>(atlas.pieces.size()));
  for (const auto& p : atlas.pieces) hash_geometry(h, p.geometry.get());
  for (const auto* layer : {&atlas.water, &atlas.rivers, &atlas.countries}) {
    h.integer(static_cast<int64_t>(layer->size()));
    for (const auto& b : *layer) {
      h.text(b.kind);
      hash_geometry(h, b.geometry.get());
    }
  }
  h.integer(static_cast<int64_t>(atlas.regions.size()));
  for (const auto& r : atlas.regions) {
    h.text(r.id).integer(static_cast<int64_t>(r.kind));
    hash_names(h, r.names);
    h.integer(static_cast<int64_t>(r.pieces.size()));
    for (int p : r.pieces) h.integer(p);
  }
  h.integer(static_cast<int64_t>(atlas.places.size()));
  for (const auto& pl : atlas.places) {
    h.text(pl.id).number(pl.lon).number(pl.lat).integer(pl.seat_of.empty());
    hash_names(h, pl.names);
  }
  return h.value();
}

void store_cached_outlines(uint64_t key, const MapCanvas::Impl& im) {
  Writer w;
  w.shapes(im.pieces);
  w.pod<uint64_t>(im.visible.size());
  for (bool v : im.visible) w.pod<uint8_t>(v);
  w.shapes(im.water_sea);
  w.shapes(im.water_lake);
  w.shapes(im.rivers);
  w.shapes(im.countries);
  w.shape(im.uyezd_lines);
  w.shape(im.governorate_lines);
  w.pod<uint64_t>(im.region_labels.size());
  for (const auto& l : im.region_labels) {
    w.text(l.text);
    w.pod(l.at);
    w.pod(l.area_pt2);
    w.pod<int64_t>(l.region);
  }
  w.pod<uint64_t>(im.places.size());
  for (const auto& p : im.places) {
    w.text(p.text);
    w.pod(p.at);
    w.pod<uint8_t>(p.seat);
  }
  write_cached("canvas", key, w.out);
}

bool load_cached_outlines(uint64_t key, const Atlas& atlas, MapCanvas::Impl& im) {
  auto payload = read_cached("canvas", key);
  if (!payload) return false;
  Reader r{*payload};
  MapCanvas::Impl got;
  got.pieces = r.shapes();
  got.visible.resize(r.count(1));
  for (size_t i = 0; i < got.visible.size(); ++i) got.visible[i] = r.pod<uint8_t>() != 0;
  got.water_sea = r.shapes();
  got.water_lake = r.shapes();
  got.rivers = r.shapes();
  got.countries = r.shapes();
  got.uyezd_lines = r.shape();
  got.governorate_lines = r.shape();
  got.region_labels.resize(r.count(1));
  for (auto& l : got.region_labels) {
    l.text = r.text();
    l.at = r.pod<Pt>();
    l.area_pt2 = r.pod<double>();
    l.region = static_cast<int>(r.pod<int64_t>());
  }
  got.places.resize(r.count(1));
  for (auto& p : got.places) {
    p.text = r.text();
    p.at = r.pod<Pt>();
    p.seat = r.pod<uint8_t>() != 0;
  }
  const size_t pieces = atlas.pieces.size(), regions = atlas.regions.size();
  if (!r.ok || r.at != payload->size() || got.pieces.size() != pieces || got.visible.size() != pieces) return false;
  for (const auto& l : got.region_labels)
    if (l.region < 0 || static_cast<size_t>(l.region) >= regions) return false;
  im.pieces = std::move(got.pieces);
  im.visible = std::move(got.visible);
  im.water_sea = std::move(got.water_sea);
  im.water_lake = std::move(got.water_lake);
  im.rivers = std::move(got.rivers);
  im.countries = std::move(got.countries);
  im.uyezd_lines = std::move(got.uyezd_lines);
  im.governorate_lines = std::move(got.governorate_lines);
  im.region_labels = std::move(got.region_labels);
  im.places = std::move(got.places);
  return true;
}

void MapCanvas::Impl::load_cached_group_outlines() {
  auto payload = read_cached("outlines", cache_key);
  if (!payload) return;
  Reader r{*payload};
  std::map<std::vector<int>, Shape> got;
  for (size_t n = r.count(1), i = 0; i < n && r.ok; ++i) {
    std::vector<int> group(r.count(sizeof(int32_t)));
    for (int& p : group) {
      p = r.pod<int32_t>();
      if (p < 0 || static_cast<size_t>(p) >= pieces.size()) r.ok = false;
    }
    got[group] = r.shape();
  }
  if (!r.ok || r.at != payload->size()) return;
  std::lock_guard<std::mutex> lock(outline_mutex_);
  outline_cache_ = std::move(got);
  outlines_stored_ = outline_cache_.size();
}

void MapCanvas::Impl::store_new_group_outlines() const {
  std::lock_guard<std::mutex> lock(outline_mutex_);
  if (cache_key == 0 || outline_cache_.size() == outlines_stored_) return;
  Writer w;
  w.pod<uint64_t>(outline_cache_.size());
  for (const auto& [group, shape] : outline_cache_) {
    w.pod<uint64_t>(group.size());
    for (int p : group) w.pod<int32_t>(p);
    w.shape(shape);
  }
  write_cached("outlines", cache_key, w.out);
  outlines_stored_ = outline_cache_.size();
}

}  // namespace histmap
