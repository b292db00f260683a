// SPDX-License-Identifier: MIT
#include <ent110/util/display_width.hpp>
#include <ent110/util/table.hpp>

#include <algorithm>
#include <cassert>

namespace ent110 {
namespace {
constexpr std::size_t k_gap = 2;
constexpr std::size_t k_min_shrunk_width = 8;
}  // namespace

Table::Table(std::vector<Column> columns) : m_columns(std::move(columns)) {}

void Table::add_row(std::vector<std::string> cells) {
  assert(cells.size() == m_columns.size());
  m_rows.push_back(std::move(cells));
}

std::string Table::render(std::size_t max_width) const {
  std::vector<std::size_t> widths;
  for (const Column& column : m_columns) {
    widths.push_back(display_width(column.header));
  }
  for (const auto& row : m_rows) {
    for (std::size_t i = 0; i < row.size(); ++i) {
      widths[i] = std::max(widths[i], display_width(row[i]));
    }
  }
  std::size_t total = 0;
  for (std::size_t width : widths) {
    total += width;
  }
  total += k_gap * (widths.empty() ? 0 : widths.size() - 1);
  if (max_width > 0 && total > max_width) {
    // Take the excess from the shrinkable columns, widest first, keeping each readable.
    std::size_t excess = total - max_width;
    for (std::size_t i = 0; i < m_columns.size() && excess > 0; ++i) {
      if (m_columns[i].shrinkable && widths[i] > k_min_shrunk_width) {
        const std::size_t cut = std::min(excess, widths[i] - k_min_shrunk_width);
        widths[i] -= cut;
        excess -= cut;
      }
    }
  }

  std::string out;
  auto append_line = [&](const std::vector<std::string>& cells) {
    std::string line;
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (i > 0) {
        line.append(k_gap, ' ');
      }
      std::string cell = truncate_to_width(cells[i], widths[i]);
      const bool last = i + 1 == cells.size();
      const bool right = m_columns[i].align == Align::right;
      line += (last && !right) ? cell : pad_to_width(cell, widths[i], right);
    }
    out += line;
    out += '\n';
  };
  std::vector<std::string> headers;
  std::vector<std::string> rules;
  for (std::size_t i = 0; i < m_columns.size(); ++i) {
    headers.push_back(m_columns[i].header);
    rules.emplace_back(widths[i], '-');
  }
  append_line(headers);
  append_line(rules);
  for (const auto& row : m_rows) {
    append_line(row);
  }
  return out;
}

}  // namespace ent110
