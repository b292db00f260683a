// SPDX-License-Identifier: MIT
// A JSON document written piece by piece as its values come, byte for byte as emit_json would
// print it whole (nlohmann's dump with an indent of 2), so that a command streams a document of
// any size in flat memory and its output does not change.
#pragma once

#include <nlohmann/json.hpp>

#include <iosfwd>
#include <string_view>
#include <vector>

namespace ent110::cli {

class JsonStream {
 public:
  explicit JsonStream(std::ostream& out) : m_out(out) {}

  /// Opens an object or an array: the document itself, a member's value after key(), or an
  /// element of the array open now.
  void begin_object();
  void begin_array();
  /// Closes the innermost object or array; closing the document ends its line.
  void end_object();
  void end_array();
  /// Starts a member of the object open now; its keys must come in the order emit_json sorts
  /// them (byte order).
  void key(std::string_view name);
  /// A whole value: a member's after key(), or an element of the array open now.
  void value(const nlohmann::json& value);

 private:
  void begin(char bracket);
  void end(char bracket);
  // Where an element of an array or a member of an object starts: after a comma when the
  // container has one already, on its own line, indented.
  void element();
  void before_value();

  std::ostream& m_out;
  std::vector<bool> m_open_has_elements;  ///< per open container: something written in it
  bool m_after_key = false;
};

}  // namespace ent110::cli
