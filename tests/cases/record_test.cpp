// SPDX-License-Identifier: MIT
// The accountability record (issue 10): deadlines that cannot be dodged, late entries that put
// a wrong referral right in the open, corrections, and the one replay behind all of them.
#include "cases/case_fixture.hpp"
#include "support/test_support.hpp"

#include <ent110/cases/case_repo.hpp>
#include <ent110/cases/clock_rules.hpp>
#include <ent110/cases/event_log.hpp>
#include <ent110/cases/replay.hpp>
#include <ent110/cases/replay_check.hpp>
#include <ent110/core/error.hpp>
#include <ent110/store/statement.hpp>

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <fstream>

using namespace ent110;
using ent110::test::CaseFixture;

namespace {

// The case as its events say it is, against the stored one.
std::optional<std::string> replay_differs(CaseFixture& f, const std::string& id) {
  const Case stored = f.service.get(id);
  const Replayed replayed =
      replay(stored, stored.events, ReplayContext{f.calendar, f.config, f.zone});
  return first_difference(stored, replayed.kase);
}

// A coordinate case received and forwarded to FGW on Monday 2025-11-03: reply due Monday
// 11-10, explain due Thursday 11-06.
std::string forwarded_coordinate(CaseFixture& f) {
  const std::string id = f.intake(CaseType::coordinate, "2025-11-03T09:00");
  const Case kase = f.forward(id, "2025-11-03T10:00");
  REQUIRE(format_date(CaseFixture::clock(kase, ClockName::reply).due) == "2025-11-10");
  REQUIRE(format_date(CaseFixture::clock(kase, ClockName::explain).due) == "2025-11-06");
  return id;
}

}  // namespace

TEST_CASE("record: an explanation after the reply was due leaves the reply clock overdue",
          "[cases][record]") {
  CaseFixture f;
  const std::string id = forwarded_coordinate(f);
  const Case kase = f.service.explain(id, "x", "y", "li", f.at("2025-11-12T10:00")).kase;
  CHECK(kase.state == State::explained);
  const Clock reply = CaseFixture::clock(kase, ClockName::reply);
  CHECK(reply.outcome == ClockOutcome::running);
  CHECK(status_at(reply, parse_date("2025-11-13")) == ClockStatus::overdue);
  CHECK(CaseFixture::clock(kase, ClockName::explain).outcome == ClockOutcome::missed);
  // The referral stands: the office may refer it, and answering later is a miss.
  f.service.escalate(id, EscalationTarget::inspection, "", "wang", f.at("2025-11-13T08:30"));
  const Case referred = f.service.get(id);
  CHECK(CaseFixture::clock(referred, ClockName::reply).referred_at.has_value());
  CHECK_FALSE(replay_differs(f, id));
}

TEST_CASE("record: an explanation after the explain limit but before the reply due date pauses",
          "[cases][record]") {
  CaseFixture f;
  const std::string id = forwarded_coordinate(f);
  const Case kase = f.service.explain(id, "x", "y", "li", f.at("2025-11-07T10:00")).kase;
  CHECK(CaseFixture::clock(kase, ClockName::reply).outcome == ClockOutcome::paused);
  CHECK(CaseFixture::clock(kase, ClockName::explain).outcome == ClockOutcome::missed);
}

TEST_CASE(
    "record: a dispute after the reply was due does not pause, and the office's decision "
    "does not erase the miss",
    "[cases][record]") {
  CaseFixture f;
  const std::string id = forwarded_coordinate(f);
  Case kase = f.service.dispute(id, "不属本单位职责", "li", f.at("2025-11-11T10:00")).kase;
  CHECK(kase.state == State::disputed);
  CHECK(CaseFixture::clock(kase, ClockName::reply).outcome == ClockOutcome::running);
  f.service.escalate(id, EscalationTarget::inspection, "", "wang", f.at("2025-11-12T08:30"));
  f.service.escalate(id, EscalationTarget::joint_meeting, "", "wang", f.at("2025-11-13T09:00"));
  ForwardRequest decision;
  decision.to_unit = "JXW";
  decision.within_days = 3;
  kase = f.service.forward(id, decision, "wang", f.at("2025-11-14T09:00")).kase;
  // The first reply clock was late when the assignment ended: missed, not cancelled.
  CHECK(kase.clocks[1].name == ClockName::reply);
  CHECK(kase.clocks[1].outcome == ClockOutcome::missed);
  CHECK(kase.clocks[1].referred_at.has_value());
  CHECK_FALSE(replay_differs(f, id));
}

TEST_CASE("record: a dispute on time pauses, and forwarding after the decision cancels",
          "[cases][record]") {
  CaseFixture f;
  const std::string id = forwarded_coordinate(f);
  Case kase = f.service.dispute(id, "不属本单位职责", "li", f.at("2025-11-05T10:00")).kase;
  CHECK(CaseFixture::clock(kase, ClockName::reply).outcome == ClockOutcome::paused);
  CHECK(CaseFixture::clock(kase, ClockName::explain).outcome == ClockOutcome::paused);
  ForwardRequest decision;
  decision.to_unit = "JXW";
  kase = f.service.forward(id, decision, "wang", f.at("2025-11-20T09:00")).kase;
  CHECK(kase.clocks[1].outcome == ClockOutcome::cancelled);
  CHECK(kase.clocks[2].outcome == ClockOutcome::cancelled);
}

TEST_CASE("record: forward --due on a day off is refused naming the next working day",
          "[cases][record]") {
  CaseFixture f;
  const std::string id = forwarded_coordinate(f);
  f.service.dispute(id, "不属本单位职责", "li", f.at("2025-11-05T10:00"));
  ForwardRequest decision;
  decision.to_unit = "JXW";
  decision.due = parse_date("2025-11-15");  // a Saturday
  const std::size_t events = case_events(f.store, id).size();
  CHECK_THROWS_AS(f.service.forward(id, decision, "wang", f.at("2025-11-06T09:00")), Refused);
  CHECK_THROWS_WITH(
      f.service.forward(id, decision, "wang", f.at("2025-11-06T09:00")),
      Catch::Contains("'2025-11-15' is a day off") && Catch::Contains("'2025-11-17'"));
  CHECK(case_events(f.store, id).size() == events);
  // 2025-09-28 was a Sunday made a working day (调休): accepted.
  const std::string other = f.intake(CaseType::consult, "2025-09-22T09:00");
  f.forward(other, "2025-09-22T10:00");
  f.service.dispute(other, "不属本单位职责", "li", f.at("2025-09-22T11:00"));
  decision.due = parse_date("2025-09-28");
  CHECK(f.service.forward(other, decision, "wang", f.at("2025-09-23T09:00")).kase.state ==
        State::forwarded);
}

TEST_CASE("record: a reply entered late, dated before a referral, withdraws the referral",
          "[cases][record]") {
  CaseFixture f;
  const std::string id = f.intake(CaseType::consult, "2025-11-03T09:00");
  f.forward(id, "2025-11-03T10:00");  // due 11-04
  f.service.escalate(id, EscalationTarget::inspection, "", "wang", f.at("2025-11-05T08:30"));
  REQUIRE(CaseFixture::clock(f.service.get(id), ClockName::reply).referred_at.has_value());

  const Case kase = f.service.reply(id, "11月4日已电话答复", "li", f.at("2025-11-04T17:00")).kase;
  CHECK(kase.state == State::answered);
  const Clock reply = CaseFixture::clock(kase, ClockName::reply);
  CHECK(reply.outcome == ClockOutcome::met);
  CHECK_FALSE(reply.referred_at.has_value());
  // The referral stays in the log; an event withdraws it, recorded after it.
  REQUIRE(kase.events.size() == 5);
  CHECK(kase.events[2].action == Action::escalate_inspection);
  CHECK(kase.events[3].action == Action::reply);
  CHECK(kase.events[4].action == Action::withdraw);
  CHECK(kase.events[4].detail == "3");
  CHECK(kase.events[4].text.empty());
  CHECK(kase.events[3].recorded_at.has_value());
  CHECK_FALSE(replay_differs(f, id));
}

TEST_CASE("record: a referred unit cannot back-date its own reply, the office enters the record",
          "[cases][record]") {
  CaseFixture f;
  f.add_users();
  const std::string id = f.intake(CaseType::consult, "2025-11-03T09:00");
  f.forward(id, "2025-11-03T10:00");  // due 11-04
  f.service.escalate(id, EscalationTarget::inspection, "", "wang", f.at("2025-11-05T08:30"));
  const std::size_t events = case_events(f.store, id).size();
  CHECK_THROWS_WITH(f.service.reply(id, "其实4日已答复", "li", f.at("2025-11-04T17:00")),
                    Catch::Contains("the office enters") && Catch::Contains("'li'"));
  CHECK(case_events(f.store, id).size() == events);
  // After the referral the unit answers as usual: late.
  const Case late = f.service.reply(id, "已答复", "li", f.at("2025-11-05T10:00")).kase;
  CHECK(CaseFixture::clock(late, ClockName::reply).outcome == ClockOutcome::missed);

  // The office enters a telephone answer it received on time, for the unit.
  const std::string other = f.intake(CaseType::consult, "2025-11-03T09:00");
  f.forward(other, "2025-11-03T10:00");
  f.service.escalate(other, EscalationTarget::inspection, "", "wang", f.at("2025-11-05T08:30"));
  const Case kase =
      f.service.reply(other, "11月4日电话答复", "wang", f.at("2025-11-04T17:00")).kase;
  CHECK(kase.events[3].actor == "wang");
  CHECK(kase.events[3].unit == "FGW");
  CHECK(kase.events.back().action == Action::withdraw);
  CHECK_FALSE(CaseFixture::clock(kase, ClockName::reply).referred_at.has_value());
  CHECK_FALSE(replay_differs(f, other));
}

TEST_CASE("record: a late reply after the due date keeps the referral", "[cases][record]") {
  CaseFixture f;
  const std::string id = f.intake(CaseType::consult, "2025-11-03T09:00");
  f.forward(id, "2025-11-03T10:00");  // due 11-04
  f.service.escalate(id, EscalationTarget::inspection, "", "wang", f.at("2025-11-05T08:30"));
  const Case kase = f.service.reply(id, "已答复", "li", f.at("2025-11-05T08:00")).kase;
  const Clock reply = CaseFixture::clock(kase, ClockName::reply);
  CHECK(reply.outcome == ClockOutcome::missed);
  CHECK(reply.referred_at.has_value());
  CHECK(kase.events.back().action == Action::reply);
}

TEST_CASE("record: an action may not be dated before what people recorded", "[cases][record]") {
  CaseFixture f;
  const std::string id = forwarded_coordinate(f);
  f.service.explain(id, "x", "y", "li", f.at("2025-11-05T10:00"));
  CHECK_THROWS_AS(
      f.service.escalate(id, EscalationTarget::joint_meeting, "", "wang", f.at("2025-11-05T09:00")),
      Refused);
}

TEST_CASE("record: correct --time moves an event and the clocks follow, the original stays",
          "[cases][record]") {
  CaseFixture f;
  const std::string id = f.intake(CaseType::consult, "2025-11-03T09:00");
  f.forward(id, "2025-11-05T10:00");  // forward clock due 11-04: missed
  REQUIRE(CaseFixture::clock(f.service.get(id), ClockName::forward).outcome ==
          ClockOutcome::missed);
  CorrectionRequest request{Correction{2, CorrectionKind::time, f.at("2025-11-04T10:00"), ""},
                            "纸质登记簿显示11月4日已转办"};
  const Case kase = f.service.correct(id, request, "wang", f.at("2025-11-06T09:00")).kase;
  CHECK(CaseFixture::clock(kase, ClockName::forward).outcome == ClockOutcome::met);
  CHECK(format_date(CaseFixture::clock(kase, ClockName::reply).due) == "2025-11-05");
  REQUIRE(kase.events.size() == 3);
  CHECK(kase.events[1].at == f.at("2025-11-05T10:00"));  // the original, unchanged
  CHECK(kase.events[2].action == Action::correct);
  CHECK(kase.events[2].detail == "2 time 2025-11-04T02:00:00Z");
  CHECK(kase.events[2].text == "纸质登记簿显示11月4日已转办");
  CHECK_FALSE(replay_differs(f, id));
}

TEST_CASE("record: correct --to reassigns a forward, --void takes an event back",
          "[cases][record]") {
  CaseFixture f;
  const std::string id = f.intake(CaseType::consult, "2025-11-03T09:00");
  f.forward(id, "2025-11-03T10:00");
  Case kase =
      f.service
          .correct(id, CorrectionRequest{Correction{2, CorrectionKind::to, {}, "JXW"}, "误录"},
                   "wang", f.at("2025-11-03T11:00"))
          .kase;
  CHECK(kase.unit == "JXW");
  CHECK(CaseFixture::clock(kase, ClockName::reply).unit == "JXW");
  kase =
      f.service
          .correct(id, CorrectionRequest{Correction{2, CorrectionKind::void_, {}, ""}, "重复录入"},
                   "wang", f.at("2025-11-03T12:00"))
          .kase;
  CHECK(kase.state == State::received);
  CHECK(kase.unit.empty());
  REQUIRE(kase.clocks.size() == 1);
  CHECK(kase.clocks[0].outcome == ClockOutcome::running);
  CHECK_FALSE(replay_differs(f, id));
}

TEST_CASE("record: a correction that makes a later event impossible is refused naming it",
          "[cases][record]") {
  CaseFixture f;
  f.add_users();
  const std::string id = f.intake(CaseType::consult, "2025-11-03T09:00");
  f.forward(id, "2025-11-03T10:00");
  f.service.reply(id, "已答复", "li", f.at("2025-11-03T15:00"));
  const std::size_t events = case_events(f.store, id).size();
  // FGW answered; had the case gone to JXW, FGW's answer could not stand.
  CHECK_THROWS_WITH(
      f.service.correct(id, CorrectionRequest{Correction{2, CorrectionKind::to, {}, "JXW"}, "误录"},
                        "wang", f.at("2025-11-04T09:00")),
      Catch::Contains("event 3 (reply)") && Catch::Contains("'JXW'"));
  // Voiding the forward leaves a reply to a case never forwarded.
  CHECK_THROWS_WITH(
      f.service.correct(id, CorrectionRequest{Correction{2, CorrectionKind::void_, {}, ""}, "x"},
                        "wang", f.at("2025-11-04T09:00")),
      Catch::Contains("event 3 (reply)") && Catch::Contains("'received'"));
  // Only the office corrects.
  CHECK_THROWS_AS(
      f.service.correct(id, CorrectionRequest{Correction{3, CorrectionKind::void_, {}, ""}, "x"},
                        "li", f.at("2025-11-04T09:00")),
      Refused);
  CHECK(case_events(f.store, id).size() == events);
}

TEST_CASE("record: a co-unit contributes on its own clock, never due after the lead's reply",
          "[cases][record]") {
  CaseFixture f;
  f.add_users();
  const std::string id = f.intake(CaseType::consult, "2025-11-03T09:00");
  ForwardRequest request;
  request.to_unit = "FGW";
  request.with_units = {"JXW"};
  Case kase = f.service.forward(id, request, "wang", f.at("2025-11-03T10:00")).kase;
  const Clock assist = CaseFixture::clock(kase, ClockName::assist);
  CHECK(assist.unit == "JXW");
  CHECK(format_date(assist.due) == "2025-11-04");  // the lead's reply is due then, not 11-06
  CHECK_THROWS_AS(f.service.contribute(id, std::nullopt, "资料", "li", f.at("2025-11-03T11:00")),
                  Refused);
  kase =
      f.service.contribute(id, std::nullopt, "已提供资料", "zhao", f.at("2025-11-04T09:00")).kase;
  CHECK(CaseFixture::clock(kase, ClockName::assist).outcome == ClockOutcome::met);
  CHECK(kase.events.back().unit == "JXW");
  CHECK(kase.state == State::forwarded);
  CHECK_FALSE(replay_differs(f, id));
}

TEST_CASE("record: the lead's reply ends a co-unit's clock, missed when it was late",
          "[cases][record]") {
  CaseFixture f;
  const std::string id = f.intake(CaseType::coordinate, "2025-11-03T09:00");
  ForwardRequest request;
  request.to_unit = "FGW";
  request.with_units = {"JXW"};
  f.service.forward(id, request, "wang", f.at("2025-11-03T10:00"));  // assist due 11-06
  const Case kase = f.service.reply(id, "已办结", "li", f.at("2025-11-07T10:00")).kase;
  CHECK(CaseFixture::clock(kase, ClockName::assist).outcome == ClockOutcome::missed);
  CHECK(CaseFixture::clock(kase, ClockName::reply).outcome == ClockOutcome::met);
  // Finished on time: no explanation was owed.
  CHECK(CaseFixture::clock(kase, ClockName::explain).outcome == ClockOutcome::cancelled);
}

TEST_CASE("record: the stored case is the replay of its events after every path",
          "[cases][record]") {
  CaseFixture f;
  const std::string id = f.intake(CaseType::coordinate, "2025-09-29T09:00", true);
  f.service.escalate(id, EscalationTarget::government, "", "wang", f.at("2025-09-29T10:00"));
  f.forward(id, "2025-09-29T11:00");
  f.service.reply(id, "初步方案", "li", f.at("2025-10-09T10:00"));
  f.service.return_result(id, "材料不全", "wang", f.at("2025-10-09T11:00"));
  f.service.reply(id, "补充后方案", "li", f.at("2025-10-10T10:00"));
  f.service.approve(id, std::string("经办公室修改的答复"), "wang", f.at("2025-10-10T11:00"));
  f.service.evaluate(id, Rating::dissatisfied, "未解决", "wang", f.at("2025-10-13T09:00"));
  ForwardRequest redo;
  redo.to_unit = "JXW";
  redo.redo = true;
  f.service.forward(id, redo, "wang", f.at("2025-10-13T10:00"));
  CHECK(replay_differs(f, id).value_or("none") == "none");

  // A stored row edited behind ent110's back differs from the replay.
  Statement(f.store,
            "UPDATE case_clock SET due = '2025-12-31' WHERE id = (SELECT max(id) FROM case_clock)")
      .run();
  CHECK(replay_differs(f, id).value_or("none") == "clock 9 (explain) due");
}

TEST_CASE("clock rules: man/ent110.1 prints exactly the table", "[cases][record]") {
  const std::vector<std::string> printed =
      ent110::test::man_table_rows("man/ent110.1", ".SH CLOCKS");
  const auto commands = [](const ActionSet& set, std::string_view suffix = {}) {
    std::string list;
    for (int i = 0; i <= static_cast<int>(Action::withdraw); ++i) {
      if (set.contains(static_cast<Action>(i))) {
        list += (list.empty() ? "" : ", ") + std::string(command_of(static_cast<Action>(i)));
      }
    }
    return list.empty() ? std::string("-") : list + std::string(suffix);
  };
  std::vector<std::string> expected;
  for (const ClockRule& rule : clock_rules()) {
    std::string limit =
        !rule.config_key.empty() ? std::string(rule.config_key)
        : rule.consult_days == rule.coordinate_days
            ? std::to_string(rule.consult_days)
            : fmt::format("consult {}, coordinate {}", rule.consult_days, rule.coordinate_days);
    if (rule.start_when == StartWhen::major) {
      limit += " (major)";
    } else if (rule.start_when == StartWhen::coordinate_by_the_rule) {
      limit += " (coordinate, rules' limits)";
    }
    expected.push_back(fmt::format(
        "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}", to_string(rule.clock), to_string(rule.owner), limit,
        commands(rule.started_by,
                 rule.start_when == StartWhen::result_submitted ? " (submitted)" : ""),
        commands(rule.stopped_by), commands(rule.paused_by), commands(rule.cancelled_by),
        rule.article));
  }
  CHECK(printed == expected);
  for (const ClockRule& rule : clock_rules()) {
    CHECK(&clock_rule(rule.clock) == &rule);
  }
}

TEST_CASE("check_case_replays: names the first case whose stored record its events do not give",
          "[cases][record]") {
  CaseFixture f;
  const std::string first = f.intake(CaseType::consult, "2025-11-03T09:00");
  f.forward(first, "2025-11-03T10:00");
  f.service.reply(first, "已答复", "li", f.at("2025-11-03T15:00"));
  f.service.evaluate(first, Rating::dissatisfied, "", "wang", f.at("2025-11-04T09:00"));
  const std::string second = f.intake(CaseType::coordinate, "2025-11-03T11:00");
  ForwardRequest request;
  request.to_unit = "FGW";
  request.with_units = {"JXW"};
  f.service.forward(second, request, "wang", f.at("2025-11-03T12:00"));
  const ReplayContext context{f.calendar, f.config, f.zone};
  const auto check = [&] {
    ReplayCheck result;
    f.store.read([&] { result = check_case_replays(f.store, context); });
    return result;
  };
  REQUIRE(check().cases == 2);
  REQUIRE_FALSE(check().first);

  struct Tampering {
    const char* sql;
    const char* undo;
    std::string case_id;
    std::string field;
  };
  const std::vector<Tampering> tamperings = {
      {"UPDATE case_file SET answer_text = '另一个答复' WHERE id = '2025-000001'",
       "UPDATE case_file SET answer_text = '已答复' WHERE id = '2025-000001'", first, "answer"},
      {"UPDATE case_file SET rating = 'satisfied' WHERE id = '2025-000001'",
       "UPDATE case_file SET rating = 'dissatisfied' WHERE id = '2025-000001'", first, "rating"},
      {"UPDATE case_clock SET outcome = 'met' WHERE case_id = '2025-000002' AND name = 'assist'",
       "UPDATE case_clock SET outcome = 'running' WHERE case_id = '2025-000002' AND name = "
       "'assist'",
       second, "clock 4 (assist) outcome"},
      {"UPDATE case_clock SET due = '2025-11-30' WHERE case_id = '2025-000002' AND name = 'reply'",
       "UPDATE case_clock SET due = '2025-11-10' WHERE case_id = '2025-000002' AND name = 'reply'",
       second, "clock 2 (reply) due"},
      {"UPDATE case_file SET unit = 'JXW' WHERE id = '2025-000002'",
       "UPDATE case_file SET unit = 'FGW' WHERE id = '2025-000002'", second, "unit"},
      {"DELETE FROM case_co_unit WHERE case_id = '2025-000002'",
       "INSERT INTO case_co_unit (case_id, unit) VALUES ('2025-000002', 'JXW')", second,
       "co_units"},
      {"UPDATE case_file SET received_at = '2025-11-02T01:00:00Z' WHERE id = '2025-000001'",
       "UPDATE case_file SET received_at = '2025-11-03T01:00:00Z' WHERE id = '2025-000001'", first,
       "received_at"},
  };
  for (const Tampering& t : tamperings) {
    INFO(t.sql);
    Statement(f.store, t.sql).run();
    const ReplayCheck found = check();
    REQUIRE(found.first);
    CHECK(found.first->case_id == t.case_id);
    CHECK(found.first->field == t.field);
    Statement(f.store, t.undo).run();
    CHECK_FALSE(check().first);
  }
}
