// SPDX-License-Identifier: MIT
#include "app.hpp"
#include "commands.hpp"
#include "render/output.hpp"
#include "session.hpp"

#include <ent110/calendar/day_labels.hpp>
#include <ent110/cases/labels.hpp>
#include <ent110/cases/service.hpp>
#include <ent110/core/error.hpp>
#include <ent110/triage/triage.hpp>

#include <algorithm>
#include <sstream>

namespace ent110::cli {
namespace {

struct TriageOptions {
  std::string unit;
  std::string officer;
  bool apply = false;
  bool exit_code = false;
};

// ---- JSON (the field names are the contract of man/ent110-triage.1) ----

nlohmann::json triage_date_json(const std::optional<LocalDate>& day) {
  return day ? nlohmann::json(format_date(*day)) : nlohmann::json();
}

nlohmann::json triage_line_json(const TriageLine& line, const Session& s, LocalDate today) {
  const std::optional<Clock>& clock = line.clock;
  return {
      {"id", line.case_id},
      {"enterprise", line.enterprise},
      {"unit", line.unit.empty() ? nlohmann::json() : nlohmann::json(line.unit)},
      {"state", to_string(line.state)},
      {"type", to_string(line.type)},
      {"major", line.major},
      {"title", line.title},
      {"clock", clock ? nlohmann::json(to_string(clock->name)) : nlohmann::json()},
      {"clock_status",
       clock ? nlohmann::json(to_string(status_at(*clock, today))) : nlohmann::json()},
      {"owed_by", clock ? nlohmann::json(clock->unit) : nlohmann::json()},
      {"due", triage_date_json(line.due)},
      {"working_days_left",
       line.working_days_left ? nlohmann::json(*line.working_days_left) : nlohmann::json()},
      {"overdue", line.overdue},
      {"provisional", clock && clock->provisional},
      {"referred_at", clock && clock->referred_at
                          ? nlohmann::json(s.zone().format_local(*clock->referred_at))
                          : nlohmann::json()},
      {"answered", triage_date_json(line.answered)},
  };
}

nlohmann::json triage_lines_json(const std::vector<TriageLine>& lines,
                                 const Session& s,
                                 LocalDate today) {
  nlohmann::json list = nlohmann::json::array();
  for (const TriageLine& line : lines) {
    list.push_back(triage_line_json(line, s, today));
  }
  return list;
}

nlohmann::json triage_json(const Triage& t, bool applied, const Session& s) {
  nlohmann::json office;
  if (t.office_included) {
    office = {
        {"to_forward", triage_lines_json(t.office.to_forward, s, t.today)},
        {"government_report", triage_lines_json(t.office.government_report, s, t.today)},
        {"awaiting_review", triage_lines_json(t.office.awaiting_review, s, t.today)},
        {"awaiting_decision", triage_lines_json(t.office.awaiting_decision, s, t.today)},
        {"disputes", triage_lines_json(t.office.disputes, s, t.today)},
        {"unrated", triage_lines_json(t.office.unrated, s, t.today)},
    };
  }
  nlohmann::json units = nlohmann::json::array();
  for (const UnitTriage& unit : t.units) {
    units.push_back({
        {"unit", unit.unit},
        {"name", unit.name},
        {"due_today", triage_lines_json(unit.due_today, s, t.today)},
        {"due_next_working_day", triage_lines_json(unit.due_next_working_day, s, t.today)},
        {"overdue_explained", triage_lines_json(unit.overdue_explained, s, t.today)},
        {"overdue_unexplained", triage_lines_json(unit.overdue_unexplained, s, t.today)},
        {"resubmit_overdue", triage_lines_json(unit.resubmit_overdue, s, t.today)},
        {"assist_overdue", triage_lines_json(unit.assist_overdue, s, t.today)},
    });
  }
  return {
      {"today", format_date(t.today)},
      {"day_kind", to_string(t.day_kind)},
      {"working_day", is_working(t.day_kind)},
      {"next_working_day", format_date(t.next_working_day)},
      {"provisional", t.provisional},
      {"unit", t.unit ? nlohmann::json(*t.unit) : nlohmann::json()},
      {"officer", t.officer ? nlohmann::json(t.officer->id) : nlohmann::json()},
      {"unrated_after_days", t.unrated_after_days},
      {"unrated_within_days", t.unrated_within_days},
      {"office", office},
      {"units", units},
      {"pending_referrals", triage_lines_json(t.pending_referrals(), s, t.today)},
      {"applied", applied},
      {"referred", triage_lines_json(t.referred, s, t.today)},
      {"overdue", t.anything_overdue()},
  };
}

// ---- Human view ----

std::string triage_clock_label(const Session& s, const TriageLine& line) {
  if (!line.clock) {
    return line.answered ? s.tr(MessageId::triage_clock_rating) : std::string("—");
  }
  const std::string name = label(s.lang(), line.clock->name);
  // A paused clock (explanation, dispute) keeps its due date but is not counting.
  return line.clock->outcome == ClockOutcome::paused ? s.tr(MessageId::triage_clock_paused, {name})
                                                     : name;
}

std::string triage_days_cell(const Session& s, const TriageLine& line) {
  if (!line.working_days_left) {
    return "—";
  }
  const int days = *line.working_days_left;
  if (line.overdue) {
    // Late since a day off only: no working day has passed yet, but the date has.
    return days == 0 ? s.tr(MessageId::triage_days_late_day_off)
                     : s.tr(MessageId::triage_days_late, {std::to_string(-days)});
  }
  return days == 0 ? s.tr(MessageId::triage_days_today)
                   : s.tr(MessageId::triage_days_left, {std::to_string(days)});
}

std::string triage_referral_cell(const Session& s, const TriageLine& line) {
  if (line.clock && line.clock->referred_at) {
    return s.tr(MessageId::triage_referral_done,
                {s.zone().format_local_short(*line.clock->referred_at)});
  }
  return s.tr(MessageId::triage_referral_pending);
}

void triage_section(Session& s,
                    const std::string& owner,
                    const std::string& what,
                    const std::vector<TriageLine>& lines,
                    Colour colour,
                    bool with_referral = false) {
  if (lines.empty()) {
    return;
  }
  const std::string heading =
      s.tr(MessageId::triage_section_heading, {owner, what, std::to_string(lines.size())});
  s.out() << '\n' << paint(s, colour, heading) << '\n';
  std::vector<Table::Column> columns = {
      {s.tr(MessageId::triage_col_case)}, {s.tr(MessageId::triage_col_enterprise)},
      {s.tr(MessageId::triage_col_unit)}, {s.tr(MessageId::triage_col_clock)},
      {s.tr(MessageId::triage_col_due)},  {s.tr(MessageId::triage_col_days), Table::Align::right}};
  if (with_referral) {
    columns.push_back({s.tr(MessageId::triage_col_referral)});
  }
  // The title goes last and is the column cut to the terminal's width.
  columns.push_back({s.tr(MessageId::triage_col_title), Table::Align::left, true});
  Table table(columns);
  for (const TriageLine& line : lines) {
    std::vector<std::string> cells = {line.case_id,
                                      line.enterprise,
                                      line.unit.empty() ? "—" : line.unit,
                                      triage_clock_label(s, line),
                                      line.due ? format_date(*line.due) : "—",
                                      triage_days_cell(s, line)};
    if (with_referral) {
      cells.push_back(triage_referral_cell(s, line));
    }
    cells.push_back(line.title);
    table.add_row(std::move(cells));
  }
  emit_table(s, table);
}

void print_triage(Session& s, const Triage& t, bool applied) {
  const std::vector<std::string> day = {format_date(t.today), weekday_name(s.lang(), t.today),
                                        label(s.lang(), t.day_kind),
                                        format_date(t.next_working_day)};
  s.out() << s.tr(
      is_working(t.day_kind) ? MessageId::triage_header_workday : MessageId::triage_header_day_off,
      day);
  if (t.unit) {
    s.out() << "; " << s.tr(MessageId::triage_unit_filter, {*t.unit});
  }
  if (t.officer) {
    s.out() << "; "
            << s.tr(MessageId::visits_triage_officer_filter,
                    {std::to_string(t.officer->id), t.officer->name});
  }
  s.out() << '\n';

  const bool nothing = t.office.empty() &&
                       std::all_of(t.units.begin(), t.units.end(),
                                   [](const UnitTriage& unit) { return unit.empty(); }) &&
                       t.referred.empty();
  if (nothing) {
    s.out() << s.tr(MessageId::triage_nothing) << '\n';
    return;
  }
  const std::string office = s.tr(MessageId::triage_office);
  const OfficeTriage& o = t.office;
  triage_section(s, office, s.tr(MessageId::triage_to_forward), o.to_forward, Colour::yellow);
  triage_section(s, office, s.tr(MessageId::triage_government_report), o.government_report,
                 Colour::yellow);
  triage_section(s, office, s.tr(MessageId::triage_awaiting_review), o.awaiting_review,
                 Colour::bold);
  triage_section(s, office, s.tr(MessageId::triage_awaiting_decision), o.awaiting_decision,
                 Colour::bold);
  triage_section(s, office, s.tr(MessageId::triage_disputes), o.disputes, Colour::bold);
  triage_section(s, office, s.tr(MessageId::triage_unrated, {std::to_string(t.unrated_after_days)}),
                 o.unrated, Colour::bold);
  for (const UnitTriage& unit : t.units) {
    const std::string owner = unit.name.empty() ? unit.unit : unit.unit + " " + unit.name;
    triage_section(s, owner, s.tr(MessageId::triage_due_today), unit.due_today, Colour::yellow);
    triage_section(s, owner, s.tr(MessageId::triage_due_next, {format_date(t.next_working_day)}),
                   unit.due_next_working_day, Colour::bold);
    triage_section(s, owner, s.tr(MessageId::triage_overdue_explained), unit.overdue_explained,
                   Colour::red);
    triage_section(s, owner, s.tr(MessageId::triage_overdue_unexplained), unit.overdue_unexplained,
                   Colour::red, true);
    triage_section(s, owner, s.tr(MessageId::triage_resubmit_overdue), unit.resubmit_overdue,
                   Colour::red);
    triage_section(s, owner, s.tr(MessageId::triage_assist_overdue), unit.assist_overdue,
                   Colour::red);
  }

  if (applied) {
    triage_section(s, office, s.tr(MessageId::triage_referred_now), t.referred, Colour::red, true);
    s.out() << '\n'
            << (t.referred.empty()
                    ? s.tr(MessageId::triage_nothing_to_refer)
                    : s.tr(MessageId::triage_referred_summary, {std::to_string(t.referred.size())}))
            << '\n';
  } else if (const std::size_t pending = t.pending_referrals().size(); pending > 0) {
    s.out() << '\n' << s.tr(MessageId::triage_would_refer, {std::to_string(pending)}) << '\n';
  }
}

int run_triage(const TriageOptions& options, Session& s) {
  std::optional<std::string> unit;
  std::optional<std::string> officer;
  if (!options.officer.empty()) {
    officer = options.officer;
  }
  if (!options.unit.empty()) {
    unit = options.unit;
  } else if (!officer) {
    // An officer's cases span units: a unit user asking for them gets all, not their unit's.
    unit = default_triage_unit(s.store(), s.actor());
  }
  Triage triage;
  if (options.apply) {
    CaseService cases(s.store(), s.calendar(), s.config(), s.zone());
    triage = apply_triage(s.store(), cases, s.calendar(), s.config(), s.zone(), s.now(), unit,
                          s.actor());
  } else {
    triage = compute_triage(s.store(), s.calendar(), s.config(), s.zone().local_date(s.now()), unit,
                            officer);
  }
  if (triage.provisional) {
    const auto year_of = [](LocalDate day) {
      return static_cast<int>(date::year_month_day{day}.year());
    };
    for (int year = year_of(triage.today); year <= year_of(triage.next_working_day); ++year) {
      if (!s.calendar().is_year_loaded(year)) {
        s.warn(MessageId::calendar_provisional, {std::to_string(year)});
      }
    }
  }
  if (s.json()) {
    emit_json(s, triage_json(triage, options.apply, s));
  } else {
    print_triage(s, triage, options.apply);
  }
  // git's --exit-code convention: 1 says "something needs attention", not an error.
  return options.exit_code && triage.anything_overdue() ? static_cast<int>(ExitCode::attention)
                                                        : static_cast<int>(ExitCode::ok);
}

}  // namespace

void add_triage(CLI::App& app, Invocation& inv, Lang lang) {
  auto options = std::make_shared<TriageOptions>();
  CLI::App* cmd = app.add_subcommand("triage", tr(lang, MessageId::cmd_triage));
  cmd->add_option("--unit", options->unit, tr(lang, MessageId::opt_triage_unit))->type_name("CODE");
  CLI::Option* apply =
      cmd->add_flag("--apply", options->apply, tr(lang, MessageId::opt_triage_apply));
  // Referrals are the office's whole duty of the day, never one officer's share of it.
  cmd->add_option("--officer", options->officer, tr(lang, MessageId::visits_opt_triage_officer))
      ->type_name("ID")
      ->excludes(apply);
  cmd->add_flag("--exit-code", options->exit_code, tr(lang, MessageId::opt_triage_exit_code));
  // Only --apply writes; a plain triage opens the database read-only.
  inv.on(
      cmd, [options] { return options->apply ? Needs::store_write : Needs::store_read; },
      [options](Session& s) { return run_triage(*options, s); });
}

}  // namespace ent110::cli
