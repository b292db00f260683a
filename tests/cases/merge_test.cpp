// SPDX-License-Identifier: MIT
// Duplicates (并单): merge, the follow of the primary's answer, unmerge, and the flag on intake.
#include "cases/case_fixture.hpp"

#include <ent110/cases/duplicates.hpp>
#include <ent110/cases/replay.hpp>
#include <ent110/core/error.hpp>

#include <catch2/catch.hpp>

using namespace ent110;
using ent110::test::CaseFixture;

namespace {

std::optional<std::string> merge_replay_differs(CaseFixture& f, const std::string& id) {
  const Case stored = f.service.get(id);
  const Replayed replayed =
      replay(stored, stored.events, ReplayContext{f.calendar, f.config, f.zone});
  return first_difference(stored, replayed.kase);
}

// Two cases of the same enterprise received on Monday 2025-11-03, titled apart so that intake
// does not flag them; the second is the duplicate.
std::pair<std::string, std::string> two_cases(CaseFixture& f, CaseType type) {
  const std::string primary = f.intake("网站：用电增容", type, "2025-11-03T09:00");
  const std::string duplicate = f.intake("热线：申请增加用电容量", type, "2025-11-03T10:00");
  return {primary, duplicate};
}

int running(const Case& kase) {
  int n = 0;
  for (const Clock& clock : kase.clocks) {
    n += clock.outcome == ClockOutcome::running ? 1 : 0;
  }
  return n;
}

}  // namespace

TEST_CASE("merge: cancels the duplicate's clocks and refuses acting on it but through the primary",
          "[cases][merge]") {
  CaseFixture f;
  const auto [primary, duplicate] = two_cases(f, CaseType::consult);
  const Case merged =
      f.service.merge(duplicate, primary, "同一诉求", "wang", f.at("2025-11-03T11:00")).kase;
  CHECK(merged.merged_into == primary);
  CHECK(merged.state == State::received);
  CHECK(running(merged) == 0);
  CHECK(CaseFixture::clock(merged, ClockName::forward).outcome == ClockOutcome::cancelled);
  CHECK(merged.events.back().action == Action::merge);
  CHECK(merged.events.back().detail == primary);
  CHECK_FALSE(merge_replay_differs(f, duplicate));
  CHECK_THROWS_WITH(f.forward(duplicate, "2025-11-03T12:00"),
                    "case '2025-000002' is merged into '2025-000001'; act on '2025-000001', or "
                    "'ent110 unmerge 2025-000002' first");
  CHECK_THROWS_AS(
      f.service.reject(duplicate, RejectReason::unclear, "x", "wang", f.at("2025-11-03T12:00")),
      Refused);
}

TEST_CASE("merge: a clock already past due ends as missed at the merge, not cancelled",
          "[cases][merge]") {
  CaseFixture f;
  const auto [primary, duplicate] = two_cases(f, CaseType::consult);
  // The forward clock of Monday's case fell due on Tuesday 11-04; merged on Wednesday.
  const Case merged =
      f.service.merge(duplicate, primary, "同一诉求", "wang", f.at("2025-11-05T09:00")).kase;
  const Clock& forward = CaseFixture::clock(merged, ClockName::forward);
  CHECK(format_date(forward.due) == "2025-11-04");
  CHECK(forward.outcome == ClockOutcome::missed);
  CHECK(forward.stopped == f.zone.local_date(f.at("2025-11-05T09:00")));
  CHECK(running(merged) == 0);
  CHECK_FALSE(merge_replay_differs(f, duplicate));
  // Unmerged, the miss stays and the work is due again from the unmerge.
  const Case back =
      f.service.unmerge(duplicate, "不是同一问题", "wang", f.at("2025-11-05T10:00")).kase;
  CHECK(back.clocks.front().outcome == ClockOutcome::missed);
  CHECK(running(back) == 1);
  CHECK_FALSE(merge_replay_differs(f, duplicate));
}

TEST_CASE("merge: refusals leave both cases as they were", "[cases][merge]") {
  CaseFixture f;
  const auto [primary, duplicate] = two_cases(f, CaseType::consult);
  const std::string third = f.intake("第三件：厂区道路", CaseType::consult, "2025-11-03T10:30");
  const Instant t = f.at("2025-11-03T11:00");
  CHECK_THROWS_WITH(f.service.merge(primary, primary, "x", "wang", t),
                    Catch::Contains("cannot be merged into itself"));
  f.service.merge(duplicate, primary, "同一诉求", "wang", t);
  CHECK_THROWS_WITH(f.service.merge(third, duplicate, "x", "wang", t),
                    "case '2025-000002' is itself merged into '2025-000001'; merge into "
                    "'2025-000001' instead");
  CHECK_THROWS_WITH(f.service.merge(primary, third, "x", "wang", t),
                    Catch::Contains("has duplicates of its own (2025-000002)"));
  CHECK_THROWS_WITH(f.service.merge(duplicate, third, "x", "wang", t),
                    Catch::Contains("is merged into '2025-000001'"));
  CHECK_THROWS_AS(f.service.merge(third, primary, " ", "wang", t), UsageError);
  f.service.reject(third, RejectReason::unclear, "诉求不明", "wang", t);
  CHECK_THROWS_WITH(f.service.merge(third, primary, "x", "wang", t),
                    Catch::Contains("only an open case can be merged"));
  const std::string fourth = f.intake("第四件：排污许可", CaseType::consult, "2025-11-03T11:00");
  CHECK_THROWS_WITH(f.service.merge(fourth, third, "x", "wang", t),
                    "case '2025-000003' was not accepted; a duplicate cannot follow it");
  CHECK_FALSE(f.service.get(fourth).merged_into);
  CHECK(running(f.service.get(fourth)) == 1);
}

TEST_CASE("merge: a consult reply of the primary reaches its duplicate, each keeps its rating",
          "[cases][merge]") {
  CaseFixture f;
  const auto [primary, duplicate] = two_cases(f, CaseType::consult);
  f.service.merge(duplicate, primary, "同一诉求", "wang", f.at("2025-11-03T11:00"));
  f.forward(primary, "2025-11-03T12:00");
  f.service.reply(primary, "可在网上申请增容", "li", f.at("2025-11-04T09:00"));
  Case followed = f.service.get(duplicate);
  CHECK(followed.state == State::answered);
  REQUIRE(followed.answer);
  CHECK(followed.answer->text == "可在网上申请增容");
  CHECK(followed.answer->unit == "FGW");
  CHECK(followed.events.back().action == Action::follow);
  CHECK_FALSE(merge_replay_differs(f, duplicate));
  f.service.evaluate(duplicate, Rating::dissatisfied, "", "wang", f.at("2025-11-05T09:00"));
  f.service.evaluate(primary, Rating::satisfied, "", "wang", f.at("2025-11-05T09:00"));
  CHECK(f.service.get(duplicate).rating == Rating::dissatisfied);
  CHECK(f.service.get(primary).rating == Rating::satisfied);
  CHECK_THROWS_AS(f.service.unmerge(duplicate, "不是同一问题", "wang", f.at("2025-11-05T10:00")),
                  Refused);
}

TEST_CASE("merge: an approved result reaches the duplicate, and so does its correction",
          "[cases][merge]") {
  CaseFixture f;
  const auto [primary, duplicate] = two_cases(f, CaseType::coordinate);
  f.service.merge(duplicate, primary, "同一诉求", "wang", f.at("2025-11-03T11:00"));
  f.forward(primary, "2025-11-03T12:00");
  f.service.reply(primary, "已协调供电公司", "li", f.at("2025-11-05T09:00"));
  const Case approved =
      f.service.approve(primary, std::nullopt, "wang", f.at("2025-11-05T10:00")).kase;
  const int approve_seq = approved.events.back().case_seq;
  CHECK(f.service.get(duplicate).state == State::answered);
  CHECK(f.service.get(duplicate).answer->unit == f.config.office_unit);

  // The approval should not have been recorded: the duplicate waits again with its primary.
  f.service.correct(primary,
                    CorrectionRequest{{approve_seq, CorrectionKind::void_, {}, {}}, "误录"}, "wang",
                    f.at("2025-11-05T11:00"));
  Case back = f.service.get(duplicate);
  CHECK(back.state == State::received);
  CHECK_FALSE(back.answer);
  CHECK(back.merged_into == primary);
  CHECK_FALSE(merge_replay_differs(f, duplicate));
  CHECK(f.service.get(duplicate).events.back().action == Action::follow);
}

TEST_CASE("merge: a duplicate of an answered case follows at once", "[cases][merge]") {
  CaseFixture f;
  const auto [primary, duplicate] = two_cases(f, CaseType::consult);
  f.forward(primary, "2025-11-03T12:00");
  f.service.reply(primary, "可在网上申请增容", "li", f.at("2025-11-04T09:00"));
  const Case merged =
      f.service.merge(duplicate, primary, "同一诉求", "wang", f.at("2025-11-04T10:00")).kase;
  CHECK(merged.state == State::answered);
  CHECK(merged.answer->text == "可在网上申请增容");
  CHECK(merged.merged_into == primary);
  CHECK_FALSE(merge_replay_differs(f, duplicate));
}

TEST_CASE("unmerge: the duplicate's clocks run again from the unmerge", "[cases][merge]") {
  CaseFixture f;
  const auto [primary, duplicate] = two_cases(f, CaseType::coordinate);
  f.forward(duplicate, "2025-11-03T11:00");
  f.service.merge(duplicate, primary, "同一诉求", "wang", f.at("2025-11-04T09:00"));
  CHECK_THROWS_WITH(f.service.unmerge(primary, "x", "wang", f.at("2025-11-05T09:00")),
                    "case '2025-000001' is not merged; nothing to undo");
  const Case back =
      f.service.unmerge(duplicate, "不是同一问题", "wang", f.at("2025-11-05T09:00")).kase;
  CHECK_FALSE(back.merged_into);
  CHECK(back.state == State::forwarded);
  CHECK(running(back) == 2);
  // Wednesday 11-05 plus 5 working days, as a new forward would give.
  CHECK(format_date(CaseFixture::clock(back, ClockName::reply).due) == "2025-11-12");
  CHECK(CaseFixture::clock(back, ClockName::reply).started ==
        f.zone.local_date(f.at("2025-11-05T09:00")));
  CHECK_FALSE(merge_replay_differs(f, duplicate));
  f.service.reply(duplicate, "已协调", "li", f.at("2025-11-06T09:00"));
  CHECK(f.service.get(duplicate).state == State::submitted);
}

TEST_CASE("duplicates: normalised titles and bigram similarity", "[cases][merge]") {
  CHECK(normalised_for_duplicates("退税，怎么办？ ABC") == U"退税怎么办abc");
  CHECK(bigram_similarity("退税怎么办", "退税怎么办") == 1.0);
  CHECK(bigram_similarity("退税", "用电") == 0.0);
  CHECK(bigram_similarity("退", "退") == 0.0);
  // 退税 退… : {退税, 税怎, 怎么, 么办} vs {退税, 税怎, 怎么, 么申, 申请}: 3 shared of 6.
  CHECK(bigram_similarity("退税怎么办", "退税怎么申请") == Approx(0.5));
  CHECK(nearly_same("退税怎么办？", "", "退税 怎么办", "完全不同的正文"));
  CHECK(nearly_same("用电增容申请", "厂区需要增容，请帮忙协调供电公司尽快办理", "用电增容的申请",
                    "厂区需要增容，请帮忙协调供电公司尽快办理"));
  CHECK_FALSE(nearly_same("用电增容", "厂区需要增容", "退税", "出口退税进度"));
  CHECK_FALSE(nearly_same("", "", "", ""));
}

TEST_CASE("intake: a case nearly the same as an open one of its enterprise is flagged",
          "[cases][merge]") {
  CaseFixture f;
  const std::string first = f.intake("用电增容", CaseType::consult, "2025-11-03T09:00");
  IntakeRequest request;
  request.enterprise = "信阳示例机械有限公司";
  request.channel = Channel::web;
  request.title = "用电增容！";
  request.body = "另一段正文";
  const ActionResult flagged = f.service.intake(request, "wang", f.at("2025-11-10T09:00"));
  CHECK(flagged.likely_duplicate_of == first);
  REQUIRE(flagged.warnings.size() == 1);
  CHECK(flagged.warnings[0].id == MessageId::merge_likely_duplicate);
  // Outside the window (30 days) nothing is flagged.
  CHECK_FALSE(f.service.intake(request, "wang", f.at("2025-12-20T09:00")).likely_duplicate_of);

  SECTION("bulk intake skips or merges") {
    IntakeRecord record{"f.csv:2", request, f.at("2025-11-11T09:00"), std::nullopt};
    const BatchIntake skipped =
        f.service.intake_many({record}, "wang", f.at("2025-11-11T09:00"), false, OnDuplicate::skip);
    CHECK(skipped.cases.empty());
    CHECK(skipped.skipped_duplicates == 1);
    const BatchIntake merged = f.service.intake_many({record}, "wang", f.at("2025-11-11T09:00"),
                                                     false, OnDuplicate::merge);
    REQUIRE(merged.cases.size() == 1);
    const Case kase = f.service.get(merged.cases[0].id);
    CHECK(kase.merged_into == first);
    CHECK(kase.events.back().text == "duplicate found on intake");
    CHECK(running(kase) == 0);
  }
}
