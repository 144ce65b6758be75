// Programs run without a shell, worker threads that fail, and the animate paths
// that used to break: a quote in the output path, a frame that cannot be written.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>

#include <unistd.h>

#include "helpers.hpp"
#include "util/parallel.hpp"
#include "util/subprocess.hpp"

using namespace histmap;
namespace fs = std::filesystem;

TEST_CASE("run_program passes arguments unchanged and reports failures by name", "[util][subprocess]") {
  auto echo = run_program({"printf", "%s|", "it\047s a dir", "a b", "$HOME", "`x`"});
  CHECK(echo.ok);
  CHECK(echo.out == "it\047s a dir|a b|$HOME|`x`|");
  auto fails = run_program({"sh", "-c", "echo broken >&2; exit 3"});
  CHECK_FALSE(fails.ok);
  CHECK(fails.error.find("sh stopped with exit status 3") != std::string::npos);
  CHECK(fails.error.find("broken") != std::string::npos);
  auto missing = run_program({"histmap-no-such-program"});
  CHECK_FALSE(missing.ok);
  CHECK(missing.error.find("histmap-no-such-program: not found") != std::string::npos);
  test::Scratch s;
  auto here = run_program({"pwd"}, s.dir.string());
  CHECK(here.out == fs::canonical(s.dir).string() + "\n");
}

TEST_CASE("a child that stops reading is an error, not SIGPIPE", "[util][subprocess]") {
  ChildInput child({"sh", "-c", "head -c 10 >/dev/null"});
  REQUIRE(child.started());
  std::string block(1 << 16, 'x');
  bool ok = true;
  for (int i = 0; i < 64 && ok; ++i) ok = child.write(block.data(), block.size());
  CHECK_FALSE(ok);  // we are still alive: SIGPIPE did not end the test binary
  std::string why = child.finish();
  CHECK(why.find("sh") == 0);  // names the program
  CHECK(why.find("stopped reading") != std::string::npos);
}

TEST_CASE("parallel_for carries a worker\047s exception to the caller after join", "[util][parallel]") {
  std::atomic<int> ran{0};
  std::atomic<bool> thrown{false};
  auto work = [&](size_t i) {
    ++ran;
    if (i == 7) {
      thrown = true;
      throw std::runtime_error("item 7 failed");
    }
    // Later items wait for item 7 to fail and then take a while, so a pool that
    // kept taking items would need seconds to run them all; one that stops
    // runs a handful more. (Without the wait, a descheduled item 7 let the
    // other threads finish everything first.)
    if (i > 7) {
      for (int t = 0; !thrown && t < 5000; ++t) std::this_thread::sleep_for(std::chrono::milliseconds(1));
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  };
  CHECK_THROWS_WITH(parallel_for(1000, 4, work), "item 7 failed");
  CHECK(ran < 50);  // the others stopped taking items
  std::atomic<int> all{0};
  parallel_for(100, 3, [&](size_t) { ++all; });
  CHECK(all == 100);
}

TEST_CASE("animate writes gif, mp4 and webm to a path with a quote and a space", "[scrub][animate][video]") {
  test::Scratch s;
  fs::path dir = s.dir / "it\047s a dir";
  fs::create_directories(dir);
  for (const char* ext : {"gif", "mp4", "webm"}) {
    INFO(ext);
    fs::path out = dir / (std::string("a.") + ext);
    auto r = test::histmap("animate --from 1920-08-14 --to 1920-08-16 --size 640x480 --dpi 72 --data " +
                           test::synthetic() + " -o \"" + out.string() + "\"");
    INFO(r.err);
    CHECK(r.code == 0);
    REQUIRE(fs::exists(out));
    auto probe = run_program({"ffprobe", "-v", "error", "-count_frames", "-select_streams", "v:0", "-show_entries",
                              "stream=nb_read_frames,width", "-of", "default=nw=1", out.string()});
    INFO(probe.error);
    CHECK(probe.ok);
    CHECK(probe.out.find("nb_read_frames=3") != std::string::npos);
    CHECK(probe.out.find("width=640") != std::string::npos);
  }
}

TEST_CASE("a PNG frame that cannot be written is exit 1 with a message, not a missing frame", "[scrub][animate]") {
  test::Scratch s;
  fs::path dir = s.dir / "frames";
  // A folder where frame 2 should go: writing the frame fails (as root too, unlike a read-only folder).
  fs::create_directories(dir / "frame-00002.png");
  auto r =
      test::histmap("animate --force --from 1920-08-14 --to 1920-08-16 --size 640x480 --dpi 72 --threads 2 --data " +
                    test::synthetic() + " -o \047" + dir.string() + "/\047");
  INFO(r.err);
  CHECK(r.code == 1);
  CHECK(r.err.find("frame-00002.png") != std::string::npos);
  CHECK(r.err.find("internal error") == std::string::npos);
  if (geteuid() != 0) {  // a read-only folder stops everyone but root
    fs::path ro = s.dir / "ro";
    fs::create_directories(ro);
    fs::permissions(ro, fs::perms::owner_read | fs::perms::owner_exec);
    auto r2 = test::histmap("animate --from 1920-08-14 --to 1920-08-15 --size 640x480 --dpi 72 --data " +
                            test::synthetic() + " -o \047" + ro.string() + "/\047");
    INFO(r2.err);
    CHECK(r2.code == 1);
    CHECK(r2.err.find(ro.string()) != std::string::npos);
    fs::permissions(ro, fs::perms::owner_all);
  }
}
