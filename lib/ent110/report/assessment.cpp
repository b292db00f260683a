// SPDX-License-Identifier: MIT
#include <ent110/audit/audit_log.hpp>
#include <ent110/core/error.hpp>
#include <ent110/registry/registry.hpp>
#include <ent110/report/assessment.hpp>
#include <ent110/report/report_repo.hpp>
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

AssessmentEntry insert(Store& store, AssessmentEntry entry, const Actor& actor) {
  store.write([&] {
    const Unit unit = require_member_unit(store, entry.unit);
    if (entry.kind == AssessmentKind::finding && !supervision_applies(unit.kind)) {
      throw Refused(MessageId::assess_finding_not_supervised,
                    {unit.code, std::string(to_string(unit.kind))});
    }
    entry.unit = unit.code;
    entry.id = report_repo::insert_assessment_entry(store, entry);
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
  store.read([&] { entries = report_repo::assessment_entries(store, year); });
  return entries;
}

}  // namespace ent110
