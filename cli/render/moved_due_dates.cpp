// SPDX-License-Identifier: MIT
#include "render/moved_due_dates.hpp"

#include "render/output.hpp"
#include "session.hpp"

#include <ent110/cases/labels.hpp>

#include <ostream>

namespace ent110::cli {

nlohmann::json moved_due_dates_json(const std::vector<MovedDueDate>& moved) {
  nlohmann::json list = nlohmann::json::array();
  for (const MovedDueDate& due : moved) {
    list.push_back(
        {{"table", due.table},
         {"key", due.key},
         {"label", due.label},
         {"before", format_date(due.before)},
         {"after", format_date(due.after)},
         {"provisional", due.provisional},
         {"verdict_before",
          due.verdict_before.empty() ? nlohmann::json() : nlohmann::json(due.verdict_before)},
         {"verdict_after",
          due.verdict_after.empty() ? nlohmann::json() : nlohmann::json(due.verdict_after)},
         {"referral_withdrawn", due.referral_withdrawn}});
  }
  return list;
}

namespace {

// A stored clock outcome in the reader's words: "running" reads as the status "open".
std::string outcome_word(Session& s, const std::string& outcome) {
  const std::optional<ClockStatus> status =
      outcome == "running" ? ClockStatus::open : parse_clock_status(outcome);
  return status ? label(s.lang(), *status) : outcome;
}

}  // namespace

void print_moved_due_dates(Session& s, const std::vector<MovedDueDate>& moved, MessageId heading) {
  if (moved.empty()) {
    return;
  }
  s.out() << s.tr(heading, {std::to_string(moved.size())}) << '\n';
  Table table({{s.tr(MessageId::col_what), Table::Align::left, true},
               {s.tr(MessageId::col_due_before)},
               {s.tr(MessageId::col_due_after)},
               {s.tr(MessageId::col_verdict), Table::Align::left, true}});
  for (const MovedDueDate& due : moved) {
    std::string after = format_date(due.after);
    if (due.provisional) {
      after += " (" + s.tr(MessageId::calendar_still_provisional) + ")";
    }
    std::string verdict;
    if (!due.verdict_before.empty()) {
      verdict = outcome_word(s, due.verdict_before) + " → " + outcome_word(s, due.verdict_after);
    }
    if (due.referral_withdrawn) {
      verdict += (verdict.empty() ? "" : "; ") + s.tr(MessageId::label_action_withdraw);
    }
    table.add_row({due.label, format_date(due.before), after, verdict});
  }
  emit_table(s, table);
}

}  // namespace ent110::cli
