// Animation: one map frame per day (or week, or change point) with a date
// caption and the day's events, encoded with FFmpeg or written as PNG frames.
#pragma once

#include <string>
#include <vector>

#include "data/report.hpp"
#include "render/map.hpp"
#include "symbology/words.hpp"

namespace histmap {

struct AnimateOptions {
  Day from = 0, to = 0;
  std::string step = "1d";     // Nd (days), Nw (weeks), or "changes"
  double hold_seconds = 1.5;   // with --step changes: how long each frame stays
  double fps = 10;             // frames per second for day/week steps
  double caption_seconds = 4;  // day/week steps: a "what changed" box stays up at least this long
  std::string output;          // .mp4, .webm, .gif, or a folder for numbered PNGs
  int threads = 0;             // 0: all cores
  // Progress on stderr: a bar redrawn in place on a terminal, a line every tenth of the work
  // when stderr is a file or pipe (a script's log then shows how far it got), or nothing.
  enum class Progress { None, Bar, Lines } progress = Progress::None;
};

// What is wrong with a --step value ("" when it is Nd, Nw or "changes").
std::string step_problem(const std::string& step);

// The days that become frames.
std::vector<Day> frame_days(const Resolver& resolver, const AnimateOptions& o, Report& report);

// What a frame's "what changed" box says: the assertions that begin or end on the days since
// the previous frame, as short lines with source and locator, and the last of those days.
struct FrameEvents {
  Day day = 0;
  std::vector<std::string> lines;
};

// Each frame's box. A box stays up for at least `hold` frames (unless newer events replace
// it), so that with a 1-day step it can still be read.
std::vector<FrameEvents> frame_captions(const Atlas& atlas, const Resolver& resolver, const std::vector<Day>& days,
                                        size_t hold, const Words& words = words_for("en"));

// Renders and writes the animation. `canvas` must have been made with
// date_caption = false; the frame caption is drawn here.
void animate(const Atlas& atlas, const Resolver& resolver, const MapCanvas& canvas, const Style& style,
             const AnimateOptions& options, Report& report);

}  // namespace histmap
