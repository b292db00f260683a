// SPDX-License-Identifier: MIT
#include "render/json_stream.hpp"

#include <ostream>
#include <string>

namespace ent110::cli {
namespace {

constexpr int k_indent = 2;

// `value` as emit_json prints it, nested `depth` containers deep.
std::string dumped(const nlohmann::json& value, std::size_t depth) {
  const std::string text =
      value.dump(k_indent, ' ', false, nlohmann::json::error_handler_t::replace);
  if (depth == 0 || !value.is_structured()) {
    return text;
  }
  const std::string indent(depth * k_indent, ' ');
  std::string nested;
  nested.reserve(text.size());
  for (const char c : text) {
    nested += c;
    if (c == '\n') {
      nested += indent;
    }
  }
  return nested;
}

}  // namespace

void JsonStream::begin_object() {
  begin('{');
}

void JsonStream::begin_array() {
  begin('[');
}

void JsonStream::end_object() {
  end('}');
}

void JsonStream::end_array() {
  end(']');
}

void JsonStream::key(std::string_view name) {
  element();
  m_out << dumped(nlohmann::json(name), 0) << ": ";
  m_after_key = true;
}

void JsonStream::value(const nlohmann::json& value) {
  before_value();
  m_out << dumped(value, m_open_has_elements.size());
}

void JsonStream::begin(char bracket) {
  before_value();
  m_out << bracket;
  m_open_has_elements.push_back(false);
}

void JsonStream::end(char bracket) {
  const bool has_elements = m_open_has_elements.back();
  m_open_has_elements.pop_back();
  if (has_elements) {
    m_out << '\n' << std::string(m_open_has_elements.size() * k_indent, ' ');
  }
  m_out << bracket;
  if (m_open_has_elements.empty()) {
    m_out << '\n';
  }
}

void JsonStream::element() {
  if (m_open_has_elements.back()) {
    m_out << ',';
  }
  m_open_has_elements.back() = true;
  m_out << '\n' << std::string(m_open_has_elements.size() * k_indent, ' ');
}

void JsonStream::before_value() {
  if (m_after_key) {
    m_after_key = false;
  } else if (!m_open_has_elements.empty()) {
    element();
  }
}

}  // namespace ent110::cli
