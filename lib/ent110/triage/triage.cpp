// SPDX-License-Identifier: MIT
#include <ent110/cases/service.hpp>
#include <ent110/config/config.hpp>
#include <ent110/registry/registry.hpp>
#include <ent110/store/store.hpp>
#include <ent110/triage/triage.hpp>
#include <ent110/triage/triage_repo.hpp>

#include <algorithm>
#include <map>

namespace ent110 {
namespace {

// A case and its clock as a line, its due date judged on `today`.
TriageLine line_from(TriageRow row, LocalDate today, const WorkingCalendar& calendar) {
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
    line.working_days_left = line.overdue ? -calendar.working_days_between(*line.due, today)
                                          : calendar.working_days_between(today, *line.due);
  }
  return line;
}

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

void sort_lines(std::vector<TriageLine>& lines) {
  std::stable_sort(lines.begin(), lines.end(), by_due_then_id);
}

class TriageBuilder {
 public:
  TriageBuilder(Store& store, const WorkingCalendar& calendar, const Config& config, Triage& t)
      : m_store(store), m_calendar(calendar), m_config(config), m_triage(t) {
    if (t.officer) {
      m_served = ServedBy{t.officer->id, t.today};
    }
  }

  // The office's own running clocks: forward (due today or late), government and review (all).
  void office_clocks() {
    TriageRows rows =
        office_running_clocks(m_store, m_config.office_unit, m_triage.today, m_served);
    while (std::optional<TriageRow> row = rows.next()) {
      TriageLine line = line_from(std::move(*row), m_triage.today, m_calendar);
      switch (line.clock->name) {
        case ClockName::forward:
          m_triage.office.to_forward.push_back(std::move(line));
          break;
        case ClockName::government:
          m_triage.office.government_report.push_back(std::move(line));
          break;
        default:
          m_triage.office.awaiting_review.push_back(std::move(line));
          break;
      }
    }
  }

  // The units' running clocks (lead and co-units) due by the next working day or late. A late
  // explain clock is left out: explaining is what a unit that cannot finish may do (Art. 7); the
  // reply clock decides whether it is late.
  void unit_clocks(const std::optional<std::string>& unit) {
    TriageRows rows =
        unit_running_clocks(m_store, m_triage.next_working_day, m_triage.today, unit, m_served);
    while (std::optional<TriageRow> row = rows.next()) {
      TriageLine line = line_from(std::move(*row), m_triage.today, m_calendar);
      UnitTriage& owner = unit_entry(line.clock->unit);
      if (line.clock->due == m_triage.today) {
        owner.due_today.push_back(std::move(line));
      } else if (!line.overdue) {
        owner.due_next_working_day.push_back(std::move(line));
      } else if (line.clock->name == ClockName::reply) {
        owner.overdue_unexplained.push_back(std::move(line));
      } else if (line.clock->name == ClockName::assist) {
        owner.assist_overdue.push_back(std::move(line));
      } else {
        owner.resubmit_overdue.push_back(std::move(line));
      }
    }
  }

  // Cases waiting on a decision rather than a running clock: explained, escalated, disputed (with
  // the reply clock their explanation or dispute paused). Narrowed to a member unit, only its
  // explained cases matter (for its "overdue, explained" section).
  void case_states(const std::optional<std::string>& unit) {
    TriageRows rows = cases_awaiting_decision(m_store, unit, m_served);
    while (std::optional<TriageRow> row = rows.next()) {
      TriageLine line = line_from(std::move(*row), m_triage.today, m_calendar);
      // Art. 7: a unit that explained is not referred, even once its reply date has passed.
      if (line.state == State::explained && line.overdue && line.clock) {
        unit_entry(line.clock->unit).overdue_explained.push_back(line);
      }
      if (!m_triage.office_included) {
        continue;
      }
      if (line.state == State::disputed) {
        m_triage.office.disputes.push_back(std::move(line));
      } else {
        m_triage.office.awaiting_decision.push_back(std::move(line));
      }
    }
  }

  // Art. 9 asks for the enterprise's rating; the office follows up once the answer has waited
  // more than `unrated_after_days` working days, and stops chasing it after
  // `unrated_within_days`, so that years of answers never rated do not bury the morning list.
  void unrated_answers() {
    const int within = m_config.unrated_within_days;
    LocalDate earliest = m_triage.today;
    while (m_calendar.working_days_between(earliest - date::days{1}, m_triage.today) <= within) {
      earliest -= date::days{1};
    }
    TriageRows rows = answered_since(m_store, m_zone.start_of(earliest), m_served);
    while (std::optional<TriageRow> row = rows.next()) {
      const std::optional<Instant> answered_at = row->answered_at;
      unrated(answered_at, line_from(std::move(*row), m_triage.today, m_calendar));
    }
  }

  UnitTriage& unit_entry(const std::string& code) {
    auto [it, added] = m_units.try_emplace(code);
    if (added) {
      it->second.unit = code;
      if (const std::optional<Unit> unit = find_unit(m_store, code)) {
        it->second.name = unit->name;
      }
    }
    return it->second;
  }

  void finish() {
    for (auto& [code, unit] : m_units) {
      for (auto* section :
           {&unit.due_today, &unit.due_next_working_day, &unit.overdue_explained,
            &unit.overdue_unexplained, &unit.resubmit_overdue, &unit.assist_overdue}) {
        sort_lines(*section);
      }
      m_triage.units.push_back(std::move(unit));
    }
    OfficeTriage& office = m_triage.office;
    for (auto* section : {&office.to_forward, &office.government_report, &office.awaiting_review,
                          &office.awaiting_decision, &office.disputes, &office.unrated}) {
      sort_lines(*section);
    }
  }

 private:
  void unrated(const std::optional<Instant>& answered_at, TriageLine line) {
    if (!answered_at) {
      return;
    }
    const LocalDate answered = m_zone.local_date(*answered_at);
    const int waited = m_calendar.working_days_between(answered, m_triage.today);
    if (waited <= m_config.unrated_after_days) {
      return;
    }
    line.answered = answered;
    line.due = m_calendar.add_working_days(answered, m_config.unrated_after_days);
    line.overdue = true;
    line.working_days_left = -m_calendar.working_days_between(*line.due, m_triage.today);
    m_triage.office.unrated.push_back(std::move(line));
  }

  Store& m_store;
  const WorkingCalendar& m_calendar;
  const Config& m_config;
  Triage& m_triage;
  std::optional<ServedBy> m_served;
  Zone m_zone{m_config.time_zone};
  std::map<std::string, UnitTriage> m_units;
};

bool any_overdue(const std::vector<TriageLine>& lines) {
  return std::any_of(lines.begin(), lines.end(),
                     [](const TriageLine& line) { return line.overdue; });
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
  sort_lines(pending);
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

Triage compute_triage(Store& store,
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
  std::optional<std::string> member;
  if (unit) {
    const Unit found = get_unit(store, *unit);
    triage.unit = found.code;
    if (found.code != config.office_unit) {
      member = found.code;
      triage.office_included = false;
    }
  }
  if (officer) {
    triage.officer = get_officer(store, *officer);
  }
  store.read([&] {
    TriageBuilder builder(store, calendar, config, triage);
    if (triage.office_included) {
      builder.office_clocks();
    }
    if (!triage.unit || member) {
      builder.unit_clocks(member);
    }
    builder.case_states(member);
    if (triage.office_included) {
      builder.unrated_answers();
    }
    if (member) {
      builder.unit_entry(*member);  // the narrowed unit is always there, even with nothing
    }
    builder.finish();
  });
  if (triage.unit && !member) {
    triage.units.clear();  // narrowed to the office: its own sections only
  }
  return triage;
}

Triage apply_triage(Store& store,
                    CaseService& cases,
                    const WorkingCalendar& calendar,
                    const Config& config,
                    const Zone& zone,
                    Instant now,
                    const std::optional<std::string>& unit,
                    std::string_view login) {
  const LocalDate today = zone.local_date(now);
  Triage triage;
  // One transaction: the referrals are chosen and recorded under the same write lock, so two
  // runs at once cannot both refer a clock, and a failure leaves none of them recorded.
  store.write([&] {
    const std::vector<TriageLine> pending =
        compute_triage(store, calendar, config, today, unit).pending_referrals();
    // No note: the event holds data only (the late unit in its detail, the reply clock's due date
    // on the clock it refers), and every reader sees it in their own language, whatever the
    // language of the cron job that recorded it.
    for (const TriageLine& line : pending) {
      cases.escalate(line.case_id, EscalationTarget::inspection, "", login, now);
    }
    triage = compute_triage(store, calendar, config, today, unit);
    for (const TriageLine& line : pending) {
      for (const UnitTriage& entry : triage.units) {
        for (const TriageLine& after : entry.overdue_unexplained) {
          if (after.clock->id == line.clock->id) {
            triage.referred.push_back(after);
          }
        }
      }
    }
  });
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
