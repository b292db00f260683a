// SPDX-License-Identifier: MIT
// `ent110 show` (CaseService::detail) reads one case: each of its queries must start from an index,
// so that its time does not grow with the database (issue 15: show on a million cases).
#include "cases/case_fixture.hpp"
#include "support/statement_log.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace ent110;

TEST_CASE("show: every query of a case's detail starts from an index", "[cases][show][plan]") {
  test::CaseFixture f;
  if (!test::plans_are_readable(f.store)) {
    return;
  }
  f.add_users();
  // Other cases around the one shown, so that a scan would have rows to read.
  for (int i = 0; i < 3; ++i) {
    f.forward(f.intake(CaseType::consult, "2025-09-01T09:00"), "2025-09-01T10:00");
  }
  const std::string id = f.intake(CaseType::coordinate, "2025-09-01T11:00");
  f.forward(id, "2025-09-01T12:00");
  f.service.reply(id, "已办理", "li", f.at("2025-09-02T10:00"));
  std::vector<std::string> statements;
  {
    test::StatementLog log(f.store);
    const CaseDetail detail = f.service.detail(id, f.zone.local_date(f.at("2025-09-03T09:00")));
    CHECK(detail.kase.id == id);
    statements = log.statements();
  }
  const std::vector<std::string> queries = test::queries_among(statements);
  CHECK_FALSE(queries.empty());
  for (const std::string& sql : queries) {
    test::check_no_full_scan(f.store, sql);
  }
}
