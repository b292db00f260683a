// SPDX-License-Identifier: MIT
#include "cases/case_fixture.hpp"
#include "support/test_support.hpp"

#include <ent110/cases/intake_file.hpp>
#include <ent110/core/error.hpp>
#include <ent110/publish/publication.hpp>

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

using namespace ent110;

namespace {

std::string answered(test::CaseFixture& f,
                     const std::string& title,
                     const std::string& when,
                     bool confidential = false) {
  IntakeRequest request;
  request.enterprise = "信阳示例机械有限公司";
  request.channel = Channel::web;
  request.title = title;
  request.body = "信阳示例机械有限公司询问，联系电话 13812345678";
  request.confidential = confidential;
  const std::string id = f.service.intake(request, "wang", f.at(when)).kase.id;
  f.forward(id, when);
  f.service.reply(id, "请致电 0376-6221234 或 13912345678 咨询", "wang", f.at(when));
  return id;
}

std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

TEST_CASE("published_cases lists answered, non-confidential cases newest first, redacted",
          "[publish]") {
  test::CaseFixture f;
  const std::string older = answered(f, "退税咨询", "2025-06-02T09:00");
  answered(f, "商业秘密", "2025-06-03T09:00", true);
  const std::string newer = answered(f, "用电增容", "2025-06-04T09:00");
  f.intake(CaseType::consult, "2025-06-05T09:00");

  std::vector<PublishedCase> cases;
  f.store.read([&] { cases = published_cases(f.store, std::nullopt, Lang::zh); });
  REQUIRE(cases.size() == 2);
  CHECK(cases[0].id == newer);
  CHECK(cases[1].id == older);
  CHECK(cases[0].body == "某企业询问，联系电话 [电话已隐去]");
  CHECK(cases[0].answer == "请致电 [电话已隐去] 或 [电话已隐去] 咨询");
  CHECK(cases[0].unit == "FGW");
  CHECK(cases[0].unit_name == "市发展和改革委员会");
  CHECK(cases[0].published_by == "wang");
  CHECK(cases[0].corrected_at.empty());

  f.store.read([&] { cases = published_cases(f.store, f.at("2025-06-04"), Lang::zh); });
  REQUIRE(cases.size() == 1);
  CHECK(cases[0].id == newer);
}

TEST_CASE("a corrected answer is published with when it was corrected", "[publish]") {
  test::CaseFixture f;
  const std::string id = answered(f, "退税咨询", "2025-06-02T09:00");
  CorrectionRequest correction{{3, CorrectionKind::time, f.at("2025-06-02T10:00"), ""}, "录入有误"};
  f.service.correct(id, correction, "wang", f.at("2025-06-09T09:00"));
  std::vector<PublishedCase> cases;
  f.store.read([&] { cases = published_cases(f.store, std::nullopt, Lang::zh); });
  REQUIRE(cases.size() == 1);
  REQUIRE(cases[0].corrected_at.size() == 1);
  CHECK(cases[0].corrected_at[0] == f.at("2025-06-09T09:00"));
  const std::string html = case_html(cases[0], f.zone, Lang::zh);
  CHECK(html.find("本答复已于 2025-06-09 更正") != std::string::npos);
}

TEST_CASE("write_publication replaces an earlier publication and refuses other directories",
          "[publish]") {
  test::CaseFixture f;
  answered(f, "退税 <咨询> & \"引号\"", "2025-06-02T09:00");
  const std::string second = answered(f, "用电增容", "2025-06-04T09:00");
  std::vector<PublishedCase> cases;
  f.store.read([&] { cases = published_cases(f.store, std::nullopt, Lang::zh); });
  test::TempDir dir;
  const auto site = dir / "site";
  write_publication(site, cases, f.zone, Lang::zh);
  CHECK(std::filesystem::exists(site / "cases.json"));
  CHECK(std::filesystem::exists(site / "cases" / (cases[1].id + ".html")));
  const std::string index = read_text(site / "index.html");
  CHECK(index.find("lang=\"zh-CN\"") != std::string::npos);
  CHECK(index.find("退税 &lt;咨询&gt; &amp; &quot;引号&quot;") != std::string::npos);
  CHECK(index.find(second) < index.find(cases[1].id + ".html"));

  write_publication(site, {cases[0]}, f.zone, Lang::zh);
  CHECK_FALSE(std::filesystem::exists(site / "cases" / (cases[1].id + ".html")));
  CHECK(std::filesystem::exists(site / "cases" / (second + ".json")));
  CHECK_FALSE(std::filesystem::exists(dir / "site.tmp"));

  std::filesystem::create_directories(dir / "other");
  test::write_file(dir / "other" / "keep.txt", "mine");
  CHECK_THROWS_AS(write_publication(dir / "other", cases, f.zone, Lang::zh), BadInput);
  CHECK(read_text(dir / "other" / "keep.txt") == "mine");
}

TEST_CASE("an intake file marks a record confidential with its confidential field", "[publish]") {
  test::TempDir dir;
  test::write_file(
      dir / "cases.ndjson",
      R"({"enterprise": "1", "type": "consult", "channel": "web", "title": "a", "confidential": true})"
      "\n"
      R"({"enterprise": "1", "type": "consult", "channel": "web", "title": "b"})"
      "\n");
  const std::vector<IntakeRecord> records =
      read_intake_file(dir / "cases.ndjson", Zone("Asia/Shanghai"));
  REQUIRE(records.size() == 2);
  CHECK(records[0].request.confidential);
  CHECK_FALSE(records[1].request.confidential);
  test::write_file(dir / "bad.csv",
                   "enterprise,type,channel,title,confidential\n1,consult,web,a,perhaps\n");
  CHECK_THROWS_AS(read_intake_file(dir / "bad.csv", Zone("Asia/Shanghai")), BadInput);
}
