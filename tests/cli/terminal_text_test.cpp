// SPDX-License-Identifier: MIT
#include "render/terminal_text.hpp"

#include <catch2/catch.hpp>

#include <ostream>
#include <sstream>

using ent110::cli::terminal_safe;
using ent110::cli::TerminalSafeBuffer;

TEST_CASE("terminal_safe: control characters are escaped, colour only when asked", "[cli]") {
  CHECK(terminal_safe("title\x1b]0;pwned\x07", false) == "title\\x1b]0;pwned\\x07");
  CHECK(terminal_safe("a\tb\nc", false) == "a\tb\nc");
  CHECK(terminal_safe("\x1b[31mred\x1b[0m", false) == "\\x1b[31mred\\x1b[0m");
  CHECK(terminal_safe("\x1b[31mred\x1b[0m", true) == "\x1b[31mred\x1b[0m");
  CHECK(terminal_safe("\x1b[2J\x1b[1;31m", true) == "\\x1b[2J\x1b[1;31m");
  CHECK(terminal_safe("\xC2\x9B"
                      "2J",
                      true) == "\\u009b2J");
}

TEST_CASE("TerminalSafeBuffer: whole lines pass through escaped, CRLF line ends are kept",
          "[cli]") {
  std::ostringstream target;
  {
    TerminalSafeBuffer buffer(target.rdbuf(), false);
    std::ostream out(&buffer);
    out << "a,b\r\n"
        << "中"
        << "\x1b"
        << "文\n"
        << "tail\r";
  }
  CHECK(target.str() == "a,b\r\n中\\x1b文\ntail\\r");
}
