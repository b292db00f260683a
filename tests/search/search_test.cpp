// SPDX-License-Identifier: MIT
#include "cases/case_fixture.hpp"

#include <ent110/core/error.hpp>
#include <ent110/search/search.hpp>

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace ent110 {
namespace {

struct SearchFixture : test::CaseFixture {
  /// A consult received at `when`, forwarded to `unit` and answered with `answer` an hour later.
  std::string answered(const std::string& title,
                       const std::string& when,
                       const std::string& answer,
                       const std::string& unit = "FGW") {
    const std::string id = intake(title, CaseType::consult, when + "T09:00");
    ForwardRequest request;
    request.to_unit = unit;
    service.forward(id, request, "wang", at(when + "T10:00"));
    service.reply(id, answer, "wang", at(when + "T11:00"));
    return id;
  }

  std::vector<std::string> ids(const std::string& text, SearchQuery query = {}) {
    query.text = text;
    std::vector<std::string> found;
    for (const SearchHit& hit : search_cases(store, query).hits) {
      found.push_back(hit.id);
    }
    return found;
  }
};

using Ids = std::vector<std::string>;

TEST_CASE_METHOD(SearchFixture, "search finds Chinese words of two, three and more characters") {
  const std::string refund = answered("出口退税办理咨询", "2025-09-01", "请登录电子税务局申请退税");
  const std::string power = intake("用电增容", CaseType::coordinate, "2025-09-02T09:00");
  CHECK(ids("退税") == Ids{refund});
  CHECK(ids("用电") == Ids{power});
  CHECK(ids("出口退") == Ids{refund});
  CHECK(ids("电子税务局") == Ids{refund});
  CHECK(ids("退税 咨询") == Ids{refund});
  CHECK(ids("退税 用电").empty());
  CHECK(ids("厂区") == Ids{power, refund});  // the fixture's body: the shorter case first
}

TEST_CASE_METHOD(SearchFixture, "search matches Latin words in any case") {
  const std::string erp = intake("ERP系统对接", CaseType::consult, "2025-09-01T09:00");
  CHECK(ids("erp") == Ids{erp});
  CHECK(ids("Erp 对接") == Ids{erp});
  CHECK(ids("er") == Ids{erp});
  CHECK(ids("erpx").empty());
}

TEST_CASE_METHOD(SearchFixture, "search finds a term that only an event's text holds") {
  const std::string id = intake("厂房改扩建", CaseType::coordinate, "2025-09-01T09:00");
  ForwardRequest request;
  request.to_unit = "FGW";
  request.note = "涉及土地审批";
  service.forward(id, request, "wang", at("2025-09-01T10:00"));
  CHECK(ids("土地审批") == Ids{id});
  CHECK(ids("土地") == Ids{id});
  SearchQuery query;
  query.text = "土地审批";
  const SearchResult result = search_cases(store, query);
  REQUIRE(result.hits.size() == 1);
  CHECK(result.hits[0].field == SearchField::notes);
  CHECK(result.hits[0].snippet == "涉及土地审批");
}

TEST_CASE_METHOD(SearchFixture, "the index follows a newly published answer and a correction") {
  const std::string id = intake("社保问题", CaseType::consult, "2025-09-01T09:00");
  forward(id, "2025-09-01T10:00");
  CHECK(ids("补贴已发放").empty());
  service.reply(id, "补贴已发放至企业账户", "wang", at("2025-09-01T11:00"));
  SearchQuery query;
  query.text = "补贴已发放";
  SearchResult result = search_cases(store, query);
  REQUIRE(result.hits.size() == 1);
  CHECK(result.hits[0].id == id);
  CHECK(result.hits[0].field == SearchField::answer);
  CHECK(result.hits[0].state == State::answered);
  service.correct(id, CorrectionRequest{Correction{3, CorrectionKind::void_, {}, {}}, "误录的答复"},
                  "wang", at("2025-09-01T12:00"));
  CHECK(ids("补贴已发放").empty());
  CHECK(ids("补贴").empty());
  CHECK(ids("误录") == Ids{id});  // the correction's reason is searchable
}

TEST_CASE_METHOD(SearchFixture,
                 "search finds cases taken in bulk and what is added to them later") {
  std::vector<IntakeRecord> records;
  for (const char* title : {"污水管网改造", "道路破损维修", "稳岗补贴申请"}) {
    IntakeRecord record;
    record.where = "cases.csv:" + std::string(title);
    record.request.enterprise = "信阳示例机械有限公司";
    record.request.type = CaseType::consult;
    record.request.channel = Channel::web;
    record.request.title = title;
    record.request.body = std::string("正文") + title;
    records.push_back(record);
  }
  const BatchIntake batch =
      service.intake_many(records, "wang", at("2025-09-01T09:00"), false, OnDuplicate::warn);
  REQUIRE(batch.cases.size() == 3);
  CHECK(ids("管网改造") == Ids{batch.cases[0].id});
  CHECK(ids("正文道路") == Ids{batch.cases[1].id});
  const std::string id = batch.cases[2].id;
  forward(id, "2025-09-01T10:00");
  service.reply(id, "补贴按季度发放", "wang", at("2025-09-01T11:00"));
  CHECK(ids("按季度发放") == Ids{id});
  CHECK(ids("稳岗补贴") == Ids{id});
  // A dry run leaves nothing in the index.
  records.resize(1);
  records[0].request.title = "试运行的标题";
  service.intake_many(records, "wang", at("2025-09-02T09:00"), true, OnDuplicate::warn);
  CHECK(ids("试运行").empty());
}

TEST_CASE_METHOD(SearchFixture, "search ranks title over answer over body and breaks ties by age") {
  const std::string in_body =
      intake("厂房问题", CaseType::coordinate, "2025-09-01T09:00");  // 厂区…
  const std::string in_answer = answered("用地问题", "2025-09-02", "厂区规划另行答复");
  const std::string in_title = intake("厂区道路", CaseType::coordinate, "2025-09-03T09:00");
  const std::string older_twin = intake("厂区道路", CaseType::coordinate, "2025-09-01T08:00");
  const Ids ranked = ids("厂区");
  CHECK(ranked == Ids{in_title, older_twin, in_answer, in_body});
  // The scores themselves, so that both engines are seen to compute the same numbers: every case
  // contains 厂区 (a low idf), the title weighs most and the shorter case gains.
  SearchQuery scored;
  scored.text = "厂区";
  const std::vector<SearchHit> hits = search_cases(store, scored).hits;
  REQUIRE(hits.size() == 4);
  CHECK(hits[0].score == Approx(0.198680).epsilon(1e-5));
  CHECK(hits[1].score == hits[0].score);
  CHECK(hits[2].score == Approx(0.178302).epsilon(1e-5));
  CHECK(hits[3].score == Approx(0.154529).epsilon(1e-5));

  SearchQuery query;
  query.text = "厂区";
  query.limit = 2;
  CHECK(search_cases(store, query).hits.size() == 2);
  query.limit = 20;
  query.type = CaseType::consult;
  CHECK(ids("厂区", query) == Ids{in_answer});
  query.type.reset();
  query.state = State::answered;
  CHECK(ids("厂区", query) == Ids{in_answer});
  query.state.reset();
  query.unit = "FGW";
  CHECK(ids("厂区", query) == Ids{in_answer});
  query.unit.reset();
  query.since = at("2025-09-02T00:00");
  CHECK(ids("厂区", query) == Ids{in_title, in_answer});
}

TEST_CASE_METHOD(SearchFixture, "search needs a term") {
  SearchQuery query;
  query.text = " \u3000 ";
  CHECK_THROWS_AS(search_cases(store, query), UsageError);
  CHECK(search_terms("退税  ERP\u3000退税") == std::vector<std::string>{"退税", "ERP"});
}

TEST_CASE("matched spans mark every occurrence without overlap") {
  const std::string text = "ERP退税erp";
  const std::vector<TextSpan> spans = matched_spans(text, {"erp", "退税"});
  REQUIRE(spans.size() == 3);
  CHECK(text.substr(spans[1].begin, spans[1].end - spans[1].begin) == "退税");
  CHECK(text.substr(spans[2].begin, spans[2].end - spans[2].begin) == "erp");
}

TEST_CASE_METHOD(SearchFixture, "similar answered cases and the unit that answered them") {
  const std::string refund =
      answered("出口退税办理流程", "2025-09-01", "登录电子税务局\n再提交资料", "JXW");
  const std::string refund2 = answered("出口退税进度查询", "2025-09-02", "可在线查询", "JXW");
  answered("用电报装流程", "2025-09-03", "联系供电公司", "FGW");
  const std::string open = intake("出口退税办理", CaseType::consult, "2025-09-04T09:00");

  const std::vector<SimilarCase> similar = similar_answered(store, "出口退税办理", open);
  REQUIRE(similar.size() == 2);
  CHECK(similar[0].id == refund);
  CHECK(similar[0].unit == "JXW");
  CHECK(similar[0].answer_line == "登录电子税务局");
  CHECK(similar[1].id == refund2);
  CHECK(similar_answered(store, "完全无关的标题", open).empty());

  const std::optional<SuggestedUnit> unit = suggest_unit(store, "出口退税办理", open);
  REQUIRE(unit);
  CHECK(unit->unit == "JXW");
  CHECK(unit->cases == 2);
  CHECK(unit->similar == 2);
  CHECK_FALSE(suggest_unit(store, "完全无关的标题", open));
}

}  // namespace
}  // namespace ent110
