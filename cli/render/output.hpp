// SPDX-License-Identifier: MIT
#pragma once

#include <ent110/util/table.hpp>

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace ent110::cli {

class Session;

/// Prints `document` as the command's one JSON document on stdout.
void emit_json(Session& session, const nlohmann::json& document);

/// Prints `record` as one NDJSON line on stdout.
void emit_json_line(Session& session, const nlohmann::json& record);

/// Prints `table` on stdout, cut to the terminal's width.
void emit_table(Session& session, const Table& table);

/// Terminal colours used for emphasis; none when the session has colour off.
enum class Colour { red, green, yellow, blue, bold, dim };

/// `text` wrapped in the ANSI sequence for `colour` when the session may colour, else as is.
std::string paint(const Session& session, Colour colour, std::string_view text);

/// "label: value" lines with labels padded to one width (display width aware).
class Fields {
 public:
  /// Adds a line; an empty value is shown as "—".
  void add(std::string label, std::string value);
  /// The lines.
  std::string render() const;

 private:
  std::vector<std::pair<std::string, std::string>> m_lines;
};

}  // namespace ent110::cli
