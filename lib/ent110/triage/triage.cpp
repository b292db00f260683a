// SPDX-License-Identifier: MIT
#include <ent110/cases/clock_rules.hpp>
#include <ent110/cases/service.hpp>
#include <ent110/config/config.hpp>
#include <ent110/registry/registry.hpp>
#include <ent110/store/store.hpp>
#include <ent110/triage/triage.hpp>
#include <ent110/triage/triage_repo.hpp>

#include <algorithm>
#include <set>
#include <unordered_set>

namespace ent110 {
namespace {

bool by_due_then_id(const TriageLine& a, const TriageLine& b) {
  // Lines without a due date (a decision pending with no paused clock) come last.
  if (a.due.has_value() != b.due.has_value()) {
    return a.due.has_value();
  }
  if (a.due && *a.due != *b.due) {
    return *a.due < *b.due;
  }
  return a.case_id < b.case_id;
}

bool any_overdue(const std::vector<TriageLine>& lines) {
  return std::any_of(lines.begin(), lines.end(),
                     [](const TriageLine& line) { return line.overdue; });
}

// The clocks that `owners` owe (clock_rules.cpp), but for `except`.
std::vector<ClockName> clocks_owed_by(std::initializer_list<ClockOwner> owners,
                                      std::initializer_list<ClockName> except = {}) {
  std::vector<ClockName> names;
  for (const ClockRule& rule : clock_rules()) {
    if (std::find(owners.begin(), owners.end(), rule.owner) != owners.end() &&
        std::find(except.begin(), except.end(), rule.clock) == except.end()) {
      names.push_back(rule.clock);
    }
  }
  return names;
}

std::vector<ClockName> unit_clock_names(std::initializer_list<ClockName> except = {}) {
  return clocks_owed_by({ClockOwner::lead_unit, ClockOwner::co_unit}, except);
}

Triage triage_header(Store& store,
                     const WorkingCalendar& calendar,
                     const Config& config,
                     LocalDate today,
                     const std::optional<std::string>& unit,
                     const std::optional<std::string>& officer) {
  Triage triage;
  triage.today = today;
  triage.day_kind = calendar.kind_of(today);
  triage.next_working_day = calendar.add_working_days(today, 1);
  triage.provisional =
      calendar.is_provisional_between(today - date::days{1}, triage.next_working_day);
  triage.unrated_after_days = config.unrated_after_days;
  triage.unrated_within_days = config.unrated_within_days;
  if (unit) {
    const Unit found = get_unit(store, *unit);
    triage.unit = found.code;
    triage.office_included = found.code == config.office_unit;
  }
  if (officer) {
    triage.officer = get_officer(store, *officer);
  }
  return triage;
}

Triage collect(TriageSource& source) {
  Triage triage = source.header();
  const auto into = [](std::vector<TriageLine>& lines) {
    return [&lines](TriageLine&& line) { lines.push_back(std::move(line)); };
  };
  OfficeTriage& office = triage.office;
  source.lines(TriageSection::to_forward, into(office.to_forward));
  source.lines(TriageSection::government_report, into(office.government_report));
  source.lines(TriageSection::awaiting_review, into(office.awaiting_review));
  source.lines(TriageSection::awaiting_decision, into(office.awaiting_decision));
  source.lines(TriageSection::disputes, into(office.disputes));
  source.lines(TriageSection::unrated, into(office.unrated));
  for (UnitTriage& unit : source.units()) {
    source.lines(TriageSection::due_today, into(unit.due_today), unit.unit);
    source.lines(TriageSection::due_next_working_day, into(unit.due_next_working_day), unit.unit);
    source.lines(TriageSection::overdue_explained, into(unit.overdue_explained), unit.unit);
    source.lines(TriageSection::overdue_unexplained, into(unit.overdue_unexplained), unit.unit);
    source.lines(TriageSection::resubmit_overdue, into(unit.resubmit_overdue), unit.unit);
    source.lines(TriageSection::assist_overdue, into(unit.assist_overdue), unit.unit);
    triage.units.push_back(std::move(unit));
  }
  return triage;
}

}  // namespace

bool OfficeTriage::empty() const {
  return to_forward.empty() && government_report.empty() && awaiting_review.empty() &&
         awaiting_decision.empty() && disputes.empty() && unrated.empty();
}

bool UnitTriage::empty() const {
  return due_today.empty() && due_next_working_day.empty() && overdue_explained.empty() &&
         overdue_unexplained.empty() && resubmit_overdue.empty() && assist_overdue.empty();
}

std::vector<TriageLine> Triage::pending_referrals() const {
  std::vector<TriageLine> pending;
  for (const UnitTriage& unit : units) {
    for (const TriageLine& line : unit.overdue_unexplained) {
      if (!line.clock->referred_at) {
        pending.push_back(line);
      }
    }
  }
  std::stable_sort(pending.begin(), pending.end(), by_due_then_id);
  return pending;
}

bool Triage::anything_overdue() const {
  // Decisions, disputes and ratings wait on no clock of the rules; they are listed, not late.
  if (any_overdue(office.to_forward) || any_overdue(office.government_report) ||
      any_overdue(office.awaiting_review)) {
    return true;
  }
  return std::any_of(units.begin(), units.end(), [](const UnitTriage& unit) {
    return !unit.overdue_explained.empty() || !unit.overdue_unexplained.empty() ||
           !unit.resubmit_overdue.empty() || !unit.assist_overdue.empty();
  });
}

TriageSource::TriageSource(Store& store,
                           const WorkingCalendar& calendar,
                           const Config& config,
                           Triage header,
                           std::optional<std::int64_t> limit)
    : m_store(store),
      m_calendar(calendar),
      m_config(config),
      m_header(std::move(header)),
      m_limit(limit) {
  if (m_header.unit && !m_header.office_included) {
    m_member = m_header.unit;
  }
}

bool TriageSource::units_included() const {
  // Narrowed to the office: its own sections only.
  return !m_header.unit || m_member;
}

std::optional<ServedBy> TriageSource::served() const {
  if (!m_header.officer) {
    return std::nullopt;
  }
  return ServedBy{m_header.officer->id, m_header.today};
}

std::vector<UnitTriage> TriageSource::units() {
  if (!units_included()) {
    return {};
  }
  const LocalDate today = m_header.today;
  std::set<std::string> codes;
  if (m_member) {
    codes.insert(*m_member);  // the narrowed unit is always there, even with nothing
  } else {
    // A unit is listed for a running clock due by the next working day, except for an explain
    // clock already late: explaining is what a unit that cannot finish may do (Art. 7); the
    // reply clock decides whether it is late.
    std::string code;
    while (std::optional<std::string> next = next_unit_with_running_clock(m_store, code)) {
      code = std::move(*next);
      const RunningClocks owed{code,
                               unit_clock_names({ClockName::explain}),
                               std::nullopt,
                               m_header.next_working_day,
                               false,
                               served(),
                               1};
      const RunningClocks explain{
          code, {ClockName::explain}, today, m_header.next_working_day, false, served(), 1};
      if (running_clocks(m_store, owed).next() || running_clocks(m_store, explain).next()) {
        codes.insert(code);
      }
    }
  }
  m_units_with_overdue_explained.clear();
  for (std::string& code : units_owing_decision_clocks(
           m_store, {{State::explained}, m_member, std::nullopt, today, served(), std::nullopt})) {
    codes.insert(code);
    m_units_with_overdue_explained.insert(std::move(code));
  }
  m_knows_overdue_explained = true;
  std::vector<UnitTriage> units;
  for (const std::string& code : codes) {
    UnitTriage& unit = units.emplace_back();
    unit.unit = code;
    if (const std::optional<Unit> found = find_unit(m_store, code)) {
      unit.name = found->name;
    }
  }
  return units;
}

void TriageSource::lines(TriageSection section,
                         const TriageLineSink& sink,
                         const std::string& unit) {
  const LocalDate today = m_header.today;
  const LocalDate yesterday = today - date::days{1};
  switch (section) {
    case TriageSection::to_forward:
      return office_clocks({ClockName::forward}, today, sink);
    case TriageSection::government_report:
      return office_clocks({ClockName::government}, std::nullopt, sink);
    case TriageSection::awaiting_review:
      return office_clocks(
          clocks_owed_by({ClockOwner::office}, {ClockName::forward, ClockName::government}),
          std::nullopt, sink);
    case TriageSection::awaiting_decision:
      return decisions({State::explained, State::escalated}, sink);
    case TriageSection::disputes:
      return decisions({State::disputed}, sink);
    case TriageSection::unrated:
      return unrated(sink);
    case TriageSection::due_today:
      return unit_clocks(unit, unit_clock_names(), today, today, sink);
    case TriageSection::due_next_working_day:
      return unit_clocks(unit, unit_clock_names(), today + date::days{1}, m_header.next_working_day,
                         sink);
    case TriageSection::overdue_explained:
      return overdue_explained(unit, sink);
    case TriageSection::overdue_unexplained:
      return unit_clocks(unit, {ClockName::reply}, std::nullopt, yesterday, sink);
    case TriageSection::resubmit_overdue:
      return unit_clocks(
          unit, unit_clock_names({ClockName::reply, ClockName::assist, ClockName::explain}),
          std::nullopt, yesterday, sink);
    case TriageSection::assist_overdue:
      return unit_clocks(unit, {ClockName::assist}, std::nullopt, yesterday, sink);
  }
}

void TriageSource::pending_referrals(const TriageLineSink& sink) {
  if (!units_included()) {
    return;
  }
  send(running_clocks(m_store, pending_query()), sink);
}

std::int64_t TriageSource::pending_referral_count() {
  if (!units_included()) {
    return 0;
  }
  return count_running_clocks(m_store, pending_query());
}

bool TriageSource::anything_overdue() {
  const LocalDate yesterday = m_header.today - date::days{1};
  if (m_header.office_included &&
      running_clocks(m_store, {m_config.office_unit, clocks_owed_by({ClockOwner::office}),
                               std::nullopt, yesterday, false, served(), 1})
          .next()) {
    return true;
  }
  if (!units_included()) {
    return false;
  }
  return running_clocks(m_store, {m_member, unit_clock_names({ClockName::explain}), std::nullopt,
                                  yesterday, false, served(), 1})
             .next() ||
         cases_awaiting_decision(
             m_store, {{State::explained}, m_member, std::nullopt, m_header.today, served(), 1})
             .next();
}

RunningClocks TriageSource::pending_query() const {
  return {m_member, {ClockName::reply}, std::nullopt, m_header.today - date::days{1},
          true,     served(),           m_limit};
}

void TriageSource::office_clocks(std::vector<ClockName> names,
                                 std::optional<LocalDate> due_to,
                                 const TriageLineSink& sink) {
  if (!m_header.office_included) {
    return;
  }
  send(running_clocks(m_store, {m_config.office_unit, std::move(names), std::nullopt, due_to, false,
                                served(), m_limit}),
       sink);
}

void TriageSource::unit_clocks(const std::string& unit,
                               std::vector<ClockName> names,
                               std::optional<LocalDate> due_from,
                               std::optional<LocalDate> due_to,
                               const TriageLineSink& sink) {
  // Narrowed to a member unit, only its own clocks are read (another unit may be listed for
  // the explained cases the member leads).
  if (!units_included() || (m_member && unit != *m_member)) {
    return;
  }
  send(
      running_clocks(m_store, {unit, std::move(names), due_from, due_to, false, served(), m_limit}),
      sink);
}

// Cases waiting on a decision rather than a running clock: explained, escalated, disputed (with
// the reply clock their explanation or dispute paused).
void TriageSource::decisions(std::vector<State> states, const TriageLineSink& sink) {
  if (!m_header.office_included) {
    return;
  }
  send(cases_awaiting_decision(m_store, {std::move(states), std::nullopt, std::nullopt,
                                         std::nullopt, served(), m_limit}),
       sink);
}

// Art. 7: a unit that explained is not referred, even once its reply date has passed.
void TriageSource::overdue_explained(const std::string& unit, const TriageLineSink& sink) {
  // Each query reads every explained case: units() has found the few units that have any.
  if (!units_included() ||
      (m_knows_overdue_explained && !m_units_with_overdue_explained.contains(unit))) {
    return;
  }
  send(cases_awaiting_decision(
           m_store, {{State::explained}, m_member, unit, m_header.today, served(), m_limit}),
       sink);
}

// Art. 9 asks for the enterprise's rating; the office follows up once the answer has waited
// more than `unrated_after_days` working days, and stops chasing it after
// `unrated_within_days`, so that years of answers never rated do not bury the morning list. The
// window bounds what is held here to sort by due date, whatever the number of cases.
void TriageSource::unrated(const TriageLineSink& sink) {
  if (!m_header.office_included) {
    return;
  }
  const LocalDate today = m_header.today;
  const Zone zone(m_config.time_zone);
  LocalDate earliest = today;
  while (m_calendar.working_days_between(earliest - date::days{1}, today) <=
         m_config.unrated_within_days) {
    earliest -= date::days{1};
  }
  std::vector<TriageLine> lines;
  TriageRows rows = answered_since(m_store, zone.start_of(earliest), served());
  while (std::optional<TriageRow> row = rows.next()) {
    if (!row->answered_at) {
      continue;
    }
    const LocalDate answered = zone.local_date(*row->answered_at);
    if (m_calendar.working_days_between(answered, today) <= m_config.unrated_after_days) {
      continue;
    }
    TriageLine line = line_from(std::move(*row));
    line.answered = answered;
    line.due = m_calendar.add_working_days(answered, m_config.unrated_after_days);
    line.overdue = true;
    line.working_days_left = -m_calendar.working_days_between(*line.due, today);
    lines.push_back(std::move(line));
  }
  std::stable_sort(lines.begin(), lines.end(), by_due_then_id);
  if (m_limit && lines.size() > static_cast<std::size_t>(*m_limit)) {
    lines.resize(static_cast<std::size_t>(*m_limit));
  }
  for (TriageLine& line : lines) {
    sink(std::move(line));
  }
}

void TriageSource::send(TriageRows rows, const TriageLineSink& sink) const {
  while (std::optional<TriageRow> row = rows.next()) {
    sink(line_from(std::move(*row)));
  }
}

// A case and its clock as a line, its due date judged on today.
TriageLine TriageSource::line_from(TriageRow&& row) const {
  const LocalDate today = m_header.today;
  TriageLine line;
  line.case_id = std::move(row.case_id);
  line.state = row.state;
  line.type = row.type;
  line.major = row.major;
  line.unit = std::move(row.unit);
  line.enterprise = std::move(row.enterprise);
  line.title = std::move(row.title);
  if (row.clock) {
    line.clock = std::move(row.clock);
    line.due = line.clock->due;
  }
  if (line.due) {
    line.overdue = *line.due < today;
    line.working_days_left = line.overdue ? -m_calendar.working_days_between(*line.due, today)
                                          : m_calendar.working_days_between(today, *line.due);
  }
  return line;
}

void read_triage(Store& store,
                 const WorkingCalendar& calendar,
                 const Config& config,
                 const TriageQuery& query,
                 const std::function<void(TriageSource&)>& render) {
  Triage header = triage_header(store, calendar, config, query.today, query.unit, query.officer);
  store.read([&] {
    TriageSource source(store, calendar, config, std::move(header), query.limit);
    render(source);
  });
}

Triage compute_triage(Store& store,
                      const WorkingCalendar& calendar,
                      const Config& config,
                      const TriageQuery& query) {
  Triage triage;
  read_triage(store, calendar, config, query,
              [&](TriageSource& source) { triage = collect(source); });
  return triage;
}

Triage compute_triage(Store& store,
                      const WorkingCalendar& calendar,
                      const Config& config,
                      LocalDate today,
                      const std::optional<std::string>& unit,
                      const std::optional<std::string>& officer) {
  return compute_triage(store, calendar, config, TriageQuery{today, unit, officer, std::nullopt});
}

void apply_triage(Store& store,
                  CaseService& cases,
                  const WorkingCalendar& calendar,
                  const Config& config,
                  const Zone& zone,
                  Instant now,
                  const std::optional<std::string>& unit,
                  std::optional<std::int64_t> limit,
                  std::string_view login,
                  const std::function<void(TriageSource&)>& render) {
  const LocalDate today = zone.local_date(now);
  // One transaction: the referrals are chosen and recorded under the same write lock, so two
  // runs at once cannot both refer a clock, and a failure leaves none of them recorded.
  store.write([&] {
    Triage header = triage_header(store, calendar, config, today, unit, std::nullopt);
    std::vector<TriageLine> pending;
    TriageSource(store, calendar, config, header, std::nullopt)
        .pending_referrals([&](TriageLine&& line) { pending.push_back(std::move(line)); });
    // No note: the event holds data only (the late unit in its detail, the reply clock's due date
    // on the clock it refers), and every reader sees it in their own language, whatever the
    // language of the cron job that recorded it.
    std::unordered_set<std::int64_t> referred_clocks;
    for (const TriageLine& line : pending) {
      cases.escalate(line.case_id, EscalationTarget::inspection, "", login, now);
      referred_clocks.insert(line.clock->id);
    }
    // The referred clocks as they stand now, in the order they were referred (by due date).
    TriageSource after(store, calendar, config, header, std::nullopt);
    for (UnitTriage& entry : after.units()) {
      after.lines(
          TriageSection::overdue_unexplained,
          [&](TriageLine&& line) {
            if (referred_clocks.contains(line.clock->id)) {
              header.referred.push_back(std::move(line));
            }
          },
          entry.unit);
    }
    std::stable_sort(header.referred.begin(), header.referred.end(), by_due_then_id);
    TriageSource source(store, calendar, config, std::move(header), limit);
    render(source);
  });
}

Triage apply_triage(Store& store,
                    CaseService& cases,
                    const WorkingCalendar& calendar,
                    const Config& config,
                    const Zone& zone,
                    Instant now,
                    const std::optional<std::string>& unit,
                    std::string_view login) {
  Triage triage;
  apply_triage(store, cases, calendar, config, zone, now, unit, std::nullopt, login,
               [&](TriageSource& source) { triage = collect(source); });
  return triage;
}

std::optional<std::string> default_triage_unit(Store& store, std::string_view login) {
  std::optional<std::string> unit;
  store.read([&] {
    if (const std::optional<User> user = find_user(store, login);
        user && user->role == Role::unit) {
      unit = user->unit;
    }
  });
  return unit;
}

}  // namespace ent110
