// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace ent110 {

/// A plain-text table whose columns line up by display width, so Chinese text aligns.
class Table {
 public:
  /// How a column's cells are placed.
  enum class Align { left, right };
  /// A column: its header, alignment, and whether it may be cut to fit `max_width`.
  struct Column {
    std::string header;
    Align align = Align::left;
    bool shrinkable = false;
  };

  explicit Table(std::vector<Column> columns);

  /// Appends a row; it must have one cell per column.
  void add_row(std::vector<std::string> cells);
  /// Number of rows added.
  std::size_t size() const { return m_rows.size(); }
  /// The table, a header line, a rule, then one line per row; shrinkable columns are cut (with
  /// "…") so that each line fits `max_width` columns when that is possible (0: never cut).
  std::string render(std::size_t max_width = 0) const;

 private:
  std::vector<Column> m_columns;
  std::vector<std::vector<std::string>> m_rows;
};

}  // namespace ent110
