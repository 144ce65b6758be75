// Outputs are written to a temporary file beside the target and renamed into
// place, so a failure never leaves a half-written file behind.
#pragma once

#include <string>

#include "core/errors.hpp"
#include "core/report.hpp"

namespace histmap {

// Writes `content` to `path` atomically. Throws OutputError naming the path
// and the reason (missing folder, no permission, exists without overwrite).
void write_file_atomic(const std::string& path, const std::string& content, bool overwrite = true);

// A temporary path in the target's folder, and the rename that commits it.
std::string temp_path_for(const std::string& path);
void commit_temp(const std::string& temp, const std::string& path);

// temp_path_for, but a problem becomes an error in `report` and the result is empty.
std::string temp_path_or_report(const std::string& path, Report& report);

}  // namespace histmap
