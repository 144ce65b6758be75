// histmap animate --from D1 --to D2 [--step 1d|1w|changes] -o FILE.{mp4,webm,gif} | DIR/
#include <filesystem>
#include <iostream>
#include <memory>

#include <unistd.h>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "model/languages.hpp"
#include "scrub/animate.hpp"

namespace histmap::cli {
namespace {

struct AnimateCmd {
  CommonOptions common;
  std::string from, to, size = "1280x960", style = "default";
  bool quiet = false;
  AnimateOptions anim;
  MapOptions map;
};

void run(AnimateCmd& o) {
  o.anim.from = parse_date_or_exit("--from", o.from);
  o.anim.to = parse_date_or_exit("--to", o.to);
  page_size_or_exit(o.size, o.map);
  if (std::string why = step_problem(o.anim.step); !why.empty()) {
    std::cerr << "histmap: --step " << why << "\n";
    throw Exit{2};
  }
  if (o.anim.to < o.anim.from) {
    std::cerr << "histmap: --to " << o.to << " is before --from " << o.from << "; give an interval that runs forward\n";
    throw Exit{2};
  }
  const std::string ext = std::filesystem::path(o.anim.output).extension().string();
  const bool to_folder = ext.empty() || o.anim.output.back() == '/';
  if (!to_folder && ext != ".mp4" && ext != ".webm" && ext != ".gif") {
    std::cerr << "histmap: -o " << o.anim.output << ": unknown format '" << ext
              << "'; use .mp4, .webm, .gif or a folder ending in /\n";
    throw Exit{2};
  }
  if (o.anim.fps <= 0 || o.anim.fps > 60 || o.anim.hold_seconds <= 0 || o.anim.hold_seconds > 60 ||
      o.anim.caption_seconds < 0 || o.anim.caption_seconds > 60) {
    std::cerr << "histmap: --fps must be in (0, 60], --hold in (0, 60] and --caption-seconds in [0, 60] seconds\n";
    throw Exit{2};
  }
  refuse_existing(o.anim.output, o.common.force);
  o.map.date_caption = false;
  if (!o.quiet)
    o.anim.progress = isatty(STDERR_FILENO) ? AnimateOptions::Progress::Bar : AnimateOptions::Progress::Lines;
  Style style = style_or_exit(o.style);
  Report report;
  auto atlas = load_or_exit(o.common);
  Resolver resolver(*atlas);
  auto canvas = canvas_or_exit(*atlas, o.map);
  animate(*atlas, resolver, *canvas, style, o.anim, report);
  finish_or_exit(report);
}

}  // namespace

void add_animate_command(CLI::App& app) {
  auto o = std::make_shared<AnimateCmd>();
  o->map.dpi = 110;
  auto* cmd = app.add_subcommand("animate", "Render an animation of the maps over a period (video or PNG frames)");
  cmd->add_option("--from", o->from, "First day, YYYY-MM-DD")->required();
  cmd->add_option("--to", o->to, "Last day, YYYY-MM-DD")->required();
  cmd->add_option("--step", o->anim.step, "1d, 2d, 1w, ... or 'changes' (one frame per change point)")
      ->capture_default_str();
  cmd->add_option("--fps", o->anim.fps, "Frames per second for day or week steps")->capture_default_str();
  cmd->add_option("--hold", o->anim.hold_seconds, "Seconds each frame stays with --step changes")
      ->capture_default_str();
  cmd->add_option("--caption-seconds", o->anim.caption_seconds,
                  "With day or week steps: seconds a 'what changed' box stays up at least")
      ->capture_default_str();
  cmd->add_option("-o,--output", o->anim.output, "FILE.mp4, FILE.webm, FILE.gif, or DIR/ for numbered PNG frames")
      ->required();
  cmd->add_option("--size", o->size, "Frame size in pixels (or mm)")->capture_default_str();
  cmd->add_option("--dpi", o->map.dpi, "Resolution the page is laid out at")->capture_default_str();
  cmd->add_option("--region", o->map.region, "Frame this region");
  cmd->add_option("--style", o->style, "Style name or file")->capture_default_str();
  cmd->add_option("--lang", o->map.lang, "Label language: " + language_list())
      ->check(CLI::IsMember(language_codes()))
      ->capture_default_str();
  cmd->add_option("--threads", o->anim.threads, "Rendering threads (default: all cores)");
  cmd->add_flag("--force", o->common.force, "Overwrite an existing output");
  cmd->add_flag("--quiet", o->quiet, "No progress on stderr (a bar on a terminal, a line per tenth otherwise)");
  add_data_options(cmd, o->common);
  cmd->callback([o] { run(*o); });
}

}  // namespace histmap::cli
