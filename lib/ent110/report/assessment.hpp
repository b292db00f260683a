// SPDX-License-Identifier: MIT
#pragma once

#include <ent110/audit/audit_log.hpp>
#include <ent110/core/time.hpp>
#include <ent110/registry/registry.hpp>
#include <ent110/store/store.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ent110 {

/// The year-end assessment inputs ent110 cannot observe itself, recorded by the office.
enum class AssessmentKind {
  policy,   ///< a unit's policy-implementation score for a year, 0–100 (Art. 12)
  finding,  ///< a supervision finding against a unit, in points deducted (Art. 11)
};

/// The JSON spelling of `kind` ("policy", "finding").
std::string_view to_string(AssessmentKind kind);

/// Whether Art. 11 makes supervision findings a basis for assessing a unit of `kind`: counties,
/// districts, management areas and development zones (县、区政府和管理区、开发区), not departments.
bool supervision_applies(UnitKind kind);

/// One recorded input: an event with its actor and time, appended and never edited.
struct AssessmentEntry {
  std::int64_t id = 0;
  AssessmentKind kind = AssessmentKind::policy;
  std::string unit;
  int year = 0;
  std::optional<LocalDate> date;  ///< the day of a finding; none for a policy score
  double value = 0;               ///< policy: the score 0–100; finding: points deducted, > 0
  std::string note;
  std::string actor;
  Instant at;
};

/// Records member unit `unit`'s policy-implementation score for `year`, 0–100; the latest record
/// of a unit and year is the one the assessment uses. One transaction, with its audit event by
/// `actor` (authorised by the caller, lib/ent110/access). Throws NotFound (unit), Refused (not a
/// member unit) and UsageError (score out of range, empty note, year outside 1900–9999).
AssessmentEntry record_policy_score(Store& store,
                                    std::string_view unit,
                                    int year,
                                    double score,
                                    std::string_view note,
                                    const Actor& actor,
                                    Instant now);

/// Records a supervision finding against member unit `unit` on `day`, deducting `points`
/// (0 < points ≤ 100) from its supervision score for the year of `day`. Throws as
/// record_policy_score, and Refused when supervision does not apply to the unit's kind.
AssessmentEntry record_finding(Store& store,
                               std::string_view unit,
                               LocalDate day,
                               double points,
                               std::string_view note,
                               const Actor& actor,
                               Instant now);

/// Every input recorded for `year`, in the order recorded.
std::vector<AssessmentEntry> list_assessment(Store& store, int year);

}  // namespace ent110
