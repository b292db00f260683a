// SPDX-License-Identifier: MIT
#include <ent110/calendar/calendar.hpp>

#include <algorithm>
#include <array>
#include <cassert>
#include <utility>

namespace ent110 {
namespace {

constexpr std::array<std::pair<DayKind, std::string_view>, 6> k_kind_names{{
    {DayKind::workday, "workday"},
    {DayKind::weekend, "weekend"},
    {DayKind::holiday, "holiday"},
    {DayKind::adjusted_workday, "adjusted-workday"},
    {DayKind::local_off, "local-off"},
    {DayKind::local_work, "local-work"},
}};

// The weekend rule in closed form. Its index counts Monday–Friday days from a Monday epoch
// (1970-01-05, day 4 of sys_days), so both directions are a division, never a loop.
constexpr std::int64_t k_monday_epoch = 4;

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  const std::int64_t q = a / b;
  return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

std::int64_t weekend_rule_index(LocalDate day) {
  const std::int64_t t = day.time_since_epoch().count() - k_monday_epoch;
  const std::int64_t weeks = floor_div(t, 7);
  return 5 * weeks + std::min<std::int64_t>(t - 7 * weeks, 5);
}

LocalDate weekend_rule_day_at(std::int64_t index) {
  const std::int64_t weeks = floor_div(index, 5);
  const std::int64_t weekday = index - 5 * weeks;
  return LocalDate{date::days{k_monday_epoch + 7 * weeks + weekday}};
}

int year_of(LocalDate day) {
  return static_cast<int>(date::year_month_day{day}.year());
}

LocalDate first_day_of(int year) {
  return LocalDate{date::year{year} / date::January / 1};
}

LocalDate last_day_of(int year) {
  return LocalDate{date::year{year} / date::December / 31};
}

}  // namespace

std::string_view to_string(DayKind kind) {
  for (const auto& [value, name] : k_kind_names) {
    if (value == kind) {
      return name;
    }
  }
  assert(false && "every DayKind has a name");
  return {};
}

std::optional<DayKind> parse_day_kind(std::string_view text) {
  for (const auto& [value, name] : k_kind_names) {
    if (name == text) {
      return value;
    }
  }
  return std::nullopt;
}

bool is_working(DayKind kind) {
  return kind == DayKind::workday || kind == DayKind::adjusted_workday ||
         kind == DayKind::local_work;
}

bool is_weekend(LocalDate day) {
  const date::weekday weekday{day};
  return weekday == date::Saturday || weekday == date::Sunday;
}

WorkingCalendar::WorkingCalendar() : WorkingCalendar({}, {}, {}, 0) {}

WorkingCalendar::WorkingCalendar(std::vector<CalendarYear> years,
                                 std::vector<OfficialDay> days,
                                 std::vector<LocalOverride> overrides,
                                 std::int64_t revision)
    : m_years(std::move(years)), m_revision(revision) {
  std::sort(m_years.begin(), m_years.end(),
            [](const CalendarYear& a, const CalendarYear& b) { return a.year < b.year; });
  for (const CalendarYear& year : m_years) {
    m_year_numbers.push_back(year.year);
  }
  for (OfficialDay& day : days) {
    const LocalDate date = day.date;
    m_official.insert_or_assign(date, std::move(day));
  }
  for (LocalOverride& override : overrides) {
    const LocalDate date = override.date;
    m_overrides.insert_or_assign(date, std::move(override));
  }

  // The dense span covers every loaded year and every stated day, so that kind_of and the
  // counts inside it are table lookups; outside it only the weekend rule applies.
  std::optional<LocalDate> first;
  std::optional<LocalDate> last;
  const auto widen = [&](LocalDate from, LocalDate to) {
    first = first ? std::min(*first, from) : from;
    last = last ? std::max(*last, to) : to;
  };
  if (!m_years.empty()) {
    widen(first_day_of(m_years.front().year), last_day_of(m_years.back().year));
  }
  if (!m_official.empty()) {
    widen(m_official.begin()->first, m_official.rbegin()->first);
  }
  if (!m_overrides.empty()) {
    widen(m_overrides.begin()->first, m_overrides.rbegin()->first);
  }
  m_span_start = first.value_or(LocalDate{date::days{k_monday_epoch}});
  const std::size_t length = first ? static_cast<std::size_t>((*last - *first).count() + 1) : 0;

  m_kinds.resize(length);
  for (std::size_t i = 0; i < length; ++i) {
    const LocalDate day = m_span_start + date::days{static_cast<long>(i)};
    m_kinds[i] = is_weekend(day) ? DayKind::weekend : DayKind::workday;
  }
  for (const auto& [day, official] : m_official) {
    m_kinds[static_cast<std::size_t>((day - m_span_start).count())] = official.kind;
  }
  for (const auto& [day, override] : m_overrides) {
    m_kinds[static_cast<std::size_t>((day - m_span_start).count())] = override.kind;
  }

  m_prefix.resize(length + 1);
  for (std::size_t i = 0; i < length; ++i) {
    const bool working = is_working(m_kinds[i]);
    m_prefix[i + 1] = m_prefix[i] + (working ? 1 : 0);
    if (working) {
      m_working.push_back(static_cast<std::int32_t>(i));
    }
  }
  const LocalDate span_end = m_span_start + date::days{static_cast<long>(length)};
  m_index_at_span_start = weekend_rule_index(m_span_start);
  m_index_at_span_end = m_index_at_span_start + m_prefix[length];
  m_weekend_rule_at_span_end = weekend_rule_index(span_end);
}

DayKind WorkingCalendar::kind_of(LocalDate day) const {
  const auto offset = (day - m_span_start).count();
  if (offset >= 0 && static_cast<std::size_t>(offset) < m_kinds.size()) {
    return m_kinds[static_cast<std::size_t>(offset)];
  }
  return is_weekend(day) ? DayKind::weekend : DayKind::workday;
}

bool WorkingCalendar::is_working_day(LocalDate day) const {
  return is_working(kind_of(day));
}

std::int64_t WorkingCalendar::working_index(LocalDate day) const {
  const std::int64_t offset = (day - m_span_start).count();
  const auto length = static_cast<std::int64_t>(m_kinds.size());
  if (offset <= 0) {
    return weekend_rule_index(day);
  }
  if (offset <= length) {
    return m_index_at_span_start + m_prefix[static_cast<std::size_t>(offset)];
  }
  return m_index_at_span_end + weekend_rule_index(day) - m_weekend_rule_at_span_end;
}

LocalDate WorkingCalendar::working_day_at(std::int64_t index) const {
  if (index < m_index_at_span_start) {
    return weekend_rule_day_at(index);
  }
  if (index < m_index_at_span_end) {
    const auto position = static_cast<std::size_t>(index - m_index_at_span_start);
    return m_span_start + date::days{m_working[position]};
  }
  return weekend_rule_day_at(index - m_index_at_span_end + m_weekend_rule_at_span_end);
}

LocalDate WorkingCalendar::add_working_days(LocalDate from, int n) const {
  assert(n >= 1 && "the n-th working day after a date needs n >= 1");
  // Art. 201: the day of the event does not count, so counting starts with the next day.
  return working_day_at(working_index(from + date::days{1}) + n - 1);
}

int WorkingCalendar::working_days_between(LocalDate from, LocalDate to) const {
  if (to <= from) {
    return 0;
  }
  return static_cast<int>(working_index(to + date::days{1}) - working_index(from + date::days{1}));
}

bool WorkingCalendar::is_year_loaded(int year) const {
  return std::binary_search(m_year_numbers.begin(), m_year_numbers.end(), year);
}

bool WorkingCalendar::is_provisional(LocalDate day) const {
  return !is_year_loaded(year_of(day));
}

bool WorkingCalendar::is_provisional_between(LocalDate from, LocalDate to) const {
  if (to <= from) {
    return false;
  }
  for (int year = year_of(from + date::days{1}); year <= year_of(to); ++year) {
    if (!is_year_loaded(year)) {
      return true;
    }
  }
  return false;
}

DueDate WorkingCalendar::due_after(LocalDate from, int n) const {
  const LocalDate due = add_working_days(from, n);
  return DueDate{due, is_provisional_between(from, due)};
}

std::vector<CalendarDay> WorkingCalendar::days_between(LocalDate first, LocalDate last) const {
  std::vector<CalendarDay> days;
  for (LocalDate day = first; day <= last; day += date::days{1}) {
    CalendarDay entry{day, kind_of(day), {}, {}, {}, is_provisional(day)};
    if (auto official = m_official.find(day); official != m_official.end()) {
      entry.name = official->second.name;
      entry.name_en = official->second.name_en;
    }
    if (auto override = m_overrides.find(day); override != m_overrides.end()) {
      entry.reason = override->second.reason;
    }
    days.push_back(std::move(entry));
  }
  return days;
}

std::vector<CalendarDay> WorkingCalendar::days_of(int year) const {
  return days_between(first_day_of(year), last_day_of(year));
}

std::vector<CalendarDay> WorkingCalendar::days_of(date::year_month month) const {
  return days_between(LocalDate{month / 1}, LocalDate{month / date::last});
}

}  // namespace ent110
