// SPDX-License-Identifier: MIT
// A query whose rows a repository hands out one at a time as values, so that its callers stream
// them without seeing a Statement.
#pragma once

#include <ent110/store/statement.hpp>

#include <optional>
#include <utility>

namespace ent110 {

/// The rows of one query, each made by `read` from the statement's current row.
template <typename Row>
class Cursor {
 public:
  using Reader = Row (*)(const Statement& row);

  Cursor(Statement select, Reader read) : m_select(std::move(select)), m_read(read) {}

  /// The next row, or nullopt after the last.
  std::optional<Row> next() {
    if (!m_select.step()) {
      return std::nullopt;
    }
    return m_read(m_select);
  }

 private:
  Statement m_select;
  Reader m_read;
};

}  // namespace ent110
