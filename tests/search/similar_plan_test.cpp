// SPDX-License-Identifier: MIT
// The similar-cases hint runs at every intake: each of its queries must start from an index (the
// FTS5 trigram index for the text), so that its time does not grow with the database (issue 15).
#include "cases/case_fixture.hpp"
#include "support/statement_log.hpp"

#include <ent110/search/search.hpp>

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace ent110;

namespace {

// A scan that reads a bounded number of rows: the FTS5 index queried by MATCH, or the rows a
// subquery or common table expression of the statement itself produced.
bool bounded_scan(const std::string& detail) {
  const bool fts_match = detail.starts_with("SCAN case_search VIRTUAL TABLE INDEX ") &&
                         detail.find(":M") != std::string::npos;
  return fts_match || detail == "SCAN newest" || detail == "SCAN seen";
}

}  // namespace

TEST_CASE("similar answered cases: every query starts from an index", "[search][plan]") {
  test::CaseFixture f;
  if (!test::plans_are_readable(f.store)) {
    return;
  }
  for (int i = 0; i < 3; ++i) {
    const std::string id = f.intake("出口退税办理流程", CaseType::consult, "2025-09-01T09:00");
    f.forward(id, "2025-09-01T10:00");
    f.service.reply(id, "登录电子税务局", "wang", f.at("2025-09-01T11:00"));
  }
  const std::string open = f.intake("出口退税 sh", CaseType::consult, "2025-09-02T09:00");
  std::vector<std::string> statements;
  {
    test::StatementLog log(f.store);
    CHECK(similar_answered(f.store, "出口退税 sh", open).size() == 3);
    statements = log.statements();
  }
  const std::vector<std::string> queries = test::queries_among(statements);
  CHECK_FALSE(queries.empty());
  for (const std::string& sql : queries) {
    INFO(sql);
    CHECK(sql.find("instr(") == std::string::npos);
    for (const std::string& detail : test::query_plan(f.store, sql)) {
      INFO(detail);
      CHECK((!detail.starts_with("SCAN ") || bounded_scan(detail)));
    }
  }
}
