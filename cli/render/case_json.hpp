// SPDX-License-Identifier: MIT
// The JSON of cases (spec/cli.md "JSON shapes"): the contract's fields plus a few more.
#pragma once

#include <ent110/cases/service.hpp>

#include <nlohmann/json.hpp>

namespace ent110 {
class WorkingCalendar;
class Zone;
}  // namespace ent110

namespace ent110::cli {

/// {"name", "started", "due", "stopped", "status", "provisional" (only when true), "unit",
/// "working_days", "working_days_left", "round", "referred_at"}; status judged on `today`.
nlohmann::json to_json(const Clock& clock,
                       LocalDate today,
                       const Zone& zone,
                       const WorkingCalendar& calendar);
/// {"seq", "at", "action", "actor", "unit", "text", "detail", "case"}; `at` is local with offset.
nlohmann::json to_json(const Event& event, const Zone& zone);
/// The whole case: the contract's fields, then body, co_units, round, reject_reason, result,
/// answer {text, unit, by, at, edited}, rating, rating_comment, project (code or null).
nlohmann::json to_json(const Case& kase,
                       LocalDate today,
                       const Zone& zone,
                       const WorkingCalendar& calendar);
/// `show`: the whole case, then "officers": [{id, name, level, unit, serves: "enterprise" or
/// "project"}], those serving its enterprise and its project on `today`.
nlohmann::json to_json(const CaseDetail& detail,
                       LocalDate today,
                       const Zone& zone,
                       const WorkingCalendar& calendar);
/// One `list` line: {"id", "state", "type", "major", "unit", "enterprise", "title",
/// "received_at", "next": clock or null}.
nlohmann::json to_json(const CaseSummary& summary,
                       LocalDate today,
                       const Zone& zone,
                       const WorkingCalendar& calendar);

}  // namespace ent110::cli
