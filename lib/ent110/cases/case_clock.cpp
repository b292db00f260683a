// SPDX-License-Identifier: MIT
#include <ent110/calendar/calendar.hpp>
#include <ent110/cases/case_clock.hpp>
#include <ent110/util/enum_names.hpp>

#include <array>
#include <utility>

namespace ent110 {
namespace {

constexpr std::array k_names = {
    std::pair{ClockName::forward, "forward"}, std::pair{ClockName::reply, "reply"},
    std::pair{ClockName::explain, "explain"}, std::pair{ClockName::government, "government"},
    std::pair{ClockName::review, "review"},   std::pair{ClockName::resubmit, "resubmit"},
    std::pair{ClockName::assist, "assist"},
};

constexpr std::array k_outcomes = {
    std::pair{ClockOutcome::running, "running"},
    std::pair{ClockOutcome::paused, "paused"},
    std::pair{ClockOutcome::met, "met"},
    std::pair{ClockOutcome::missed, "missed"},
    std::pair{ClockOutcome::cancelled, "cancelled"},
};

constexpr std::array k_statuses = {
    std::pair{ClockStatus::open, "open"},           std::pair{ClockStatus::due_today, "due-today"},
    std::pair{ClockStatus::overdue, "overdue"},     std::pair{ClockStatus::met, "met"},
    std::pair{ClockStatus::missed, "missed"},       std::pair{ClockStatus::paused, "paused"},
    std::pair{ClockStatus::cancelled, "cancelled"},
};

}  // namespace

std::string_view to_string(ClockName name) {
  return name_of(k_names, name);
}
std::string_view to_string(ClockOutcome outcome) {
  return name_of(k_outcomes, outcome);
}
std::string_view to_string(ClockStatus status) {
  return name_of(k_statuses, status);
}
std::optional<ClockName> parse_clock_name(std::string_view text) {
  return value_of(k_names, text);
}
std::optional<ClockOutcome> parse_clock_outcome(std::string_view text) {
  return value_of(k_outcomes, text);
}
std::optional<ClockStatus> parse_clock_status(std::string_view text) {
  return value_of(k_statuses, text);
}
std::vector<std::string> clock_names() {
  return names_of(k_names);
}
std::vector<std::string> clock_status_names() {
  return names_of(k_statuses);
}

ClockStatus status_at(const Clock& clock, LocalDate today) {
  switch (clock.outcome) {
    case ClockOutcome::running:
      return today < clock.due    ? ClockStatus::open
             : today == clock.due ? ClockStatus::due_today
                                  : ClockStatus::overdue;
    case ClockOutcome::paused:
      return ClockStatus::paused;
    case ClockOutcome::met:
      return ClockStatus::met;
    case ClockOutcome::missed:
      return ClockStatus::missed;
    case ClockOutcome::cancelled:
      return ClockStatus::cancelled;
  }
  return ClockStatus::open;
}

bool on_time(LocalDate day, LocalDate due) {
  return day <= due;
}

std::optional<int> working_days_left(const Clock& clock,
                                     LocalDate today,
                                     const WorkingCalendar& calendar) {
  if (clock.outcome != ClockOutcome::running) {
    return std::nullopt;
  }
  if (today <= clock.due) {
    return calendar.working_days_between(today, clock.due);
  }
  return -calendar.working_days_between(clock.due, today);
}

}  // namespace ent110
