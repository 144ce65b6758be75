// Where a name fits inside an area: the area laid on a grid of square cells,
// which cells lie inside it and how far each lies from its edge. Label
// placement (labels.cpp) scores candidate boxes on it in constant time each.
#pragma once

#include <vector>

#include "render/painter.hpp"

namespace histmap {

class AreaGrid {
 public:
  // The union of `shapes` (page points) on cells of side `cell`, with `pad` points
  // of outside around its box so candidate boxes may stick out of the area.
  AreaGrid(const std::vector<const Shape*>& shapes, double cell, double pad);

  int columns() const { return nx_; }
  int rows() const { return ny_; }
  double cell() const { return cell_; }
  bool empty() const { return inside_total_ == 0; }
  // Share of the w×h cells from column i, row j that lie inside the area.
  double share_inside(int i, int j, int w, int h) const;
  // Distance of the cell from the area's edge, in cells (0 outside).
  float depth(int i, int j) const { return depth_[static_cast<size_t>(j) * nx_ + i]; }
  // The page point at the top-left corner of cell (i, j).
  Pt corner(int i, int j) const { return {x0_ + i * cell_, y0_ + j * cell_}; }
  // The centre of the deepest cell: the point farthest inside (first in row order on ties).
  Pt deepest() const;

 private:
  double x0_ = 0, y0_ = 0, cell_ = 1;
  int nx_ = 0, ny_ = 0;
  long inside_total_ = 0;
  std::vector<int> sum_;  // summed-area table of inside cells, (nx+1)×(ny+1)
  std::vector<float> depth_;
};

}  // namespace histmap
