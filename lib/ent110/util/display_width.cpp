// SPDX-License-Identifier: MIT
#include <ent110/util/display_width.hpp>

#include <utf8proc.h>

namespace ent110 {
namespace {

// Calls `visit(bytes, width)` for each code point; stops when it returns false.
template <typename Visit>
void for_each_code_point(std::string_view text, Visit visit) {
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  auto remaining = static_cast<utf8proc_ssize_t>(text.size());
  while (remaining > 0) {
    utf8proc_int32_t code_point = 0;
    utf8proc_ssize_t length = utf8proc_iterate(bytes, remaining, &code_point);
    std::size_t width = 1;
    if (length < 0) {
      length = 1;
    } else {
      width = static_cast<std::size_t>(utf8proc_charwidth(code_point));
    }
    if (!visit(std::string_view(reinterpret_cast<const char*>(bytes),
                                static_cast<std::size_t>(length)),
               width)) {
      return;
    }
    bytes += length;
    remaining -= length;
  }
}

}  // namespace

std::size_t display_width(std::string_view text) {
  std::size_t total = 0;
  // Colour sequences (ESC [ … m) take no columns on a terminal.
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t escape = text.find("\x1b[", start);
    const std::string_view plain = text.substr(
        start, escape == std::string_view::npos ? std::string_view::npos : escape - start);
    for_each_code_point(plain, [&](std::string_view, std::size_t width) {
      total += width;
      return true;
    });
    if (escape == std::string_view::npos) {
      break;
    }
    const std::size_t end = text.find('m', escape);
    start = end == std::string_view::npos ? text.size() : end + 1;
  }
  return total;
}

std::string truncate_to_width(std::string_view text, std::size_t columns) {
  if (display_width(text) <= columns) {
    return std::string(text);
  }
  if (columns == 0) {
    return {};
  }
  std::string result;
  std::size_t used = 0;
  for_each_code_point(text, [&](std::string_view bytes, std::size_t width) {
    if (used + width + 1 > columns) {
      return false;
    }
    result += bytes;
    used += width;
    return true;
  });
  return result + "…";
}

std::string pad_to_width(std::string_view text, std::size_t columns, bool align_right) {
  const std::size_t width = display_width(text);
  const std::string padding(width < columns ? columns - width : 0, ' ');
  return align_right ? padding + std::string(text) : std::string(text) + padding;
}

}  // namespace ent110
