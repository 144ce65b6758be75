#include "data/source_sets.hpp"

#include <algorithm>
#include <set>

namespace histmap {
namespace fs = std::filesystem;

std::vector<fs::path> shipped_set_dirs(const fs::path& data_dir, const std::vector<std::string>& order,
                                       Report& report) {
  std::vector<fs::path> dirs;
  const fs::path root = data_dir / "sets";
  std::error_code ec;
  for (const auto& id : order) {
    if (fs::is_directory(root / id, ec)) dirs.push_back(root / id);
    else
      report.error((data_dir / "dataset.yaml").string(),
                   "sets: '" + id + "' names no folder " + (root / id).string() + "; list the folders under sets/");
  }
  if (!fs::is_directory(root, ec)) return dirs;
  std::vector<fs::path> others;
  for (auto it = fs::directory_iterator(root, ec); !ec && it != fs::directory_iterator(); it.increment(ec))
    if (it->is_directory(ec) && std::find(order.begin(), order.end(), it->path().filename().string()) == order.end())
      others.push_back(it->path());
  if (ec) report.error(root.string(), "cannot be listed (" + ec.message() + ")");
  std::sort(others.begin(), others.end());  // deterministic order
  dirs.insert(dirs.end(), others.begin(), others.end());
  return dirs;
}

namespace {

std::vector<int> remapped(const std::vector<int>& old, const std::vector<int>& new_index) {
  std::vector<int> out;
  for (int i : old)
    if (new_index[static_cast<size_t>(i)] >= 0) out.push_back(new_index[static_cast<size_t>(i)]);
  return out;
}

}  // namespace

void keep_selected(Atlas& atlas, const std::vector<std::string>& only, Report& report) {
  if (only.empty()) return;
  std::set<int> sets, sources;
  for (const auto& id : only) {
    if (int s = atlas.set_index(id); s >= 0) sets.insert(s);
    else if (int src = atlas.source_index(id); src >= 0) sources.insert(src);
    else {
      std::string known;
      for (const auto& s : atlas.sets) known += (known.empty() ? "" : ", ") + s.id;
      report.error("--sources", "'" + id + "' is neither a source set (" + known +
                                    ") nor a source id; 'histmap validate' lists the sources of each set");
    }
  }
  if (report.has_errors()) return;
  auto kept = [&](const Source& s) { return sources.count(atlas.source_index(s.id)) || sets.count(s.set); };
  for (size_t i = 0; i < atlas.sets.size(); ++i) atlas.sets[i].in_use = sets.count(static_cast<int>(i)) > 0;
  for (int s : sources)
    if (atlas.sources[static_cast<size_t>(s)].set >= 0)
      atlas.sets[static_cast<size_t>(atlas.sources[s].set)].in_use = true;

  std::vector<int> new_index(atlas.assertions.size(), -1);
  std::vector<Assertion> keep;
  for (size_t i = 0; i < atlas.assertions.size(); ++i) {
    Assertion& a = atlas.assertions[i];
    if (a.source < 0 || !kept(atlas.sources[static_cast<size_t>(a.source)])) continue;
    new_index[i] = static_cast<int>(keep.size());
    keep.push_back(std::move(a));
  }
  for (auto& a : keep) {
    a.overrides = remapped(a.overrides, new_index);
    a.contradicts = remapped(a.contradicts, new_index);
    a.dates_differently = remapped(a.dates_differently, new_index);
    if (a.contradicts.empty()) a.dating_disagreement = false;
  }
  atlas.assertions = std::move(keep);
  atlas.index();
}

std::string sets_in_use_ids(const Atlas& atlas) {
  std::string ids;
  for (const auto& s : atlas.sets)
    if (s.in_use) ids += (ids.empty() ? "" : ",") + s.id;
  return ids;
}

}  // namespace histmap
