// SPDX-License-Identifier: MIT
#include "cases/case_fixture.hpp"

#include <ent110/cases/event_log.hpp>
#include <ent110/core/error.hpp>

#include <catch2/catch.hpp>

using namespace ent110;
using ent110::test::CaseFixture;

TEST_CASE("intake: ids are numbered per local year of receipt", "[cases][service]") {
  CaseFixture f;
  CHECK(f.intake(CaseType::consult, "2025-12-31T23:50") == "2025-000001");
  CHECK(f.intake(CaseType::consult, "2026-01-01T00:10") == "2026-000001");
  CHECK(f.intake(CaseType::consult, "2025-12-01T09:00") == "2025-000002");
  CHECK(f.service.resolve_id("2026-1") == "2026-000001");
  CHECK(f.service.resolve_id("2") == "2025-000002");
  CHECK_THROWS_WITH(f.service.resolve_id("1"),
                    "case number '1' exists in more than one year ('2025-000001', "
                    "'2026-000001'); give the full id");
  CHECK_THROWS_AS(f.service.resolve_id("7"), NotFound);
  CHECK_THROWS_AS(f.service.resolve_id("abc"), NotFound);
}

TEST_CASE("intake: a major case also starts the government clock, reporting stops it once",
          "[cases][service]") {
  CaseFixture f;
  const std::string id = f.intake(CaseType::coordinate, "2025-09-30T20:15", true);
  Case kase = f.service.get(id);
  CHECK(format_date(CaseFixture::clock(kase, ClockName::government).due) == "2025-10-10");
  kase = f.service
             .escalate(id, EscalationTarget::government, "已报市政府", "wang",
                       f.at("2025-10-09T09:00"))
             .kase;
  CHECK(kase.state == State::received);
  CHECK(CaseFixture::clock(kase, ClockName::government).outcome == ClockOutcome::met);
  CHECK_THROWS_WITH(
      f.service.escalate(id, EscalationTarget::government, "", "wang", f.at("2025-10-09T10:00")),
      "case '2025-000001' was already reported to the government on 2025-10-09");
}

TEST_CASE("intake: an unknown enterprise is not found and suggests registering it",
          "[cases][service]") {
  CaseFixture f;
  IntakeRequest request;
  request.enterprise = "不存在的公司";
  request.title = "x";
  CHECK_THROWS_WITH(f.service.intake(request, "wang", f.at("2025-09-30")),
                    Catch::Contains("ent110 enterprise add"));
}

TEST_CASE("reject: stops the forward clock and records the reason", "[cases][service]") {
  CaseFixture f;
  const std::string id = f.intake(CaseType::consult, "2025-09-30T20:15");
  const Case kase =
      f.service
          .reject(id, RejectReason::unlawful, "诉求违反政策规定", "wang", f.at("2025-10-09T09:00"))
          .kase;
  CHECK(kase.state == State::rejected);
  CHECK(kase.reject_reason == RejectReason::unlawful);
  CHECK(CaseFixture::clock(kase, ClockName::forward).outcome == ClockOutcome::met);
  CHECK(kase.events.back().detail == "unlawful");
  CHECK(kase.events.back().text == "诉求违反政策规定");
}

TEST_CASE("coordinate path: submitted, returned, submitted again, approved with an edit",
          "[cases][service]") {
  CaseFixture f;
  const std::string id = f.intake(CaseType::coordinate, "2025-09-29T09:00");
  f.forward(id, "2025-09-29T10:00");
  Case kase = f.service.reply(id, "已协调供电公司", "li", f.at("2025-09-30T10:00")).kase;
  CHECK(kase.state == State::submitted);
  CHECK(CaseFixture::clock(kase, ClockName::reply).outcome == ClockOutcome::met);
  CHECK(CaseFixture::clock(kase, ClockName::explain).outcome == ClockOutcome::cancelled);
  kase = f.service.return_result(id, "请补充完成时间", "wang", f.at("2025-09-30T11:00")).kase;
  CHECK(kase.state == State::returned);
  kase = f.service.reply(id, "已协调，10月20日前完成", "li", f.at("2025-10-09T10:00")).kase;
  CHECK(kase.state == State::submitted);
  CHECK(CaseFixture::clock(kase, ClockName::resubmit).outcome == ClockOutcome::met);
  kase =
      f.service
          .approve(id, std::string("已协调，10月20日前完成增容"), "wang", f.at("2025-10-09T15:00"))
          .kase;
  CHECK(kase.state == State::answered);
  REQUIRE(kase.answer);
  CHECK(kase.answer->text == "已协调，10月20日前完成增容");
  CHECK(kase.answer->edited);
  CHECK(kase.answer->unit == f.config.office_unit);
  CHECK(kase.result->text == "已协调，10月20日前完成");
  CHECK(kase.events.back().detail == "edited");
}

TEST_CASE("explain path: reply paused, escalated, forwarded again with a decided due date",
          "[cases][service]") {
  CaseFixture f;
  const std::string id = f.intake(CaseType::coordinate, "2025-09-29T09:00");
  f.forward(id, "2025-09-29T10:00");
  Case kase =
      f.service.explain(id, "需多部门协调", "提请联席会议", "li", f.at("2025-10-09T10:00")).kase;
  CHECK(kase.state == State::explained);
  CHECK(CaseFixture::clock(kase, ClockName::explain).outcome == ClockOutcome::met);
  CHECK(status_at(CaseFixture::clock(kase, ClockName::reply), parse_date("2025-12-01")) ==
        ClockStatus::paused);
  kase = f.service
             .escalate(id, EscalationTarget::joint_meeting, "列入10月联席会议", "wang",
                       f.at("2025-10-10T10:00"))
             .kase;
  CHECK(kase.state == State::escalated);

  ForwardRequest request;
  request.to_unit = "JXW";
  request.with_units = {"FGW"};
  request.within_days = 10;
  kase = f.service.forward(id, request, "wang", f.at("2025-10-20T10:00")).kase;
  CHECK(kase.state == State::forwarded);
  CHECK(kase.unit == "JXW");
  CHECK(kase.co_units == std::vector<std::string>{"FGW"});
  std::vector<ClockName> running;
  for (const Clock& clock : kase.clocks) {
    if (clock.outcome == ClockOutcome::running) {
      running.push_back(clock.name);
    }
  }
  // No new explain clock; the co-unit FGW owes its contribution.
  CHECK(running == std::vector<ClockName>{ClockName::reply, ClockName::assist});
  CHECK(format_date(CaseFixture::clock(kase, ClockName::reply).due) == "2025-11-03");
  CHECK(kase.clocks[1].outcome == ClockOutcome::cancelled);  // the old, paused reply clock
}

TEST_CASE("forward: --within and --due only after an escalation or a dispute", "[cases][service]") {
  CaseFixture f;
  const std::string id = f.intake(CaseType::coordinate, "2025-09-29T09:00");
  ForwardRequest request;
  request.to_unit = "FGW";
  request.due = parse_date("2025-10-31");
  CHECK_THROWS_AS(f.service.forward(id, request, "wang", f.at("2025-09-29T10:00")), Refused);
  f.forward(id, "2025-09-29T10:00");
  f.service.dispute(id, "属县级事权", "li", f.at("2025-09-29T11:00"));
  request.due = parse_date("2025-09-29");
  CHECK_THROWS_AS(f.service.forward(id, request, "wang", f.at("2025-09-30T10:00")), UsageError);
  request.due = parse_date("2025-10-31");
  const Case kase = f.service.forward(id, request, "wang", f.at("2025-09-30T10:00")).kase;
  const Clock reply = CaseFixture::clock(kase, ClockName::reply);
  CHECK(format_date(reply.due) == "2025-10-31");
  CHECK_FALSE(reply.working_days);
  request.to_unit = "GOV";
  CHECK_THROWS_AS(f.service.forward(id, request, "wang", f.at("2025-10-01T10:00")), Refused);
}

TEST_CASE("escalate --to inspection: only an overdue, unexplained reply, and only once",
          "[cases][service]") {
  CaseFixture f;
  const std::string id = f.intake(CaseType::consult, "2025-09-01T09:00");
  f.forward(id, "2025-09-01T10:00");  // reply due 2025-09-02
  CHECK_THROWS_WITH(
      f.service.escalate(id, EscalationTarget::inspection, "", "wang", f.at("2025-09-02T18:00")),
      "case '2025-000001': the reply clock (due '2025-09-02') is 'due-today'; escalate --to "
      "inspection needs a running reply clock that is overdue with no explanation (Art. 7)");
  Case kase = f.service
                  .escalate(id, EscalationTarget::inspection, "逾期未答复", "wang",
                            f.at("2025-09-03T08:30"))
                  .kase;
  CHECK(kase.state == State::forwarded);
  CHECK(CaseFixture::clock(kase, ClockName::reply).referred_at);
  CHECK(kase.events.back().detail == "FGW");
  CHECK_THROWS_AS(
      f.service.escalate(id, EscalationTarget::inspection, "", "wang", f.at("2025-09-04T08:30")),
      Refused);
  kase = f.service.reply(id, "已答复", "li", f.at("2025-09-04T09:00")).kase;
  CHECK(kase.state == State::answered);  // the unit still owes and gives its reply
  CHECK(CaseFixture::clock(kase, ClockName::reply).outcome == ClockOutcome::missed);
}

TEST_CASE("evaluate and redo: rated once, a dissatisfied case is handled again and rated again",
          "[cases][service]") {
  CaseFixture f;
  const std::string id = f.intake(CaseType::consult, "2025-09-01T09:00");
  f.forward(id, "2025-09-01T10:00");
  f.service.reply(id, "答复一", "li", f.at("2025-09-01T11:00"));
  Case kase =
      f.service.evaluate(id, Rating::dissatisfied, "未解决", "wang", f.at("2025-09-02T09:00")).kase;
  CHECK(kase.state == State::evaluated);
  CHECK_THROWS_AS(f.service.evaluate(id, Rating::basic, "", "wang", f.at("2025-09-02T10:00")),
                  Refused);
  ForwardRequest redo;
  redo.to_unit = "JXW";
  redo.redo = true;
  kase = f.service.forward(id, redo, "wang", f.at("2025-09-02T10:00")).kase;
  CHECK(kase.state == State::forwarded);
  CHECK(kase.round == 1);
  CHECK_FALSE(kase.rating);
  CHECK(CaseFixture::clock(kase, ClockName::reply).round == 1);
  f.service.reply(id, "答复二", "zhao", f.at("2025-09-02T11:00"));
  kase = f.service.evaluate(id, Rating::satisfied, "", "wang", f.at("2025-09-03T09:00")).kase;
  CHECK(kase.rating == Rating::satisfied);
  CHECK_THROWS_WITH(f.service.forward(id, redo, "wang", f.at("2025-09-03T10:00")),
                    "case '2025-000001' was rated 'satisfied'; forward --redo needs a "
                    "'dissatisfied' rating (Art. 9)");
}

TEST_CASE("roles: the office forwards, only the lead unit replies, viewers read",
          "[cases][service][roles]") {
  CaseFixture f;
  f.add_users();
  const std::string id = f.intake(CaseType::consult, "2025-09-01T09:00");
  CHECK_THROWS_WITH(f.forward(id, "2025-09-01T10:00", "li"),
                    "user 'li' (unit 'FGW', role 'unit') may not forward; only office users may");
  CHECK_THROWS_WITH(f.forward(id, "2025-09-01T10:00", "chen"),
                    "user 'chen' (unit 'OFFICE', role 'viewer') may not forward; only office "
                    "users may");
  CHECK_THROWS_WITH(f.forward(id, "2025-09-01T10:00", "nobody"), Catch::Contains("'nobody'"));
  CHECK_THROWS_AS(f.forward(id, "2025-09-01T10:00", "nobody"), NotFound);
  Case kase = f.forward(id, "2025-09-01T10:00", "wang");
  CHECK(kase.events.back().unit == "OFFICE");
  CHECK_THROWS_WITH(f.service.reply(id, "x", "zhao", f.at("2025-09-01T11:00")),
                    "user 'zhao' (unit 'JXW', role 'unit') may not reply case '2025-000001'; "
                    "only users of its lead unit 'FGW' may");
  CHECK_THROWS_AS(f.service.reply(id, "x", "wang", f.at("2025-09-01T11:00")), Refused);
  kase = f.service.reply(id, "已答复", "li", f.at("2025-09-01T11:00")).kase;
  // 谁发布、谁负责 (Art. 14, 16).
  CHECK(kase.answer->unit == "FGW");
  CHECK(kase.answer->by == "li");
  CHECK(kase.events.back().unit == "FGW");
  CHECK(kase.events.back().actor == "li");
}

TEST_CASE("time order: an action may not precede the case's last event", "[cases][service]") {
  CaseFixture f;
  const std::string id = f.intake(CaseType::consult, "2025-09-30T20:15");
  CHECK_THROWS_WITH(f.forward(id, "2025-09-30T20:00"),
                    "case '2025-000001': the action at '2025-09-30T20:00:00+08:00' would precede "
                    "its last event at '2025-09-30T20:15:00+08:00'; give --at on or after it");
  CHECK(f.forward(id, "2025-09-30T20:15").state == State::forwarded);
}

TEST_CASE("list: filters by indexed columns, most urgent running clock first", "[cases][service]") {
  CaseFixture f;
  const std::string a = f.intake(CaseType::consult, "2025-09-01T09:00");
  const std::string b = f.intake(CaseType::coordinate, "2025-08-29T09:00", true);
  const std::string c = f.intake(CaseType::consult, "2025-09-01T10:00");
  f.forward(c, "2025-09-01T11:00");
  f.service.reply(c, "答复", "li", f.at("2025-09-01T12:00"));

  const auto ids = [](const std::vector<CaseSummary>& rows) {
    std::vector<std::string> out;
    for (const CaseSummary& row : rows) {
      out.push_back(row.id);
    }
    return out;
  };
  CHECK(ids(f.service.list({}, parse_date("2025-09-01"))) == std::vector{b, a, c});
  CaseQuery query;
  query.state = State::received;
  query.type = CaseType::coordinate;
  CHECK(ids(f.service.list(query, parse_date("2025-09-01"))) == std::vector{b});
  CaseQuery overdue;
  overdue.overdue_only = true;
  CHECK(ids(f.service.list(overdue, parse_date("2025-09-02"))) == std::vector{b});
  CaseQuery month;
  month.month = parse_month("2025-08");
  CHECK(ids(f.service.list(month, parse_date("2025-09-02"))) == std::vector{b});
  CaseQuery unit;
  unit.unit = "FGW";
  CHECK(ids(f.service.list(unit, parse_date("2025-09-02"))) == std::vector{c});
  CaseQuery major;
  major.major_only = true;
  CHECK(ids(f.service.list(major, parse_date("2025-09-02"))) == std::vector{b});
}

TEST_CASE("clocks: running clocks by unit and due date, for triage", "[cases][service]") {
  CaseFixture f;
  const std::string a = f.intake(CaseType::coordinate, "2025-09-01T09:00");
  f.forward(a, "2025-09-01T10:00");
  f.intake(CaseType::consult, "2025-09-01T11:00");
  ClockQuery query;
  query.unit = "FGW";
  const std::vector<ClockRow> rows = f.service.clocks(query);
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].clock.name == ClockName::explain);  // due 2025-09-04
  CHECK(rows[1].clock.name == ClockName::reply);    // due 2025-09-08
  CHECK(rows[1].lead_unit == "FGW");
  query = ClockQuery{};
  query.name = ClockName::forward;
  query.due_until = parse_date("2025-09-02");
  CHECK(f.service.clocks(query).size() == 1);
}

TEST_CASE("log: events of one case or all, since an instant, oldest first", "[cases][service]") {
  CaseFixture f;
  const std::string a = f.intake(CaseType::consult, "2025-09-01T09:00");
  f.intake(CaseType::consult, "2025-08-31T09:00");  // entered later, happened earlier
  f.forward(a, "2025-09-01T10:00");
  const std::vector<Event> all = f.service.log(std::nullopt, std::nullopt);
  REQUIRE(all.size() == 3);
  CHECK(all[0].case_id == "2025-000002");
  CHECK(f.service.log(a, std::nullopt).size() == 2);
  CHECK(f.service.log(a, f.at("2025-09-01T09:30")).size() == 1);
  CHECK(f.service.log(std::nullopt, f.at("2025-09-01T09:00")).size() == 2);
}
