// SPDX-License-Identifier: MIT
#include "render/moved_due_dates.hpp"

#include "render/output.hpp"
#include "session.hpp"

#include <ostream>

namespace ent110::cli {

nlohmann::json moved_due_dates_json(const std::vector<MovedDueDate>& moved) {
  nlohmann::json list = nlohmann::json::array();
  for (const MovedDueDate& due : moved) {
    list.push_back({{"table", due.table},
                    {"key", due.key},
                    {"label", due.label},
                    {"before", format_date(due.before)},
                    {"after", format_date(due.after)},
                    {"provisional", due.provisional}});
  }
  return list;
}

void print_moved_due_dates(Session& s, const std::vector<MovedDueDate>& moved, MessageId heading) {
  if (moved.empty()) {
    return;
  }
  s.out() << s.tr(heading, {std::to_string(moved.size())}) << '\n';
  Table table({{s.tr(MessageId::col_what), Table::Align::left, true},
               {s.tr(MessageId::col_due_before)},
               {s.tr(MessageId::col_due_after)}});
  for (const MovedDueDate& due : moved) {
    std::string after = format_date(due.after);
    if (due.provisional) {
      after += " (" + s.tr(MessageId::calendar_still_provisional) + ")";
    }
    table.add_row({due.label, format_date(due.before), after});
  }
  emit_table(s, table);
}

}  // namespace ent110::cli
