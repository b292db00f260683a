// SPDX-License-Identifier: MIT
// Hostile input at the edges: UTF-8 checks, size caps for files and standard input, and values
// made safe to quote in a one-line message.
#pragma once

#include <cstddef>
#include <istream>
#include <optional>
#include <string>
#include <string_view>

namespace ent110 {

/// Cap on --body-file, --text-file and standard input, in bytes (1 MiB; man/ent110.1).
inline constexpr std::size_t k_max_text_bytes = std::size_t{1} << 20;
/// Cap on config, holiday and unit files, in bytes (1 MiB; man/ent110.1).
inline constexpr std::size_t k_max_settings_file_bytes = std::size_t{1} << 20;
/// Cap on intake files and enterprise imports, in bytes (64 MiB; man/ent110.1).
inline constexpr std::size_t k_max_data_file_bytes = std::size_t{64} << 20;
/// Longest user value quoted in a message, in code points; longer ones are cut with "…".
inline constexpr std::size_t k_max_quoted_chars = 160;

/// The 0-based byte offset of the first byte of `text` that is not well-formed UTF-8 (RFC 3629:
/// no overlong forms, no surrogates, nothing above U+10FFFF); nullopt when all of it is.
std::optional<std::size_t> invalid_utf8_offset(std::string_view text);

/// Throws UsageError(input_argument_not_utf8) naming `field` (an option such as "--title") and
/// the byte offset when `value` is not UTF-8.
void require_utf8_argument(std::string_view value, std::string_view field);

/// Throws BadInput(input_file_not_utf8) naming `file`, the 1-based line and the byte offset when
/// `content` is not UTF-8.
void require_utf8_file(std::string_view content, const std::string& file);

/// require_utf8_file over a file read in pieces: the same verdict, line and offset, whatever
/// the pieces (a character may be split between two).
class Utf8FileCheck {
 public:
  explicit Utf8FileCheck(std::string file) : m_file(std::move(file)) {}
  /// The file's next bytes.
  void add(std::string_view piece);
  /// After the last piece: throws as require_utf8_file when the file is not UTF-8.
  void finish();

 private:
  std::string m_file;
  std::string m_carried;     ///< the start of a character that the last piece cut
  std::size_t m_offset = 0;  ///< of the first byte not yet checked (m_carried's)
  std::size_t m_line = 1;
  std::optional<std::size_t> m_invalid;
};

/// Reads `in` to its end, at most `max_bytes`; throws BadInput(input_too_large) naming `name`
/// and the cap when there is more (so /dev/zero ends in a refusal, not in exhausted memory).
std::string read_bounded(std::istream& in, std::size_t max_bytes, const std::string& name);

/// `text` with control characters (C0, DEL, C1) written as escapes ("\n", "\t", "\x1b", "\u009b")
/// and bytes that are not UTF-8 as "\xff"; newlines and tabs are kept when `keep_line_breaks`.
std::string escape_controls(std::string_view text, bool keep_line_breaks = false);

/// `text` fit to quote in a one-line message: controls and invalid bytes escaped, cut after
/// k_max_quoted_chars code points with "…".
std::string excerpt_for_message(std::string_view text);

}  // namespace ent110
