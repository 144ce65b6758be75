#include "scrub/animate.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <regex>
#include <set>
#include <thread>

#include <cairo.h>
#include <pango/pangocairo.h>
#include <unistd.h>

#include "render/text.hpp"
#include "symbology/words.hpp"
#include "time/timeline.hpp"
#include "util/atomic_file.hpp"
#include "util/parallel.hpp"
#include "util/subprocess.hpp"

namespace histmap {
namespace fs = std::filesystem;

std::string step_problem(const std::string& step) {
  if (step == "changes") return {};
  bool digits = step.size() >= 2 && step.size() <= 6 &&
                std::all_of(step.begin(), step.end() - 1, [](char c) { return c >= '0' && c <= '9'; });
  if (!digits || (step.back() != 'd' && step.back() != 'w') || std::stoi(step) < 1)
    return step + ": expected Nd (days), Nw (weeks) or 'changes', e.g. 1d";
  return {};
}

std::vector<Day> frame_days(const Resolver& resolver, const AnimateOptions& o, Report& report) {
  std::vector<Day> days;
  if (o.to < o.from) {
    report.error("--to", "is before --from; give an interval that runs forward");
    return days;
  }
  if (o.step == "changes") {
    days.push_back(o.from);
    for (Day d : resolver.change_points())
      if (d > o.from && d <= o.to) days.push_back(d);
    return days;
  }
  if (std::string why = step_problem(o.step); !why.empty()) {
    report.error("--step", why);
    return days;
  }
  int step = std::stoi(o.step) * (o.step.back() == 'w' ? 7 : 1);
  for (Day d = o.from; d <= o.to; d += step) days.push_back(d);
  if (days.size() > 40000) {
    report.error("--step", "more than 40,000 frames; choose a longer step or a shorter period");
    days.clear();
  }
  return days;
}

namespace {

using Events = FrameEvents;

bool holds(const PieceState* s, int a) {
  auto has = [a](const std::vector<int>& v) { return std::find(v.begin(), v.end(), a) != v.end(); };
  return s && (has(s->assertions) || has(s->set_aside));
}

// A paraphrase short enough for the box, cut at a word rather than inside one.
std::string shortened(std::string line) {
  if (line.size() <= 240) return line;
  line.resize(237);
  while (!line.empty() && (static_cast<unsigned char>(line.back()) & 0xC0) == 0x80) line.pop_back();  // UTF-8
  if (auto space = line.rfind(' '); space != std::string::npos && space > 160) line.resize(space);
  return line + "…";
}

Events events_between(const Atlas& atlas, const Resolver& resolver, Day from, Day to, const Words& words) {
  Events out;
  std::set<int> seen;
  for (const auto& c : timeline(resolver, from, to))
    for (int a : c.because) {
      if (!seen.insert(a).second) continue;
      out.day = out.lines.empty() ? c.day : std::max(out.day, c.day);
      const Assertion& as = atlas.assertions[a];
      std::string line = shortened(as.paraphrase) + " [" + atlas.sources[as.source].id + ", " + as.locator.text() + "]";
      // An assertion that held the day before and no longer does is an end, not news.
      if (holds(c.before, a) && !holds(c.after, a)) line = words.fill("caption.ends", {{"text", line}});
      out.lines.push_back(line);
    }
  return out;
}

void caption(cairo_t* cr, const Style& style, double width, Day day, const Events& ev, const Words& words) {
  auto layout = [&](const std::string& s, double size, bool bold, double w) {
    return text_layout(cr, style.font_family, s, size, bold, w);
  };
  cairo_set_source_rgb(cr, style.text.r, style.text.g, style.text.b);
  PangoLayout* d = layout(day_words(day, words), style.font_subtitle + 3, true, width);
  cairo_move_to(cr, 18, 18 + style.font_title * 1.45);
  pango_cairo_show_layout(cr, d);
  g_object_unref(d);
  const auto& events = ev.lines;
  if (events.empty()) return;
  // The events in a box at the top left of the map, under the day they happened on
  // (the box stays up for several frames, so it names its own day).
  std::string text = day_words(ev.day, words) + ":";
  for (size_t i = 0; i < events.size() && i < 3; ++i) text += "\n• " + events[i];
  if (events.size() > 3) text += "\n" + words.fill("caption.more", {{"n", std::to_string(events.size() - 3)}});
  PangoLayout* e = layout(text, style.font_legend + 1.5, false, width * 0.45);
  int w, h;
  pango_layout_get_size(e, &w, &h);
  double x = 26, y = 70, bw = w / double(PANGO_SCALE), bh = h / double(PANGO_SCALE);
  cairo_rectangle(cr, x - 5, y - 4, bw + 10, bh + 8);
  cairo_set_source_rgba(cr, style.page.r, style.page.g, style.page.b, 0.88);
  cairo_fill_preserve(cr);
  cairo_set_source_rgb(cr, style.text.r, style.text.g, style.text.b);
  cairo_set_line_width(cr, 0.5);
  cairo_stroke(cr);
  cairo_move_to(cr, x, y);
  pango_cairo_show_layout(cr, e);
  g_object_unref(e);
}

// A Cairo image surface that is destroyed however the scope is left.
struct Surface {
  cairo_surface_t* s;
  Surface(int w, int h) : s(cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h)) {}
  ~Surface() { cairo_surface_destroy(s); }
  Surface(const Surface&) = delete;
  Surface& operator=(const Surface&) = delete;
};

// What every frame needs: the days, one rendered map per distinct global state, and the caption.
struct FramePlan {
  FramePlan(const Atlas& a, const Resolver& r, const Style& s, const AnimateOptions& opt, std::vector<Day> d)
      : atlas(a), resolver(r), style(s), o(opt), days(std::move(d)) {}
  const Atlas& atlas;
  const Resolver& resolver;
  const Style& style;
  const AnimateOptions& o;
  std::vector<Day> days;
  double k = 1, width_pt = 0;
  std::string lang = "en";  // of the caption's date line
  int W = 0, H = 0;
  unsigned threads = 1;
  std::map<long, std::unique_ptr<Surface>> maps;  // keyed by the global segment of the day
  std::vector<Events> captions;                   // per frame, held for a readable time
  std::vector<LegendItem> legend;                 // every category of the period, so rows never jump
  std::function<void()> tick;

  long segment(Day d) const {
    const auto& cps = resolver.change_points();
    return std::upper_bound(cps.begin(), cps.end(), d) - cps.begin();
  }
  void compose(size_t i, cairo_surface_t* target) const {
    cairo_t* cr = cairo_create(target);
    cairo_set_source_surface(cr, maps.at(segment(days[i]))->s, 0, 0);
    cairo_paint(cr);
    cairo_scale(cr, k, k);
    caption(cr, style, width_pt, days[i], captions[i], words_for(lang));
    cairo_destroy(cr);
  }
};

}  // namespace

std::vector<FrameEvents> frame_captions(const Atlas& atlas, const Resolver& resolver, const std::vector<Day>& days,
                                        size_t hold, const Words& words) {
  std::vector<Events> out(days.size());
  size_t shown_from = 0;
  bool showing = false;
  for (size_t i = 0; i < days.size(); ++i) {
    Events e = events_between(atlas, resolver, i == 0 ? days[0] : days[i - 1] + 1, days[i], words);
    if (!e.lines.empty()) {
      out[i] = std::move(e);
      shown_from = i;
      showing = true;
    } else if (showing && i - shown_from < hold) {
      out[i] = out[shown_from];
    } else {
      showing = false;
    }
  }
  return out;
}

namespace {

// One map per distinct state of the whole map (the global segment of the day).
void render_maps(FramePlan& plan, const MapCanvas& canvas) {
  std::vector<long> keys;
  std::vector<Day> first_day;
  for (Day d : plan.days)
    if (plan.maps.emplace(plan.segment(d), nullptr).second) {
      keys.push_back(plan.segment(d));
      first_day.push_back(d);
    }
  std::vector<std::unique_ptr<Surface>> rendered(keys.size());
  parallel_for(keys.size(), plan.threads, [&](size_t i) {
    auto s = std::make_unique<Surface>(plan.W, plan.H);
    cairo_t* cr = cairo_create(s->s);
    cairo_scale(cr, plan.k, plan.k);
    canvas.draw(cr, plan.resolver, first_day[i], plan.style, &plan.legend);
    cairo_destroy(cr);
    rendered[i] = std::move(s);
    plan.tick();
  });
  for (size_t i = 0; i < keys.size(); ++i) plan.maps[keys[i]] = std::move(rendered[i]);
}

// Numbered PNG frames in a folder; a frame that cannot be written is an error.
void write_png_frames(const FramePlan& plan, Report& report) {
  const std::string& dir = plan.o.output;
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) {
    report.error(dir, "cannot create the folder: " + ec.message());
    return;
  }
  parallel_for(plan.days.size(), plan.threads, [&](size_t i) {
    Surface f(plan.W, plan.H);
    plan.compose(i, f.s);
    char name[32];
    std::snprintf(name, sizeof name, "frame-%05zu.png", i + 1);
    std::string path = (fs::path(dir) / name).string(), tmp = temp_path_for(path);
    cairo_status_t st = cairo_surface_write_to_png(f.s, tmp.c_str());
    if (st != CAIRO_STATUS_SUCCESS) {
      std::error_code ignored;
      fs::remove(tmp, ignored);
      throw OutputError(path + ": cannot write the frame (" + cairo_status_to_string(st) + ")");
    }
    commit_temp(tmp, path);
    plan.tick();
  });
}

// The FFmpeg command for raw BGR0 frames on standard input, as an argument vector.
std::vector<std::string> ffmpeg_args(const FramePlan& plan, const std::string& ext, const std::string& out) {
  char rate[32];
  std::snprintf(rate, sizeof rate, "%.6f", plan.o.step == "changes" ? 1.0 / plan.o.hold_seconds : plan.o.fps);
  std::vector<std::string> a = {
      "ffmpeg",     "-loglevel", "error", "-y", "-f",
      "rawvideo",   "-pix_fmt",  "bgr0",  "-s", std::to_string(plan.W) + "x" + std::to_string(plan.H),
      "-framerate", rate,        "-i",    "-"};
  if (ext == ".mp4") a.insert(a.end(), {"-c:v", "libx264", "-pix_fmt", "yuv420p", "-preset", "veryfast", "-crf", "20"});
  else if (ext == ".webm")
    a.insert(a.end(), {"-c:v", "libvpx-vp9", "-pix_fmt", "yuv420p", "-b:v", "0", "-crf", "34", "-row-mt", "1"});
  else a.insert(a.end(), {"-vf", "split[a][b];[a]palettegen[p];[b][p]paletteuse"});
  if (plan.o.step == "changes") a.insert(a.end(), {"-r", "10"});
  // The temporary name keeps the extension, so FFmpeg picks the container from it.
  a.insert(a.end(),
           {"-fflags", "+bitexact", "-flags:v", "+bitexact", "-f", ext == ".mp4" ? "mp4" : ext.substr(1), out});
  return a;
}

// Raw frames through a pipe: no intermediate images. FFmpeg writes a temporary file we rename.
void encode_video(const FramePlan& plan, const std::string& ext, Report& report) {
  const std::string tmp = temp_path_or_report(plan.o.output, report);
  if (tmp.empty()) return;
  ChildInput ffmpeg(ffmpeg_args(plan, ext, tmp));
  // Frames are composed a batch at a time, in parallel, ahead of the writer.
  const size_t batch = std::max<size_t>(plan.threads * 4, 8);
  std::vector<std::unique_ptr<Surface>> frames;
  for (size_t j = 0; j < batch; ++j) frames.push_back(std::make_unique<Surface>(plan.W, plan.H));
  bool ok = ffmpeg.started();
  for (size_t base = 0; base < plan.days.size() && ok; base += batch) {
    size_t n = std::min(batch, plan.days.size() - base);
    parallel_for(n, plan.threads, [&](size_t j) { plan.compose(base + j, frames[j]->s); });
    for (size_t j = 0; j < n && ok; ++j) {
      cairo_surface_flush(frames[j]->s);
      const unsigned char* data = cairo_image_surface_get_data(frames[j]->s);
      int stride = cairo_image_surface_get_stride(frames[j]->s);
      for (int y = 0; y < plan.H && ok; ++y) ok = ffmpeg.write(data + y * stride, 4 * static_cast<size_t>(plan.W));
      plan.tick();
    }
  }
  std::string why = ffmpeg.finish();
  if (!why.empty()) {
    report.error(plan.o.output, "encoding failed: " + why +
                                    "; nothing was written (Debian's ffmpeg package is in scripts/install-deps.sh; "
                                    "a folder ending in / gets PNG frames instead)");
    std::error_code ec;
    fs::remove(tmp, ec);
    return;
  }
  commit_temp(tmp, plan.o.output);
}

}  // namespace

void animate(const Atlas& atlas, const Resolver& resolver, const MapCanvas& canvas, const Style& style,
             const AnimateOptions& o, Report& report) {
  FramePlan plan(atlas, resolver, style, o, frame_days(resolver, o, report));
  if (plan.days.empty()) return;
  std::string ext = fs::path(o.output).extension().string();
  bool to_dir = ext.empty() || o.output.back() == '/';
  if (!to_dir && ext != ".mp4" && ext != ".webm" && ext != ".gif") {
    report.error(o.output, "unknown format '" + ext + "'; use .mp4, .webm, .gif or a folder ending in /");
    return;
  }
  const MapOptions& mo = canvas.options();
  plan.k = canvas.pixel_scale();
  plan.width_pt = mo.width_pt;
  plan.lang = mo.lang;
  plan.W = static_cast<int>(std::lround(mo.width_pt * plan.k));
  plan.H = static_cast<int>(std::lround(mo.height_pt * plan.k));
  plan.threads = o.threads > 0 ? static_cast<unsigned>(o.threads) : std::max(1u, std::thread::hardware_concurrency());
  std::atomic<size_t> done{0};
  std::mutex progress_mutex;
  size_t total = 0;
  plan.tick = [&] {
    size_t n = ++done;
    if (o.progress == AnimateOptions::Progress::None) return;
    std::lock_guard<std::mutex> lock(progress_mutex);
    if (o.progress == AnimateOptions::Progress::Lines) {
      if (n * 10 / total != (n - 1) * 10 / total || n == total)
        std::fprintf(stderr, "animate: %zu%% (%zu of %zu steps)\n", n * 100 / total, n, total);
      return;
    }
    int bar = static_cast<int>(40.0 * n / total);
    std::fprintf(stderr, "\r[%s%s] %zu/%zu", std::string(bar, '#').c_str(), std::string(40 - bar, ' ').c_str(), n,
                 total);
    if (n == total) std::fprintf(stderr, "\n");
  };
  try {
    std::set<long> segments;
    for (Day d : plan.days) segments.insert(plan.segment(d));
    total = segments.size() + plan.days.size();
    size_t hold = o.step == "changes" ? 1 : static_cast<size_t>(std::ceil(o.caption_seconds * o.fps));
    plan.captions = frame_captions(atlas, resolver, plan.days, std::max<size_t>(hold, 1), words_for(plan.lang));
    // The period's legend; when it needs more columns than the canvas keeps room for, a canvas
    // that keeps room for them beside or under the map rather than columns over the map.
    const MapCanvas* drawn = &canvas;
    std::unique_ptr<MapCanvas> wider;
    plan.legend = canvas.legend_over(resolver, plan.days, style);
    if (MapOptions wide = room_for_legend(atlas, mo, plan.legend, style);
        wide.legend_columns != mo.legend_columns || wide.legend_below != mo.legend_below) {
      wider = std::make_unique<MapCanvas>(atlas, wide, report);
      if (!wider->ok()) return;
      drawn = wider.get();
      plan.legend = drawn->legend_over(resolver, plan.days, style);
    }
    render_maps(plan, *drawn);
    if (to_dir) write_png_frames(plan, report);
    else encode_video(plan, ext, report);
  } catch (const OutputError& e) {
    report.error(o.output, e.what());
  }
}

}  // namespace histmap
