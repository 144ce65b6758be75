#include "util/subprocess.hpp"

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace histmap {
namespace {

// The last few lines a program wrote to its standard error (kept in a temp file).
std::string tail_of(int fd) {
  if (fd < 0) return {};
  std::string text;
  char buf[4096];
  lseek(fd, 0, SEEK_SET);
  for (ssize_t n; (n = read(fd, buf, sizeof buf)) > 0;) text.append(buf, static_cast<size_t>(n));
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  if (text.size() > 600) text = "..." + text.substr(text.size() - 600);
  return text;
}

std::string describe_status(const std::string& program, int status, int stderr_fd) {
  std::string why;
  if (WIFEXITED(status)) {
    if (WEXITSTATUS(status) == 0) return {};
    why = program + " stopped with exit status " + std::to_string(WEXITSTATUS(status));
  } else if (WIFSIGNALED(status)) {
    why =
        program + " was ended by signal " + std::to_string(WTERMSIG(status)) + " (" + strsignal(WTERMSIG(status)) + ")";
  } else {
    why = program + " ended abnormally";
  }
  std::string said = tail_of(stderr_fd);
  return said.empty() ? why : why + "; it said: " + said;
}

// A temporary file for the child's standard error: unlinked at once, read after it ends.
int stderr_file() {
  char name[] = "/tmp/histmap-stderr-XXXXXX";
  int fd = mkstemp(name);
  if (fd >= 0) unlink(name);
  return fd;
}

struct SpawnSetup {
  posix_spawn_file_actions_t actions;
  posix_spawnattr_t attr;
  SpawnSetup() {
    posix_spawn_file_actions_init(&actions);
    posix_spawnattr_init(&attr);
    // The child starts with no blocked signals and SIGPIPE at its default.
    sigset_t none, pipe;
    sigemptyset(&none);
    sigemptyset(&pipe);
    sigaddset(&pipe, SIGPIPE);
    posix_spawnattr_setsigmask(&attr, &none);
    posix_spawnattr_setsigdefault(&attr, &pipe);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
  }
  ~SpawnSetup() {
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attr);
  }
};

// Starts argv; returns the pid, or -1 with `error` set.
int spawn(const std::vector<std::string>& argv, SpawnSetup& setup, std::string& error) {
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_t pid = -1;
  int rc = posix_spawnp(&pid, args[0], &setup.actions, &setup.attr, args.data(), environ);
  if (rc != 0) {
    error = argv[0] + (rc == ENOENT ? std::string(": not found (is it installed and on PATH?)")
                                    : ": cannot be started (" + std::string(std::strerror(rc)) + ")");
    return -1;
  }
  return pid;
}

int wait_for(int pid) {
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  return status;
}

}  // namespace

ProgramRun run_program(const std::vector<std::string>& argv, const std::string& working_dir) {
  ProgramRun result;
  int out_pipe[2];
  if (pipe2(out_pipe, O_CLOEXEC) != 0) {
    result.error = argv[0] + ": cannot make a pipe (" + std::strerror(errno) + ")";
    return result;
  }
  int err_fd = stderr_file();
  SpawnSetup setup;
  posix_spawn_file_actions_adddup2(&setup.actions, out_pipe[1], 1);
  if (err_fd >= 0) posix_spawn_file_actions_adddup2(&setup.actions, err_fd, 2);
  if (!working_dir.empty()) posix_spawn_file_actions_addchdir_np(&setup.actions, working_dir.c_str());
  int pid = spawn(argv, setup, result.error);
  close(out_pipe[1]);
  if (pid > 0) {
    char buf[65536];
    for (ssize_t n; (n = read(out_pipe[0], buf, sizeof buf)) != 0;) {
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) break;
      result.out.append(buf, static_cast<size_t>(n));
    }
    result.error = describe_status(argv[0], wait_for(pid), err_fd);
    result.ok = result.error.empty();
  }
  close(out_pipe[0]);
  if (err_fd >= 0) close(err_fd);
  return result;
}

ChildInput::ChildInput(const std::vector<std::string>& argv) : program_(argv.at(0)) {
  int in_pipe[2];
  if (pipe2(in_pipe, O_CLOEXEC) != 0) {
    start_error_ = program_ + ": cannot make a pipe (" + std::strerror(errno) + ")";
    return;
  }
  stderr_fd_ = stderr_file();
  SpawnSetup setup;
  posix_spawn_file_actions_adddup2(&setup.actions, in_pipe[0], 0);
  if (stderr_fd_ >= 0) posix_spawn_file_actions_adddup2(&setup.actions, stderr_fd_, 2);
  pid_ = spawn(argv, setup, start_error_);
  close(in_pipe[0]);
  if (pid_ > 0) stdin_fd_ = in_pipe[1];
  else close(in_pipe[1]);
}

ChildInput::~ChildInput() {
  if (pid_ > 0) finish();
  if (stderr_fd_ >= 0) close(stderr_fd_);
}

bool ChildInput::write(const void* data, size_t n) {
  if (stdin_fd_ < 0 || write_failed_) return false;
  // Block SIGPIPE in this thread while writing; a pending one is taken back afterwards.
  sigset_t pipe_set, old;
  sigemptyset(&pipe_set);
  sigaddset(&pipe_set, SIGPIPE);
  pthread_sigmask(SIG_BLOCK, &pipe_set, &old);
  const char* p = static_cast<const char*>(data);
  while (n > 0) {
    ssize_t w = ::write(stdin_fd_, p, n);
    if (w < 0 && errno == EINTR) continue;
    if (w < 0) {
      write_failed_ = true;
      write_errno_ = errno;
      break;
    }
    p += w;
    n -= static_cast<size_t>(w);
  }
  if (write_failed_) {
    timespec zero{0, 0};
    while (sigtimedwait(&pipe_set, nullptr, &zero) > 0) {
    }
  }
  pthread_sigmask(SIG_SETMASK, &old, nullptr);
  return !write_failed_;
}

std::string ChildInput::finish() {
  if (pid_ <= 0) return start_error_.empty() ? program_ + ": was not started" : start_error_;
  if (stdin_fd_ >= 0) close(stdin_fd_);
  stdin_fd_ = -1;
  std::string why = describe_status(program_, wait_for(pid_), stderr_fd_);
  pid_ = 0;
  if (why.empty() && write_failed_) why = program_ + " stopped reading its input (" + std::strerror(write_errno_) + ")";
  else if (!why.empty() && write_failed_ && write_errno_ == EPIPE) why += " (it stopped reading its input early)";
  return why;
}

}  // namespace histmap
