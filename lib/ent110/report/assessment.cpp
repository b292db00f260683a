// SPDX-License-Identifier: MIT
#include <ent110/audit/audit_log.hpp>
#include <ent110/core/error.hpp>
#include <ent110/registry/registry.hpp>
#include <ent110/report/assessment.hpp>
#include <ent110/store/statement.hpp>
#include <ent110/store/store.hpp>

#include <fmt/format.h>

#include <cmath>

namespace ent110 {
namespace {

constexpr int k_first_year = 1900;
constexpr int k_last_year = 9999;

// Art. 12 assesses counties, districts, areas, zones and departments, not the built-in bodies.
Unit require_member_unit(Store& store, std::string_view code) {
  Unit unit = get_unit(store, code);
  if (!is_member_kind(unit.kind)) {
    throw Refused(MessageId::assess_not_member, {unit.code, std::string(to_string(unit.kind))});
  }
  return unit;
}

std::string number_text(double value) {
  return fmt::format("{}", value);
}

AssessmentEntry read_entry(Statement& row) {
  AssessmentEntry entry;
  entry.id = row.int64(0);
  entry.kind = row.text(1) == "policy" ? AssessmentKind::policy : AssessmentKind::finding;
  entry.unit = row.text(2);
  entry.year = row.int32(3);
  if (!row.is_null(4)) {
    entry.date = try_parse_date(row.text(4));
  }
  entry.value = row.real(5);
  entry.note = row.text(6);
  entry.actor = row.text(7);
  entry.at = parse_utc(row.text(8));
  return entry;
}

constexpr std::string_view k_select =
    "SELECT id, kind, unit, year, date, value, note, actor, at FROM assessment_event ";

// Returns the new row's id. The statement ends with the function: one with a row left unread
// is still in progress and would keep the transaction's savepoints from being released.
std::int64_t insert_row(Store& store, const AssessmentEntry& entry) {
  Statement insert(store,
                   "INSERT INTO assessment_event (kind, unit, year, date, value, note, actor, at) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id");
  insert.bind(1, to_string(entry.kind));
  insert.bind(2, entry.unit);
  insert.bind(3, entry.year);
  insert.bind(4, entry.date ? std::optional(format_date(*entry.date)) : std::nullopt);
  insert.bind(5, entry.value);
  insert.bind(6, entry.note);
  insert.bind(7, entry.actor);
  insert.bind(8, format_utc(entry.at));
  return insert.scalar_int64();
}

AssessmentEntry insert(Store& store, AssessmentEntry entry, const Actor& actor) {
  store.write([&] {
    const Unit unit = require_member_unit(store, entry.unit);
    if (entry.kind == AssessmentKind::finding && !supervision_applies(unit.kind)) {
      throw Refused(MessageId::assess_finding_not_supervised,
                    {unit.code, std::string(to_string(unit.kind))});
    }
    entry.unit = unit.code;
    entry.id = insert_row(store, entry);
    record_change(store, actor, "assess " + std::string(to_string(entry.kind)),
                  AuditSubject::assessment_event, std::to_string(entry.id), std::nullopt, entry.at);
  });
  return entry;
}

void require_note(std::string_view note) {
  if (note.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    throw UsageError(MessageId::assess_note_empty);
  }
}

}  // namespace

bool supervision_applies(UnitKind kind) {
  return kind == UnitKind::county || kind == UnitKind::district || kind == UnitKind::area ||
         kind == UnitKind::zone;
}

std::string_view to_string(AssessmentKind kind) {
  return kind == AssessmentKind::policy ? "policy" : "finding";
}

AssessmentEntry record_policy_score(Store& store,
                                    std::string_view unit,
                                    int year,
                                    double score,
                                    std::string_view note,
                                    const Actor& actor,
                                    Instant now) {
  if (year < k_first_year || year > k_last_year) {
    throw UsageError(MessageId::assess_bad_year, {std::to_string(year)});
  }
  if (!std::isfinite(score) || score < 0 || score > 100) {
    throw UsageError(MessageId::assess_bad_score, {number_text(score)});
  }
  require_note(note);
  return insert(store,
                AssessmentEntry{0, AssessmentKind::policy, std::string(unit), year, std::nullopt,
                                score, std::string(note), actor.login, now},
                actor);
}

AssessmentEntry record_finding(Store& store,
                               std::string_view unit,
                               LocalDate day,
                               double points,
                               std::string_view note,
                               const Actor& actor,
                               Instant now) {
  if (!std::isfinite(points) || points <= 0 || points > 100) {
    throw UsageError(MessageId::assess_bad_points, {number_text(points)});
  }
  require_note(note);
  const int year = static_cast<int>(date::year_month_day{day}.year());
  return insert(store,
                AssessmentEntry{0, AssessmentKind::finding, std::string(unit), year, day, points,
                                std::string(note), actor.login, now},
                actor);
}

std::vector<AssessmentEntry> list_assessment(Store& store, int year) {
  std::vector<AssessmentEntry> entries;
  store.read([&] {
    Statement query(store, std::string(k_select) + "WHERE year = ? ORDER BY id");
    query.bind(1, year);
    while (query.step()) {
      entries.push_back(read_entry(query));
    }
  });
  return entries;
}

}  // namespace ent110
