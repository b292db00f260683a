// SPDX-License-Identifier: MIT
#include "render/case_view.hpp"

#include "render/case_json.hpp"
#include "render/output.hpp"
#include "session.hpp"

#include <ent110/calendar/calendar.hpp>
#include <ent110/cases/labels.hpp>
#include <ent110/core/error.hpp>
#include <ent110/core/input.hpp>

#include <date/date.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <ostream>

namespace ent110::cli {
namespace {

LocalDate case_today_of(Session& s) {
  return s.zone().local_date(s.now());
}

std::string case_left_text(Session& s, const Clock& clock, LocalDate today) {
  const auto left = working_days_left(clock, today, s.calendar());
  if (!left) {
    return "";
  }
  if (*left < 0) {
    return s.tr(MessageId::case_days_late, {std::to_string(-*left)});
  }
  return s.tr(MessageId::case_days_left, {std::to_string(*left)});
}

std::string case_status_text(Session& s, const Clock& clock, LocalDate today) {
  const ClockStatus status = status_at(clock, today);
  const std::string text = label(s.lang(), status);
  switch (status) {
    case ClockStatus::overdue:
    case ClockStatus::missed:
      return paint(s, Colour::red, text);
    case ClockStatus::due_today:
      return paint(s, Colour::yellow, text);
    case ClockStatus::met:
      return paint(s, Colour::green, text);
    default:
      return text;
  }
}

std::string case_due_text(Session& s, const Clock& clock) {
  std::string text = format_date(clock.due);
  if (clock.provisional) {
    text += s.tr(MessageId::case_provisional_mark);
  }
  return text;
}

std::string case_authored_text(Session& s, const Authored& authored) {
  return s.tr(MessageId::case_authored, {authored.text, authored.unit, authored.by,
                                         s.zone().format_local_short(authored.at)});
}

void print_case_clocks(Session& s, const std::vector<Clock>& clocks, LocalDate today) {
  Table table({{s.tr(MessageId::case_col_clock)},
               {s.tr(MessageId::case_col_unit)},
               {s.tr(MessageId::case_col_started)},
               {s.tr(MessageId::case_col_due)},
               {s.tr(MessageId::case_col_stopped)},
               {s.tr(MessageId::case_col_status)},
               {s.tr(MessageId::case_col_left), Table::Align::right}});
  for (const Clock& clock : clocks) {
    table.add_row({label(s.lang(), clock.name), clock.unit, format_date(clock.started),
                   case_due_text(s, clock), clock.stopped ? format_date(*clock.stopped) : "",
                   case_status_text(s, clock, today), case_left_text(s, clock, today)});
  }
  emit_table(s, table);
}

std::string case_officers_text(Session& s, const std::vector<CaseOfficer>& officers) {
  if (officers.empty()) {
    return s.tr(MessageId::visits_officers_none);
  }
  std::string text;
  for (const CaseOfficer& serving : officers) {
    const Officer& officer = serving.officer;
    text += (text.empty() ? "" : ", ") +
            s.tr(serving.serves == Serves::project ? MessageId::visits_officer_entry_project
                                                   : MessageId::visits_officer_entry,
                 {officer.name, std::string(to_string(officer.level)), officer.unit});
  }
  return text;
}

}  // namespace

std::string text_from(const std::optional<std::string>& text,
                      const std::optional<std::string>& file,
                      std::string_view text_option,
                      std::string_view file_option) {
  if (text.has_value() == file.has_value()) {
    throw UsageError(MessageId::case_text_needs_one,
                     {std::string(text_option), std::string(file_option)});
  }
  if (text) {
    return *text;
  }
  std::string read;
  if (*file == "-") {
    const std::string name = tr(Lang::en, MessageId::input_standard_input);
    read = read_bounded(std::cin, k_max_text_bytes, name);
    require_utf8_file(read, name);
  } else {
    std::ifstream in(*file, std::ios::binary);
    if (!in) {
      throw BadInput(MessageId::cannot_read_file, {*file, std::strerror(errno)});
    }
    read = read_bounded(in, k_max_text_bytes, *file);
    require_utf8_file(read, *file);
  }
  while (!read.empty() && (read.back() == '\n' || read.back() == '\r')) {
    read.pop_back();
  }
  return read;
}

CaseService case_service(Session& session) {
  return CaseService(session.store(), session.calendar(), session.config(), session.zone());
}

int print_action_result(Session& s, const ActionResult& result, const nlohmann::json& extra) {
  for (const Clock& clock : result.provisional) {
    const date::year_month_day due{clock.due};
    s.warn(MessageId::case_clock_provisional,
           {label(s.lang(), clock.name), result.kase.id, format_date(clock.due),
            std::to_string(static_cast<int>(due.year()))});
  }
  for (const Message& warning : result.warnings) {
    s.warn(warning.id, warning.args);
  }
  const LocalDate today = case_today_of(s);
  if (s.json()) {
    nlohmann::json document = to_json(result.kase, today, s.zone(), s.calendar());
    if (result.likely_duplicate_of) {
      document["likely_duplicate_of"] = *result.likely_duplicate_of;
    }
    document.update(extra);
    emit_json(s, document);
    return 0;
  }
  const Case& kase = result.kase;
  s.out() << s.tr(MessageId::case_now_in_state,
                  {kase.id, label(s.lang(), kase.state), kase.unit.empty() ? "—" : kase.unit})
          << '\n';
  for (const Clock& clock : kase.clocks) {
    if (clock.outcome == ClockOutcome::running) {
      s.out() << "  "
              << s.tr(MessageId::case_clock_running,
                      {label(s.lang(), clock.name), clock.unit, case_due_text(s, clock),
                       case_left_text(s, clock, today)})
              << '\n';
    }
  }
  return 0;
}

void print_case(Session& s, const CaseDetail& detail) {
  const Case& kase = detail.kase;
  const LocalDate today = case_today_of(s);
  Fields fields;
  fields.add(s.tr(MessageId::case_label_id), kase.id);
  fields.add(s.tr(MessageId::case_label_state),
             paint(s, Colour::bold, label(s.lang(), kase.state)));
  std::string type = label(s.lang(), kase.type);
  if (kase.major) {
    type += " " + s.tr(MessageId::case_major_mark);
  }
  fields.add(s.tr(MessageId::case_label_type), type);
  fields.add(s.tr(MessageId::case_label_title), kase.title);
  if (kase.confidential) {
    fields.add(s.tr(MessageId::case_label_confidential), s.tr(MessageId::case_confidential_yes));
  }
  fields.add(s.tr(MessageId::case_label_enterprise),
             kase.enterprise.name + " (" + std::to_string(kase.enterprise.id) + ")");
  if (detail.project) {
    fields.add(s.tr(MessageId::visits_label_project),
               detail.project->code + " " + detail.project->name);
  }
  fields.add(s.tr(MessageId::visits_label_officers), case_officers_text(s, detail.officers));
  if (kase.merged_into) {
    fields.add(s.tr(MessageId::merge_label_merged_into), *kase.merged_into);
  }
  fields.add(s.tr(MessageId::case_label_channel), label(s.lang(), kase.channel));
  fields.add(s.tr(MessageId::case_label_received), s.zone().format_local_short(kase.received_at));
  std::string unit = kase.unit;
  if (!kase.co_units.empty()) {
    std::string co;
    for (const std::string& code : kase.co_units) {
      co += (co.empty() ? "" : ", ") + code;
    }
    unit += " " + s.tr(MessageId::case_with_units, {co});
  }
  fields.add(s.tr(MessageId::case_label_unit), unit);
  if (kase.round > 0) {
    fields.add(s.tr(MessageId::case_label_round), std::to_string(kase.round));
  }
  if (kase.reject_reason) {
    fields.add(s.tr(MessageId::case_label_reject_reason), label(s.lang(), *kase.reject_reason));
  }
  if (kase.result) {
    fields.add(s.tr(MessageId::case_label_result), case_authored_text(s, *kase.result));
  }
  if (kase.answer) {
    fields.add(s.tr(MessageId::case_label_answer), case_authored_text(s, *kase.answer));
  }
  if (kase.rating) {
    std::string rating = label(s.lang(), *kase.rating);
    if (!kase.rating_comment.empty()) {
      rating += " — " + kase.rating_comment;
    }
    fields.add(s.tr(MessageId::case_label_rating), rating);
  }
  s.out() << fields.render();
  if (!kase.body.empty()) {
    s.out() << '\n' << kase.body << '\n';
  }
  s.out() << '\n' << paint(s, Colour::bold, s.tr(MessageId::case_heading_clocks)) << '\n';
  print_case_clocks(s, kase.clocks, today);
  s.out() << '\n' << paint(s, Colour::bold, s.tr(MessageId::case_heading_history)) << '\n';
  print_events(s, kase.events, false);
}

void print_case_list(Session& s, const std::vector<CaseSummary>& cases) {
  const LocalDate today = case_today_of(s);
  Table table({{s.tr(MessageId::case_label_id)},
               {s.tr(MessageId::case_label_state)},
               {s.tr(MessageId::case_label_type)},
               {s.tr(MessageId::case_col_unit)},
               {s.tr(MessageId::case_col_clock)},
               {s.tr(MessageId::case_col_due)},
               {s.tr(MessageId::case_col_left), Table::Align::right},
               {s.tr(MessageId::case_label_enterprise), Table::Align::left, true},
               {s.tr(MessageId::case_label_title), Table::Align::left, true}});
  for (const CaseSummary& c : cases) {
    std::string type = label(s.lang(), c.type);
    if (c.major) {
      type += "*";
    }
    table.add_row({c.id, label(s.lang(), c.state), type, c.unit,
                   c.urgent ? label(s.lang(), c.urgent->name) : "",
                   c.urgent ? case_due_text(s, *c.urgent) : "",
                   c.urgent ? case_left_text(s, *c.urgent, today) : "", c.enterprise, c.title});
  }
  emit_table(s, table);
  s.out() << s.tr(MessageId::case_list_count, {std::to_string(cases.size())}) << '\n';
}

void print_events(Session& s, const std::vector<Event>& events, bool with_case) {
  std::vector<Table::Column> columns;
  if (with_case) {
    columns.push_back({s.tr(MessageId::case_label_id)});
  }
  columns.push_back({"#", Table::Align::right});
  columns.push_back({s.tr(MessageId::case_col_at)});
  columns.push_back({s.tr(MessageId::case_col_action)});
  columns.push_back({s.tr(MessageId::case_col_actor)});
  columns.push_back({s.tr(MessageId::case_col_unit)});
  columns.push_back({s.tr(MessageId::case_col_text), Table::Align::left, true});
  Table table(columns);
  for (const Event& event : events) {
    std::vector<std::string> row;
    if (with_case) {
      row.push_back(event.case_id);
    }
    const std::string detail = detail_label(s.lang(), event, s.zone());
    std::string text = detail.empty()       ? event.text
                       : event.text.empty() ? detail
                                            : detail + ": " + event.text;
    for (char& c : text) {
      if (c == '\n') {
        c = ' ';
      }
    }
    row.push_back(std::to_string(event.case_seq));
    row.push_back(s.zone().format_local_short(event.at));
    row.push_back(label(s.lang(), event.action));
    row.push_back(event.actor);
    row.push_back(event.unit);
    row.push_back(text);
    table.add_row(std::move(row));
  }
  emit_table(s, table);
}

}  // namespace ent110::cli
