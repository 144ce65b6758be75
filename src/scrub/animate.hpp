// Animation: one map frame per day (or week, or change point) with a date
// caption and the day's events, encoded with FFmpeg or written as PNG frames.
#pragma once

#include <string>
#include <vector>

#include "data/report.hpp"
#include "render/map.hpp"

namespace histmap {

struct AnimateOptions {
  Day from = 0, to = 0;
  std::string step = "1d";    // Nd (days), Nw (weeks), or "changes"
  double hold_seconds = 1.5;  // with --step changes: how long each frame stays
  double fps = 10;            // frames per second for day/week steps
  std::string output;         // .mp4, .webm, .gif, or a folder for numbered PNGs
  int threads = 0;            // 0: all cores
  bool progress = false;      // a progress bar on stderr
};

// What is wrong with a --step value ("" when it is Nd, Nw or "changes").
std::string step_problem(const std::string& step);

// The days that become frames.
std::vector<Day> frame_days(const Resolver& resolver, const AnimateOptions& o, Report& report);

// Renders and writes the animation. `canvas` must have been made with
// date_caption = false; the frame caption is drawn here.
void animate(const Atlas& atlas, const Resolver& resolver, const MapCanvas& canvas, const Style& style,
             const AnimateOptions& options, Report& report);

}  // namespace histmap
