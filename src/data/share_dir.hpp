// Where the shipped data and styles are: an installed histmap finds them in
// <prefix>/share/histmap beside its <prefix>/bin, a build in the source tree.
#pragma once

#include <string>

namespace histmap {

// <prefix>/share/histmap when the running binary is installed (its geodata/ exists there),
// else the source tree the binary was built from.
std::string share_dir();

}  // namespace histmap
