// SPDX-License-Identifier: MIT
// The case fixture with what triage tests add: cases forwarded in one step, each named by its
// title, and the triage computed or applied at a local date or time.
#pragma once

#include "../cases/case_fixture.hpp"

#include <ent110/triage/triage.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace ent110::test {

struct TriageFixture : CaseFixture {
  /// A case titled `title` received at `received` and forwarded to `unit` at `forwarded`.
  std::string forwarded(const std::string& title,
                        CaseType type,
                        const std::string& unit,
                        const std::string& received,
                        const std::string& forwarded_at,
                        bool major = false) {
    const std::string id = intake(title, type, received, major);
    ForwardRequest request;
    request.to_unit = unit;
    service.forward(id, request, "wang", at(forwarded_at));
    return id;
  }

  /// The triage on local date `day`.
  Triage triage(const std::string& day, const std::optional<std::string>& unit = std::nullopt) {
    return compute_triage(store, calendar, config, parse_date(day), unit);
  }

  /// `triage --apply` at local time `when` as `login`.
  Triage apply(const std::string& when, const std::string& login = "wang") {
    return apply_triage(store, service, calendar, config, zone, at(when), std::nullopt, login);
  }
};

// Cases on every side of every deadline as seen on Friday 10 October 2025 (next working day:
// Saturday 11 October, a made-up working day).
struct NationalDay : TriageFixture {
  std::map<std::string, std::string> id;  // title → case id

  NationalDay() {
    // Forward (1 working day): received 30 Sep 20:15 → due 9 Oct; 9 Oct → 10 Oct; 10 Oct → 11 Oct.
    id["fwd-late"] = intake("fwd-late", CaseType::consult, "2025-09-30T20:15");
    id["fwd-today"] = intake("fwd-today", CaseType::consult, "2025-10-09T10:00");
    id["fwd-next"] = intake("fwd-next", CaseType::consult, "2025-10-10T09:00");

    // Consult reply (1 working day), FGW.
    id["consult-late"] = forwarded("consult-late", CaseType::consult, "FGW", "2025-09-29T09:00",
                                   "2025-09-30T09:00");  // due 9 Oct
    id["consult-today"] = forwarded("consult-today", CaseType::consult, "FGW", "2025-10-09T09:00",
                                    "2025-10-09T10:00");  // due 10 Oct
    id["consult-next"] = forwarded("consult-next", CaseType::consult, "FGW", "2025-10-10T08:00",
                                   "2025-10-10T08:30");  // due Saturday 11 Oct

    // Coordinate reply (5) and explain (3 working days), JXW.
    // Forwarded 29 Sep: explain due 10 Oct (30, 9, 10), reply due 13 Oct (…, 11, 13).
    id["explain-today"] = forwarded("explain-today", CaseType::coordinate, "JXW",
                                    "2025-09-29T09:00", "2025-09-29T10:00");
    // Forwarded 26 Sep: reply due 10 Oct (Sun 28, 29, 30, 9, 10); explain due 30 Sep, lapsed.
    id["reply-today"] = forwarded("reply-today", CaseType::coordinate, "JXW", "2025-09-26T09:00",
                                  "2025-09-26T10:00");
    // Forwarded 22 Sep: reply due Sunday 28 Sep; 4 working days late on 10 Oct.
    id["coord-late"] = forwarded("coord-late", CaseType::coordinate, "JXW", "2025-09-22T09:00",
                                 "2025-09-22T10:00");
    id["explained"] =
        forwarded("explained", CaseType::coordinate, "JXW", "2025-09-22T09:00", "2025-09-22T10:00");
    service.explain(id["explained"], "需市政府研究", "建议报市政府", "li", at("2025-09-24T10:00"));
    id["escalated"] =
        forwarded("escalated", CaseType::coordinate, "FGW", "2025-09-22T09:00", "2025-09-22T10:00");
    service.explain(id["escalated"], "需多部门协调", "建议联席会议", "li", at("2025-09-24T10:00"));
    service.escalate(id["escalated"], EscalationTarget::government, "报市政府研究", "wang",
                     at("2025-09-25T10:00"));
    id["disputed"] =
        forwarded("disputed", CaseType::coordinate, "FGW", "2025-09-29T09:00", "2025-09-29T10:00");
    service.dispute(id["disputed"], "不属于本单位职责", "li", at("2025-09-30T10:00"));

    // Review (1 working day) and resubmit (2 working days).
    id["review-today"] = forwarded("review-today", CaseType::coordinate, "FGW", "2025-09-29T09:00",
                                   "2025-09-29T10:00");
    service.reply(id["review-today"], "已协调", "li", at("2025-10-09T10:00"));
    id["resubmit-late"] = forwarded("resubmit-late", CaseType::coordinate, "FGW",
                                    "2025-09-22T09:00", "2025-09-22T10:00");
    service.reply(id["resubmit-late"], "已协调", "li", at("2025-09-24T10:00"));
    service.return_result(id["resubmit-late"], "请补充", "wang",
                          at("2025-09-29T10:00"));  // resubmit due 9 Oct

    // Government report (2 working days) of major cases.
    id["report-due"] = forwarded("report-due", CaseType::coordinate, "FGW", "2025-10-09T09:00",
                                 "2025-10-09T10:00", true);  // due 11 Oct
    // Received 26 Sep, due 29 Sep, answered and rated but never reported.
    id["report-late"] = forwarded("report-late", CaseType::coordinate, "FGW", "2025-09-26T09:00",
                                  "2025-09-26T10:00", true);
    service.reply(id["report-late"], "已协调", "li", at("2025-09-28T10:00"));
    service.approve(id["report-late"], std::nullopt, "wang", at("2025-09-29T09:00"));
    service.evaluate(id["report-late"], Rating::satisfied, "", "wang", at("2025-09-30T09:00"));

    // Ratings: answered 26 Sep (5 working days by 10 Oct), 29 Sep (3), and one rated.
    id["unrated"] =
        forwarded("unrated", CaseType::consult, "FGW", "2025-09-25T09:00", "2025-09-25T10:00");
    service.reply(id["unrated"], "已答复", "li", at("2025-09-26T10:00"));
    id["answered-recently"] = forwarded("answered-recently", CaseType::consult, "FGW",
                                        "2025-09-29T09:00", "2025-09-29T10:00");
    service.reply(id["answered-recently"], "已答复", "li", at("2025-09-29T11:00"));
    id["rated"] =
        forwarded("rated", CaseType::consult, "FGW", "2025-09-25T09:00", "2025-09-25T10:00");
    service.reply(id["rated"], "已答复", "li", at("2025-09-26T10:00"));
    service.evaluate(id["rated"], Rating::basic, "", "wang", at("2025-09-30T10:00"));
  }
};

/// The titles of `lines`, in order.
inline std::vector<std::string> titles(const std::vector<TriageLine>& lines) {
  std::vector<std::string> result;
  for (const TriageLine& line : lines) {
    result.push_back(line.title);
  }
  return result;
}

}  // namespace ent110::test
