// SPDX-License-Identifier: MIT
#include "render/terminal_text.hpp"

#include <ent110/core/input.hpp>

namespace ent110::cli {

std::string terminal_safe(std::string_view text, bool keep_colour) {
  std::string out;
  std::size_t start = 0;
  for (std::size_t i = 0; keep_colour && i < text.size(); ++i) {
    if (text[i] != '\x1b' || i + 1 >= text.size() || text[i + 1] != '[') {
      continue;
    }
    std::size_t end = i + 2;
    while (end < text.size() && ((text[end] >= '0' && text[end] <= '9') || text[end] == ';')) {
      ++end;
    }
    if (end < text.size() && text[end] == 'm') {
      out += escape_controls(text.substr(start, i - start), true);
      out.append(text.substr(i, end + 1 - i));
      start = end + 1;
      i = end;
    }
  }
  return out + escape_controls(text.substr(start), true);
}

TerminalSafeBuffer::TerminalSafeBuffer(std::streambuf* target, bool keep_colour)
    : m_target(target), m_keep_colour(keep_colour) {}

TerminalSafeBuffer::~TerminalSafeBuffer() {
  TerminalSafeBuffer::sync();
}

TerminalSafeBuffer::int_type TerminalSafeBuffer::overflow(int_type c) {
  if (!traits_type::eq_int_type(c, traits_type::eof())) {
    m_pending += traits_type::to_char_type(c);
    pass_on_lines();
  }
  return traits_type::not_eof(c);
}

std::streamsize TerminalSafeBuffer::xsputn(const char* text, std::streamsize count) {
  m_pending.append(text, static_cast<std::size_t>(count));
  pass_on_lines();
  return count;
}

int TerminalSafeBuffer::sync() {
  pass_on(m_pending);
  m_pending.clear();
  return m_target->pubsync();
}

// Whole lines only: a multi-byte character is never split between two writes of a line.
void TerminalSafeBuffer::pass_on_lines() {
  const std::size_t last = m_pending.rfind('\n');
  if (last == std::string::npos) {
    return;
  }
  std::string_view lines(m_pending.data(), last + 1);
  for (std::size_t end = lines.find('\n'); end != std::string_view::npos; end = lines.find('\n')) {
    const bool crlf = end > 0 && lines[end - 1] == '\r';
    pass_on(lines.substr(0, crlf ? end - 1 : end));
    m_target->sputn(crlf ? "\r\n" : "\n", crlf ? 2 : 1);
    lines.remove_prefix(end + 1);
  }
  m_pending.erase(0, last + 1);
}

void TerminalSafeBuffer::pass_on(std::string_view line) {
  const std::string safe = terminal_safe(line, m_keep_colour);
  m_target->sputn(safe.data(), static_cast<std::streamsize>(safe.size()));
}

}  // namespace ent110::cli
