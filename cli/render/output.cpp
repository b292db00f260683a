// SPDX-License-Identifier: MIT
#include "render/output.hpp"

#include "session.hpp"

#include <ent110/util/display_width.hpp>

#include <algorithm>
#include <ostream>

namespace ent110::cli {

void emit_json(Session& session, const nlohmann::json& document) {
  session.out() << document.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

// Bytes that are not UTF-8 can only come from a database written before input was checked; they
// are shown as U+FFFD so that such a database can still be exported.
void emit_json_line(Session& session, const nlohmann::json& record) {
  session.out() << record.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

void emit_table(Session& session, const Table& table) {
  session.out() << table.render(session.terminal_width());
}

std::string paint(const Session& session, Colour colour, std::string_view text) {
  if (!session.color()) {
    return std::string(text);
  }
  const char* code = "";
  switch (colour) {
    case Colour::red:
      code = "31";
      break;
    case Colour::green:
      code = "32";
      break;
    case Colour::yellow:
      code = "33";
      break;
    case Colour::blue:
      code = "34";
      break;
    case Colour::bold:
      code = "1";
      break;
    case Colour::dim:
      code = "2";
      break;
  }
  return "\x1b[" + std::string(code) + "m" + std::string(text) + "\x1b[0m";
}

void Fields::add(std::string label, std::string value) {
  m_lines.emplace_back(std::move(label), value.empty() ? "—" : std::move(value));
}

std::string Fields::render() const {
  std::size_t width = 0;
  for (const auto& [label, value] : m_lines) {
    width = std::max(width, display_width(label));
  }
  std::string out;
  for (const auto& [label, value] : m_lines) {
    out += pad_to_width(label, width) + "  " + value + "\n";
  }
  return out;
}

}  // namespace ent110::cli
