#include "scrub/animate.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <map>
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

namespace histmap {
namespace fs = std::filesystem;

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
  static const std::regex re(R"((\d+)([dw]))");
  std::smatch m;
  if (!std::regex_match(o.step, m, re) || std::stoi(m[1]) < 1) {
    report.error("--step", o.step + ": expected Nd (days), Nw (weeks) or 'changes', e.g. 1d");
    return days;
  }
  int step = std::stoi(m[1]) * (m[2] == "w" ? 7 : 1);
  for (Day d = o.from; d <= o.to; d += step) days.push_back(d);
  if (days.size() > 40000) {
    report.error("--step", "more than 40,000 frames; choose a longer step or a shorter period");
    days.clear();
  }
  return days;
}

namespace {

// Events of a day: assertions that begin or end then, as short lines.
std::vector<std::string> events_on(const Atlas& atlas, const Resolver& resolver, Day day) {
  std::vector<std::string> out;
  std::set<int> seen;
  for (const auto& c : timeline(resolver, day, day))
    for (int a : c.because) {
      if (!seen.insert(a).second) continue;
      const Assertion& as = atlas.assertions[a];
      std::string line = as.paraphrase;
      if (line.size() > 150) {
        line.resize(147);
        while (!line.empty() && (static_cast<unsigned char>(line.back()) & 0xC0) == 0x80) line.pop_back();  // UTF-8
        line += "…";
      }
      out.push_back(line + " [" + atlas.sources[as.source].id + ", " + as.locator.text() + "]");
    }
  return out;
}

void caption(cairo_t* cr, const Style& style, double width, Day day, const std::vector<std::string>& events,
             const Words& words) {
  auto layout = [&](const std::string& s, double size, bool bold, double w) {
    return text_layout(cr, style.font_family, s, size, bold, w);
  };
  cairo_set_source_rgb(cr, style.text.r, style.text.g, style.text.b);
  PangoLayout* d = layout(day_words(day, words), style.font_subtitle + 3, true, width);
  cairo_move_to(cr, 18, 18 + style.font_title * 1.45);
  pango_cairo_show_layout(cr, d);
  g_object_unref(d);
  if (events.empty()) return;
  // The day's events in a box at the top left of the map.
  std::string text;
  for (size_t i = 0; i < events.size() && i < 3; ++i) text += (i ? "\n• " : "• ") + events[i];
  if (events.size() > 3) text += "\n(+" + std::to_string(events.size() - 3) + " more)";
  PangoLayout* e = layout(text, style.font_legend, false, width * 0.42);
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

}  // namespace

void animate(const Atlas& atlas, const Resolver& resolver, const MapCanvas& canvas, const Style& style,
             const AnimateOptions& o, Report& report) {
  std::vector<Day> days = frame_days(resolver, o, report);
  if (days.empty()) return;
  std::string ext = fs::path(o.output).extension().string();
  bool to_dir = ext.empty() || o.output.back() == '/';
  if (!to_dir && ext != ".mp4" && ext != ".webm" && ext != ".gif") {
    report.error(o.output, "unknown format '" + ext + "'; use .mp4, .webm, .gif or a folder ending in /");
    return;
  }
  if (!to_dir && std::system("ffmpeg -version >/dev/null 2>&1") != 0) {
    report.error("ffmpeg", "not found; install Debian's ffmpeg package (scripts/install-deps.sh) or write PNG frames to a folder");
    return;
  }
  const MapOptions& mo = canvas.options();
  const double k = canvas.pixel_scale();
  const int W = static_cast<int>(std::lround(mo.width_pt * k)), H = static_cast<int>(std::lround(mo.height_pt * k));
  // One map per distinct state of the whole map (the global segment of the
  // day); every frame is that map plus its own caption.
  const auto& cps = resolver.change_points();
  auto segment = [&](Day d) { return std::upper_bound(cps.begin(), cps.end(), d) - cps.begin(); };
  std::map<long, cairo_surface_t*> maps;
  std::vector<long> keys;
  std::vector<Day> first_day;
  for (Day d : days)
    if (!maps.count(segment(d))) {
      maps[segment(d)] = nullptr;
      keys.push_back(segment(d));
      first_day.push_back(d);
    }
  unsigned threads = o.threads > 0 ? static_cast<unsigned>(o.threads) : std::max(1u, std::thread::hardware_concurrency());
  std::atomic<size_t> next{0}, done{0};
  std::mutex progress_mutex;
  size_t total = keys.size() + days.size();
  auto tick = [&] {
    size_t n = ++done;
    if (!o.progress) return;
    std::lock_guard<std::mutex> lock(progress_mutex);
    int bar = static_cast<int>(40.0 * n / total);
    std::fprintf(stderr, "\r[%s%s] %zu/%zu", std::string(bar, '#').c_str(), std::string(40 - bar, ' ').c_str(), n, total);
    if (n == total) std::fprintf(stderr, "\n");
  };
  auto run_parallel = [&](size_t count, auto&& work) {
    next = 0;
    std::vector<std::thread> pool;
    for (unsigned t = 0; t < threads; ++t)
      pool.emplace_back([&] {
        for (size_t i; (i = next++) < count;) work(i);
      });
    for (auto& t : pool) t.join();
  };
  std::vector<cairo_surface_t*> rendered(keys.size(), nullptr);
  run_parallel(keys.size(), [&](size_t i) {
    cairo_surface_t* s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, W, H);
    cairo_t* cr = cairo_create(s);
    cairo_scale(cr, k, k);
    canvas.draw(cr, resolver, first_day[i], style);
    cairo_destroy(cr);
    rendered[i] = s;
    tick();
  });
  for (size_t i = 0; i < keys.size(); ++i) maps[keys[i]] = rendered[i];

  auto compose = [&](size_t i, cairo_surface_t* target) {
    cairo_t* cr = cairo_create(target);
    cairo_set_source_surface(cr, maps[segment(days[i])], 0, 0);
    cairo_paint(cr);
    cairo_scale(cr, k, k);
    caption(cr, style, mo.width_pt, days[i], events_on(atlas, resolver, days[i]), words_for(mo.lang));
    cairo_destroy(cr);
  };

  if (to_dir) {
    std::error_code ec;
    fs::create_directories(o.output, ec);
    if (ec) report.error(o.output, "cannot create the folder: " + ec.message());
    else
      run_parallel(days.size(), [&](size_t i) {
        cairo_surface_t* f = cairo_image_surface_create(CAIRO_FORMAT_RGB24, W, H);
        compose(i, f);
        char name[32];
        std::snprintf(name, sizeof name, "frame-%05zu.png", i + 1);
        std::string path = (fs::path(o.output) / name).string(), tmp = temp_path_for(path);
        if (cairo_surface_write_to_png(f, tmp.c_str()) == CAIRO_STATUS_SUCCESS) commit_temp(tmp, path);
        cairo_surface_destroy(f);
        tick();
      });
  } else {
    // Raw frames through a pipe: no intermediate images. FFmpeg writes a temporary file we rename.
    std::string tmp;
    try {
      tmp = temp_path_for(o.output);
    } catch (const OutputError& e) {
      report.error(o.output, e.what());
    }
    if (!tmp.empty()) {
      char rate[32];
      if (o.step == "changes") std::snprintf(rate, sizeof rate, "%.6f", 1.0 / o.hold_seconds);
      else std::snprintf(rate, sizeof rate, "%.6f", o.fps);
      std::string codec = ext == ".mp4" ? "-c:v libx264 -pix_fmt yuv420p -preset veryfast -crf 20"
                          : ext == ".webm" ? "-c:v libvpx-vp9 -pix_fmt yuv420p -b:v 0 -crf 34 -row-mt 1"
                                           : "-vf split[a][b];[a]palettegen[p];[b][p]paletteuse";
      std::string out_rate = o.step == "changes" ? " -r 10" : "";
      std::string cmd = "ffmpeg -loglevel error -y -f rawvideo -pix_fmt bgr0 -s " + std::to_string(W) + "x" +
                        std::to_string(H) + " -framerate " + rate + " -i - " + codec + out_rate +
                        " -fflags +bitexact -flags:v +bitexact '" + tmp + "'";
      FILE* pipe = popen(cmd.c_str(), "w");
      if (!pipe) report.error("ffmpeg", "cannot start: " + cmd);
      else {
        // Frames are composed two at a time ahead of the writer.
        const size_t batch = std::max<size_t>(threads * 4, 8);
        std::vector<cairo_surface_t*> frames(batch, nullptr);
        for (auto& f : frames) f = cairo_image_surface_create(CAIRO_FORMAT_RGB24, W, H);
        bool ok = true;
        for (size_t base = 0; base < days.size() && ok; base += batch) {
          size_t n = std::min(batch, days.size() - base);
          run_parallel(n, [&](size_t j) { compose(base + j, frames[j]); });
          for (size_t j = 0; j < n && ok; ++j) {
            cairo_surface_flush(frames[j]);
            const unsigned char* data = cairo_image_surface_get_data(frames[j]);
            int stride = cairo_image_surface_get_stride(frames[j]);
            for (int y = 0; y < H && ok; ++y) ok = fwrite(data + y * stride, 4, W, pipe) == static_cast<size_t>(W);
            tick();
          }
        }
        for (auto& f : frames) cairo_surface_destroy(f);
        int rc = pclose(pipe);
        if (!ok || rc != 0) {
          report.error(o.output, "ffmpeg failed (exit " + std::to_string(rc) + ")");
          std::error_code ec;
          fs::remove(tmp, ec);
        } else {
          commit_temp(tmp, o.output);
        }
      }
    }
  }
  for (auto& [key, s] : maps)
    if (s) cairo_surface_destroy(s);
}

}  // namespace histmap
