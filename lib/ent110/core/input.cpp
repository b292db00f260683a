// SPDX-License-Identifier: MIT
#include <ent110/core/error.hpp>
#include <ent110/core/input.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace ent110 {
namespace {

struct CodePoint {
  char32_t value;
  std::size_t length;  // 0: the byte at the position does not start a well-formed sequence
};

// Decodes the sequence at `pos` by the table of well-formed byte sequences of Unicode 15, §3.9
// (Table 3-7), which excludes overlong forms, surrogates and values above U+10FFFF.
CodePoint decode(std::string_view text, std::size_t pos) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[pos + i]); };
  const unsigned char lead = byte(0);
  if (lead < 0x80) {
    return {lead, 1};
  }
  std::size_t length = 0;
  unsigned char low = 0x80;
  unsigned char high = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    low = lead == 0xE0 ? 0xA0 : 0x80;
    high = lead == 0xED ? 0x9F : 0xBF;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    low = lead == 0xF0 ? 0x90 : 0x80;
    high = lead == 0xF4 ? 0x8F : 0xBF;
  } else {
    return {0, 0};
  }
  if (pos + length > text.size() || byte(1) < low || byte(1) > high) {
    return {0, 0};
  }
  char32_t value = lead & (0xFF >> (length + 1));
  for (std::size_t i = 1; i < length; ++i) {
    if (i > 1 && (byte(i) & 0xC0) != 0x80) {
      return {0, 0};
    }
    value = (value << 6) | (byte(i) & 0x3F);
  }
  return {value, length};
}

bool is_control(char32_t c) {
  return c < 0x20 || (c >= 0x7F && c <= 0x9F);
}

}  // namespace

std::optional<std::size_t> invalid_utf8_offset(std::string_view text) {
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t length = decode(text, pos).length;
    if (length == 0) {
      return pos;
    }
    pos += length;
  }
  return std::nullopt;
}

void require_utf8_argument(std::string_view value, std::string_view field) {
  if (const auto offset = invalid_utf8_offset(value)) {
    throw UsageError(MessageId::input_argument_not_utf8,
                     {std::string(field), std::to_string(*offset)});
  }
}

void require_utf8_file(std::string_view content, const std::string& file) {
  if (const auto offset = invalid_utf8_offset(content)) {
    const auto line = 1 + std::count(content.begin(),
                                     content.begin() + static_cast<std::ptrdiff_t>(*offset), '\n');
    throw BadInput(MessageId::input_file_not_utf8,
                   {file, std::to_string(line), std::to_string(*offset)});
  }
}

void Utf8FileCheck::add(std::string_view piece) {
  if (m_invalid) {
    return;
  }
  std::string joined;
  if (!m_carried.empty()) {
    joined = std::move(m_carried) + std::string(piece);
    m_carried.clear();
    piece = joined;
  }
  // decode() reads at most 4 bytes: with that many left its verdict is the whole file's; with
  // fewer, the character may go on in the next piece.
  constexpr std::size_t k_longest = 4;
  std::size_t pos = 0;
  while (pos < piece.size()) {
    const std::size_t length = decode(piece, pos).length;
    if (length == 0 && piece.size() - pos < k_longest) {
      m_carried = piece.substr(pos);
      break;
    }
    if (length == 0) {
      m_invalid = m_offset + pos;
      break;
    }
    pos += length;
  }
  m_line += static_cast<std::size_t>(
      std::count(piece.begin(), piece.begin() + static_cast<std::ptrdiff_t>(pos), '\n'));
  m_offset += pos;
}

void Utf8FileCheck::finish() {
  if (!m_invalid && !m_carried.empty()) {
    m_invalid = m_offset;  // the file ends inside a character
  }
  if (m_invalid) {
    throw BadInput(MessageId::input_file_not_utf8,
                   {m_file, std::to_string(m_line), std::to_string(*m_invalid)});
  }
}

std::string read_bounded(std::istream& in, std::size_t max_bytes, const std::string& name) {
  std::string content;
  std::array<char, 65536> chunk{};
  while (in) {
    in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    const auto got = static_cast<std::size_t>(in.gcount());
    if (content.size() + got > max_bytes) {
      throw BadInput(MessageId::input_too_large, {name, std::to_string(max_bytes)});
    }
    content.append(chunk.data(), got);
  }
  return content;
}

std::string escape_controls(std::string_view text, bool keep_line_breaks) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t pos = 0; pos < text.size();) {
    const CodePoint point = decode(text, pos);
    if (point.length == 0) {
      out += fmt::format("\\x{:02x}", static_cast<unsigned char>(text[pos]));
      ++pos;
      continue;
    }
    const bool line_break = point.value == '\n' || point.value == '\t';
    if (!is_control(point.value) || (keep_line_breaks && line_break)) {
      out.append(text.substr(pos, point.length));
    } else if (point.value == '\n') {
      out += "\\n";
    } else if (point.value == '\t') {
      out += "\\t";
    } else if (point.value == '\r') {
      out += "\\r";
    } else if (point.value < 0x80) {
      out += fmt::format("\\x{:02x}", static_cast<unsigned>(point.value));
    } else {
      out += fmt::format("\\u{:04x}", static_cast<unsigned>(point.value));
    }
    pos += point.length;
  }
  return out;
}

std::string excerpt_for_message(std::string_view text) {
  std::size_t pos = 0;
  for (std::size_t chars = 0; pos < text.size() && chars < k_max_quoted_chars; ++chars) {
    pos += std::max<std::size_t>(decode(text, pos).length, 1);
  }
  std::string shown = escape_controls(text.substr(0, pos));
  return pos < text.size() ? shown + "…" : shown;
}

}  // namespace ent110
