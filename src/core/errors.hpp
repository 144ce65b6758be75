// The three kinds of failure a user can cause, and so the three exit codes
// (docs/errors.md). Library code reports what it can into a Report; where it
// must stop, it throws one of these. Only main() turns them into exit codes:
//   DataError     -> 1  the dataset, a style or another input file is wrong
//   OutputError   -> 1  an output cannot be written (folder, permission, disk, ffmpeg)
//   ArgumentError -> 2  a command-line value is wrong
// Any other exception reaching main() is a bug in histmap (exit 3).
#pragma once

#include <stdexcept>
#include <string>

namespace histmap {

class DataError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class OutputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class ArgumentError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The documented exit codes.
enum ExitCode : int { kExitOk = 0, kExitDataOrOutput = 1, kExitArguments = 2, kExitInternal = 3 };

}  // namespace histmap
