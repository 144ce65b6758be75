// Pango text on Cairo: one place that builds a layout from a family, a size in
// points, weight and an optional wrapping width.
#pragma once

#include <string>

#include <pango/pangocairo.h>

namespace histmap {

// Sets the font and the text of a layout; wraps at wrap_width points when it is positive.
inline void set_layout_text(PangoLayout* l, const std::string& family, const std::string& text, double size,
                            bool bold = false, double wrap_width = -1) {
  PangoFontDescription* fd = pango_font_description_new();
  pango_font_description_set_family(fd, family.c_str());
  pango_font_description_set_absolute_size(fd, size * PANGO_SCALE);
  if (bold) pango_font_description_set_weight(fd, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description(l, fd);
  pango_font_description_free(fd);
  if (wrap_width > 0) {
    pango_layout_set_width(l, static_cast<int>(wrap_width * PANGO_SCALE));
    pango_layout_set_wrap(l, PANGO_WRAP_WORD);
  }
  pango_layout_set_text(l, text.c_str(), -1);
}

// The caller owns the layout (g_object_unref).
inline PangoLayout* text_layout(cairo_t* cr, const std::string& family, const std::string& text, double size,
                                bool bold = false, double wrap_width = -1) {
  PangoLayout* l = pango_cairo_create_layout(cr);
  set_layout_text(l, family, text, size, bold, wrap_width);
  return l;
}

}  // namespace histmap
