// Running other programs (FFmpeg, gmt) without a shell: the program and its
// arguments go to posix_spawnp as a vector, so paths with spaces or quotes are
// passed unchanged. Failures come back in histmap's own words, naming the program.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace histmap {

struct ProgramRun {
  bool ok = false;    // started and exited with status 0
  std::string out;    // its standard output
  std::string error;  // when !ok: what went wrong, naming the program (and its last stderr lines)
};

// Runs argv[0] (looked up in PATH) with the arguments, in `working_dir` when
// given; collects standard output, keeps standard error for the message.
ProgramRun run_program(const std::vector<std::string>& argv, const std::string& working_dir = "");

// A program that reads what we write to its standard input (FFmpeg reading frames).
// SIGPIPE is blocked while writing, so a child that dies makes write() fail with
// a message instead of killing histmap.
class ChildInput {
 public:
  explicit ChildInput(const std::vector<std::string>& argv);
  ~ChildInput();
  ChildInput(const ChildInput&) = delete;
  ChildInput& operator=(const ChildInput&) = delete;

  bool started() const { return pid_ > 0; }
  // Writes all n bytes; false when the child stopped reading (see finish() for why).
  bool write(const void* data, size_t n);
  // Closes the child's input and waits for it. "" when it exited with 0, else what went wrong.
  std::string finish();

 private:
  std::string program_;
  int pid_ = -1;
  int stdin_fd_ = -1;
  int stderr_fd_ = -1;  // a temporary file holding the child's standard error
  std::string start_error_;
  bool write_failed_ = false;
  int write_errno_ = 0;
};

}  // namespace histmap
