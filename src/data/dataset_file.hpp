// Reading a dataset's description of itself (dataset.yaml) into the atlas,
// and completing what it leaves out from the data (period, projections).
#pragma once

#include <string>

#include "core/report.hpp"
#include "model/atlas.hpp"

namespace histmap {

// Reads `path` (a dataset's dataset.yaml) into `out`. A missing file is not an
// error: the dataset then describes itself by its data alone. Strict: unknown
// keys, wrong types, unknown languages, bad days and CRSs PROJ does not know
// are reported with file and line.
void load_dataset_file(const std::string& path, DatasetInfo& out, Report& report);

// Reads a source set's set.yaml (its short name and perspective per language)
// into `set`. A missing file is not an error: the folder's name stands in.
void load_set_file(const std::string& path, SourceSet& set, Report& report);

// After the tables are loaded: the period from the assertions when the file
// gives none, and each piece's area on the dataset's equal-area projection
// (unless `areas_known`: the loader found them in its cache).
void complete_dataset(Atlas& atlas, Report& report, bool areas_known = false);

}  // namespace histmap
