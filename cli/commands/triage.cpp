// SPDX-License-Identifier: MIT
#include "app.hpp"
#include "commands.hpp"
#include "render/json_stream.hpp"
#include "render/output.hpp"
#include "session.hpp"

#include <ent110/calendar/day_labels.hpp>
#include <ent110/cases/labels.hpp>
#include <ent110/cases/service.hpp>
#include <ent110/core/error.hpp>
#include <ent110/triage/triage.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <string_view>
#include <utility>

namespace ent110::cli {
namespace {

struct TriageOptions {
  std::string unit;
  std::string officer;
  bool apply = false;
  bool exit_code = false;
  bool ndjson = false;
  std::int64_t limit = 0;  ///< 0: every line
};

// ---- JSON (the field names are the contract of man/ent110-triage.1) ----

using Sections = std::array<std::pair<std::string_view, TriageSection>, 6>;

// In the order the human view shows them.
constexpr Sections k_office_sections = {{
    {"to_forward", TriageSection::to_forward},
    {"government_report", TriageSection::government_report},
    {"awaiting_review", TriageSection::awaiting_review},
    {"awaiting_decision", TriageSection::awaiting_decision},
    {"disputes", TriageSection::disputes},
    {"unrated", TriageSection::unrated},
}};
constexpr Sections k_unit_sections = {{
    {"due_today", TriageSection::due_today},
    {"due_next_working_day", TriageSection::due_next_working_day},
    {"overdue_explained", TriageSection::overdue_explained},
    {"overdue_unexplained", TriageSection::overdue_unexplained},
    {"resubmit_overdue", TriageSection::resubmit_overdue},
    {"assist_overdue", TriageSection::assist_overdue},
}};

// The order of the document's members.
Sections sorted_by_name(Sections sections) {
  std::sort(sections.begin(), sections.end());
  return sections;
}

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

// The document of man/ent110-triage.1, written as its sections are read, its members in the
// order emit_json has always printed them (sorted).
void stream_triage_json(Session& s, TriageSource& source, bool applied) {
  const Triage& t = source.header();
  JsonStream json(s.out());
  const auto lines = [&](TriageSection section, const std::string& unit = {}) {
    json.begin_array();
    source.lines(
        section, [&](TriageLine&& line) { json.value(triage_line_json(line, s, t.today)); }, unit);
    json.end_array();
  };
  const auto member = [&](std::string_view name, const nlohmann::json& value) {
    json.key(name);
    json.value(value);
  };
  json.begin_object();
  member("applied", applied);
  member("day_kind", to_string(t.day_kind));
  member("next_working_day", format_date(t.next_working_day));
  json.key("office");
  if (t.office_included) {
    json.begin_object();
    for (const auto& [name, section] : sorted_by_name(k_office_sections)) {
      json.key(name);
      lines(section);
    }
    json.end_object();
  } else {
    json.value(nullptr);
  }
  member("officer", t.officer ? nlohmann::json(t.officer->id) : nlohmann::json());
  member("overdue", source.anything_overdue());
  json.key("pending_referrals");
  json.begin_array();
  source.pending_referrals(
      [&](TriageLine&& line) { json.value(triage_line_json(line, s, t.today)); });
  json.end_array();
  member("provisional", t.provisional);
  json.key("referred");
  json.begin_array();
  for (const TriageLine& line : t.referred) {
    json.value(triage_line_json(line, s, t.today));
  }
  json.end_array();
  member("today", format_date(t.today));
  member("unit", t.unit ? nlohmann::json(*t.unit) : nlohmann::json());
  json.key("units");
  json.begin_array();
  for (const UnitTriage& unit : source.units()) {
    json.begin_object();
    for (const auto& [name, section] : sorted_by_name(k_unit_sections)) {
      // "name" sorts among the sections.
      if (name == "overdue_explained") {
        member("name", unit.name);
      }
      json.key(name);
      lines(section, unit.unit);
    }
    member("unit", unit.unit);
    json.end_object();
  }
  json.end_array();
  member("unrated_after_days", t.unrated_after_days);
  member("unrated_within_days", t.unrated_within_days);
  member("working_day", is_working(t.day_kind));
  json.end_object();
}

// One object per line of every section, as they are read: the line's fields, its "section"
// (the names of the document) and, in a unit's sections, "section_unit".
void stream_triage_ndjson(Session& s, TriageSource& source) {
  const Triage& t = source.header();
  const auto lines = [&](std::string_view name, TriageSection section, const std::string& unit) {
    source.lines(
        section,
        [&](TriageLine&& line) {
          nlohmann::json record = triage_line_json(line, s, t.today);
          record["section"] = name;
          record["section_unit"] = unit.empty() ? nlohmann::json() : nlohmann::json(unit);
          emit_json_line(s, record);
        },
        unit);
  };
  for (const auto& [name, section] : k_office_sections) {
    lines(name, section, {});
  }
  for (const UnitTriage& unit : source.units()) {
    for (const auto& [name, section] : k_unit_sections) {
      lines(name, section, unit.unit);
    }
  }
  for (const TriageLine& line : t.referred) {
    nlohmann::json record = triage_line_json(line, s, t.today);
    record["section"] = "referred";
    record["section_unit"] = nullptr;
    emit_json_line(s, record);
  }
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

// A section's lines as one table: held until the section ends, for its heading counts them and
// its columns are as wide as their widest cell (each section is bounded by --limit).
class TriageSectionTable {
 public:
  TriageSectionTable(Session& s, bool with_referral) : m_s(s), m_with_referral(with_referral) {}

  void add(const TriageLine& line) {
    std::vector<std::string> cells = {line.case_id,
                                      line.enterprise,
                                      line.unit.empty() ? "—" : line.unit,
                                      triage_clock_label(m_s, line),
                                      line.due ? format_date(*line.due) : "—",
                                      triage_days_cell(m_s, line)};
    if (m_with_referral) {
      cells.push_back(triage_referral_cell(m_s, line));
    }
    cells.push_back(line.title);
    m_table.add_row(std::move(cells));
  }

  // Prints the section, unless it is empty; returns whether it printed it.
  bool print(const std::string& owner, const std::string& what, Colour colour) {
    if (m_table.size() == 0) {
      return false;
    }
    const std::string heading =
        m_s.tr(MessageId::triage_section_heading, {owner, what, std::to_string(m_table.size())});
    m_s.out() << '\n' << paint(m_s, colour, heading) << '\n';
    emit_table(m_s, m_table);
    return true;
  }

 private:
  std::vector<Table::Column> columns() const {
    std::vector<Table::Column> columns = {
        {m_s.tr(MessageId::triage_col_case)},
        {m_s.tr(MessageId::triage_col_enterprise)},
        {m_s.tr(MessageId::triage_col_unit)},
        {m_s.tr(MessageId::triage_col_clock)},
        {m_s.tr(MessageId::triage_col_due)},
        {m_s.tr(MessageId::triage_col_days), Table::Align::right}};
    if (m_with_referral) {
      columns.push_back({m_s.tr(MessageId::triage_col_referral)});
    }
    // The title goes last and is the column cut to the terminal's width.
    columns.push_back({m_s.tr(MessageId::triage_col_title), Table::Align::left, true});
    return columns;
  }

  Session& m_s;
  bool m_with_referral;
  Table m_table{columns()};
};

// Returns whether the section had lines.
bool triage_section(Session& s,
                    TriageSource& source,
                    TriageSection section,
                    const std::string& owner,
                    const std::string& what,
                    Colour colour,
                    const std::string& unit = {}) {
  TriageSectionTable table(s, section == TriageSection::overdue_unexplained);
  source.lines(
      section, [&](TriageLine&& line) { table.add(line); }, unit);
  return table.print(owner, what, colour);
}

void print_triage(Session& s, TriageSource& source, bool applied) {
  const Triage& t = source.header();
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

  bool listed = false;
  const std::string office = s.tr(MessageId::triage_office);
  const auto office_section = [&](TriageSection section, const std::string& what, Colour colour) {
    listed = triage_section(s, source, section, office, what, colour) || listed;
  };
  office_section(TriageSection::to_forward, s.tr(MessageId::triage_to_forward), Colour::yellow);
  office_section(TriageSection::government_report, s.tr(MessageId::triage_government_report),
                 Colour::yellow);
  office_section(TriageSection::awaiting_review, s.tr(MessageId::triage_awaiting_review),
                 Colour::bold);
  office_section(TriageSection::awaiting_decision, s.tr(MessageId::triage_awaiting_decision),
                 Colour::bold);
  office_section(TriageSection::disputes, s.tr(MessageId::triage_disputes), Colour::bold);
  office_section(TriageSection::unrated,
                 s.tr(MessageId::triage_unrated, {std::to_string(t.unrated_after_days)}),
                 Colour::bold);
  for (const UnitTriage& unit : source.units()) {
    const std::string owner = unit.name.empty() ? unit.unit : unit.unit + " " + unit.name;
    const auto unit_section = [&](TriageSection section, const std::string& what, Colour colour) {
      listed = triage_section(s, source, section, owner, what, colour, unit.unit) || listed;
    };
    unit_section(TriageSection::due_today, s.tr(MessageId::triage_due_today), Colour::yellow);
    unit_section(TriageSection::due_next_working_day,
                 s.tr(MessageId::triage_due_next, {format_date(t.next_working_day)}), Colour::bold);
    unit_section(TriageSection::overdue_explained, s.tr(MessageId::triage_overdue_explained),
                 Colour::red);
    unit_section(TriageSection::overdue_unexplained, s.tr(MessageId::triage_overdue_unexplained),
                 Colour::red);
    unit_section(TriageSection::resubmit_overdue, s.tr(MessageId::triage_resubmit_overdue),
                 Colour::red);
    unit_section(TriageSection::assist_overdue, s.tr(MessageId::triage_assist_overdue),
                 Colour::red);
  }
  if (!listed && t.referred.empty()) {
    s.out() << s.tr(MessageId::triage_nothing) << '\n';
    return;
  }

  if (applied) {
    TriageSectionTable referred(s, true);
    for (const TriageLine& line : t.referred) {
      referred.add(line);
    }
    referred.print(office, s.tr(MessageId::triage_referred_now), Colour::red);
    s.out() << '\n'
            << (t.referred.empty()
                    ? s.tr(MessageId::triage_nothing_to_refer)
                    : s.tr(MessageId::triage_referred_summary, {std::to_string(t.referred.size())}))
            << '\n';
  } else if (const std::int64_t pending = source.pending_referral_count(); pending > 0) {
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
  bool attention = false;
  const auto render = [&](TriageSource& source) {
    const Triage& t = source.header();
    if (t.provisional) {
      const auto year_of = [](LocalDate day) {
        return static_cast<int>(date::year_month_day{day}.year());
      };
      for (int year = year_of(t.today); year <= year_of(t.next_working_day); ++year) {
        if (!s.calendar().is_year_loaded(year)) {
          s.warn(MessageId::calendar_provisional, {std::to_string(year)});
        }
      }
    }
    if (options.ndjson) {
      stream_triage_ndjson(s, source);
    } else if (s.json()) {
      stream_triage_json(s, source, options.apply);
    } else {
      print_triage(s, source, options.apply);
    }
    attention = options.exit_code && source.anything_overdue();
  };
  const std::optional<std::int64_t> limit =
      options.limit > 0 ? std::optional<std::int64_t>(options.limit) : std::nullopt;
  if (options.apply) {
    CaseService cases(s.store(), s.calendar(), s.config(), s.zone());
    apply_triage(s.store(), cases, s.calendar(), s.config(), s.zone(), s.now(), unit, limit,
                 s.actor(), render);
  } else {
    read_triage(s.store(), s.calendar(), s.config(),
                {s.zone().local_date(s.now()), unit, officer, limit}, render);
  }
  // git's --exit-code convention: 1 says "something needs attention", not an error.
  return attention ? static_cast<int>(ExitCode::attention) : static_cast<int>(ExitCode::ok);
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
  cmd->add_option("--limit", options->limit, tr(lang, MessageId::opt_triage_limit))
      ->check(CLI::PositiveNumber)
      ->type_name("N");
  cmd->add_flag("--ndjson", options->ndjson, tr(lang, MessageId::opt_triage_ndjson));
  // Only --apply writes; a plain triage opens the database read-only.
  inv.on(
      cmd, [options] { return options->apply ? Needs::store_write : Needs::store_read; },
      [options](Session& s) { return run_triage(*options, s); });
}

}  // namespace ent110::cli
