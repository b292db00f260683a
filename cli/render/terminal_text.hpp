// SPDX-License-Identifier: MIT
#pragma once

#include <streambuf>
#include <string>
#include <string_view>

namespace ent110::cli {

/// `text` with every control character and invalid byte escaped (escape_controls), keeping line
/// breaks and tabs and, when `keep_colour`, the colour sequences (ESC [ digits;… m) of paint().
std::string terminal_safe(std::string_view text, bool keep_colour);

/// A stream buffer that passes output on to `target` line by line through terminal_safe, so that
/// no stored text (a title with ESC or OSC sequences) is ever written raw to a terminal. A
/// carriage return that ends a line (CSV's CRLF) is kept.
class TerminalSafeBuffer : public std::streambuf {
 public:
  /// Writes to `target`; keeps colour sequences when `keep_colour`.
  TerminalSafeBuffer(std::streambuf* target, bool keep_colour);
  /// Passes on what is left of an unfinished line.
  ~TerminalSafeBuffer() override;

 protected:
  int_type overflow(int_type c) override;
  std::streamsize xsputn(const char* text, std::streamsize count) override;
  int sync() override;

 private:
  void pass_on_lines();
  void pass_on(std::string_view line);

  std::streambuf* m_target;
  bool m_keep_colour;
  std::string m_pending;
};

}  // namespace ent110::cli
