#include "render/area_grid.hpp"

#include <algorithm>
#include <cmath>

namespace histmap {

namespace {

constexpr long kMaxCells = 250000;  // a huge area on a zoomed map gets coarser cells, not slower labels

// Marks the cells of row j whose centres lie inside `s` (even-odd: a piece's holes stay out).
void fill_row(const Shape& s, double y, double x0, double cell, int nx, uint8_t* row, std::vector<double>& xs) {
  xs.clear();
  for (const auto& ring : s)
    for (size_t k = 0, n = ring.size(); k < n; ++k) {
      const Pt& p = ring[k];
      const Pt& q = ring[(k + 1) % n];
      if ((p.y > y) != (q.y > y)) xs.push_back(p.x + (y - p.y) * (q.x - p.x) / (q.y - p.y));
    }
  std::sort(xs.begin(), xs.end());
  for (size_t k = 0; k + 1 < xs.size(); k += 2) {
    int from = std::max(0, static_cast<int>(std::ceil((xs[k] - x0) / cell - 0.5)));
    int to = std::min(nx - 1, static_cast<int>(std::floor((xs[k + 1] - x0) / cell - 0.5)));
    for (int i = from; i <= to; ++i) row[i] = 1;
  }
}

}  // namespace

AreaGrid::AreaGrid(const std::vector<const Shape*>& shapes, double cell, double pad) {
  Box b{1e18, 1e18, -1e18, -1e18};
  for (const Shape* s : shapes) b = union_box(b, shape_box(*s));
  if (b.x1 < b.x0) return;
  double w = b.x1 - b.x0 + 2 * pad, h = b.y1 - b.y0 + 2 * pad;
  cell_ = std::max({cell, std::sqrt(w * h / kMaxCells), 1e-6});
  x0_ = b.x0 - pad, y0_ = b.y0 - pad;
  nx_ = static_cast<int>(std::ceil(w / cell_)), ny_ = static_cast<int>(std::ceil(h / cell_));
  std::vector<uint8_t> inside(static_cast<size_t>(nx_) * ny_, 0);
  std::vector<double> xs;
  for (int j = 0; j < ny_; ++j) {
    double y = y0_ + (j + 0.5) * cell_;
    for (const Shape* s : shapes) fill_row(*s, y, x0_, cell_, nx_, &inside[static_cast<size_t>(j) * nx_], xs);
  }
  sum_.assign(static_cast<size_t>(nx_ + 1) * (ny_ + 1), 0);
  for (int j = 0; j < ny_; ++j)
    for (int i = 0; i < nx_; ++i)
      sum_[(j + 1) * (nx_ + 1) + i + 1] = inside[static_cast<size_t>(j) * nx_ + i] + sum_[j * (nx_ + 1) + i + 1] +
                                          sum_[(j + 1) * (nx_ + 1) + i] - sum_[j * (nx_ + 1) + i];
  inside_total_ = sum_.back();
  // Chamfer distance to the nearest outside cell (edges 1, diagonals √2), two passes.
  const float far = 1e9f, d1 = 1.0f, d2 = 1.41421356f;
  depth_.assign(inside.size(), 0);
  for (size_t k = 0; k < inside.size(); ++k) depth_[k] = inside[k] ? far : 0;
  auto at = [&](int i, int j) { return (i < 0 || j < 0 || i >= nx_ || j >= ny_) ? 0.0f : depth(i, j); };
  for (int j = 0; j < ny_; ++j)
    for (int i = 0; i < nx_; ++i) {
      float& d = depth_[static_cast<size_t>(j) * nx_ + i];
      d = std::min({d, at(i - 1, j) + d1, at(i, j - 1) + d1, at(i - 1, j - 1) + d2, at(i + 1, j - 1) + d2});
    }
  for (int j = ny_ - 1; j >= 0; --j)
    for (int i = nx_ - 1; i >= 0; --i) {
      float& d = depth_[static_cast<size_t>(j) * nx_ + i];
      d = std::min({d, at(i + 1, j) + d1, at(i, j + 1) + d1, at(i + 1, j + 1) + d2, at(i - 1, j + 1) + d2});
    }
}

double AreaGrid::share_inside(int i, int j, int w, int h) const {
  int i1 = std::clamp(i + w, 0, nx_), j1 = std::clamp(j + h, 0, ny_);
  i = std::clamp(i, 0, nx_), j = std::clamp(j, 0, ny_);
  if (w <= 0 || h <= 0) return 0;
  long in = sum_[j1 * (nx_ + 1) + i1] - sum_[j * (nx_ + 1) + i1] - sum_[j1 * (nx_ + 1) + i] + sum_[j * (nx_ + 1) + i];
  return static_cast<double>(in) / (static_cast<double>(w) * h);
}

Pt AreaGrid::deepest() const {
  size_t best = 0;
  for (size_t k = 1; k < depth_.size(); ++k)
    if (depth_[k] > depth_[best]) best = k;
  int i = static_cast<int>(best % nx_), j = static_cast<int>(best / nx_);
  return {x0_ + (i + 0.5) * cell_, y0_ + (j + 0.5) * cell_};
}

}  // namespace histmap
