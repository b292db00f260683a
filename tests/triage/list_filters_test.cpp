// SPDX-License-Identifier: MIT
// The clock filters of `list` (CaseService::list): --overdue, --due-today, --due-before,
// --unexplained and --clock, combined with AND on one running clock, on the National Day cases
// as seen on Friday 10 October 2025.
#include "support/statement_log.hpp"
#include "triage/triage_fixture.hpp"

#include <ent110/core/error.hpp>

#include <catch2/catch.hpp>

#include <algorithm>

using namespace ent110;
using ent110::test::NationalDay;
using Titles = std::vector<std::string>;

namespace {

Titles sorted_titles(const std::vector<CaseSummary>& cases) {
  Titles result;
  for (const CaseSummary& summary : cases) {
    result.push_back(summary.title);
  }
  std::sort(result.begin(), result.end());
  return result;
}

const LocalDate k_friday = parse_date("2025-10-10");

}  // namespace

TEST_CASE("list: --overdue lists cases with a running clock past its due date", "[triage][list]") {
  NationalDay f;
  CaseQuery query;
  query.overdue_only = true;
  // "reply-today" is there for its lapsed explain clock; explained, escalated and disputed cases
  // have no running clock.
  CHECK(sorted_titles(f.service.list(query, k_friday)) == Titles{"consult-late", "coord-late",
                                                                 "fwd-late", "reply-today",
                                                                 "report-late", "resubmit-late"});
}

TEST_CASE("list: --unexplained lists the overdue replies, the inspection referrals",
          "[triage][list]") {
  NationalDay f;
  CaseQuery query;
  query.unexplained = true;
  CHECK(sorted_titles(f.service.list(query, k_friday)) == Titles{"consult-late", "coord-late"});
  query.unit = "JXW";
  CHECK(sorted_titles(f.service.list(query, k_friday)) == Titles{"coord-late"});

  SECTION("it is --overdue --clock reply") {
    CaseQuery same;
    same.overdue_only = true;
    same.clock = ClockName::reply;
    CHECK(sorted_titles(f.service.list(same, k_friday)) == Titles{"consult-late", "coord-late"});
  }
}

TEST_CASE("list: --due-today, alone and with --clock", "[triage][list]") {
  NationalDay f;
  CaseQuery query;
  query.due_today = true;
  CHECK(sorted_titles(f.service.list(query, k_friday)) ==
        Titles{"consult-today", "explain-today", "fwd-today", "reply-today", "review-today"});
  query.clock = ClockName::explain;
  const std::vector<CaseSummary> explain = f.service.list(query, k_friday);
  CHECK(sorted_titles(explain) == Titles{"explain-today"});
  // The line shows the clock the filters matched.
  CHECK(explain.at(0).urgent->name == ClockName::explain);
}

TEST_CASE("list: --due-before is exclusive", "[triage][list]") {
  NationalDay f;
  CaseQuery query;
  query.due_before = parse_date("2025-10-09");
  CHECK(sorted_titles(f.service.list(query, k_friday)) ==
        Titles{"coord-late", "reply-today", "report-late"});
  query.due_before = parse_date("2025-10-10");
  CHECK(sorted_titles(f.service.list(query, k_friday)) == Titles{"consult-late", "coord-late",
                                                                 "fwd-late", "reply-today",
                                                                 "report-late", "resubmit-late"});
}

TEST_CASE("list: --clock shows that clock, not the most urgent one", "[triage][list]") {
  NationalDay f;
  CaseQuery query;
  query.clock = ClockName::government;
  CHECK(sorted_titles(f.service.list(query, k_friday)) == Titles{"report-due", "report-late"});
  query.clock = ClockName::reply;
  query.unit = "JXW";
  for (const CaseSummary& summary : f.service.list(query, k_friday)) {
    INFO(summary.title);
    CHECK(summary.urgent->name == ClockName::reply);
  }
}

TEST_CASE("list: clock filters that no single clock meets match nothing", "[triage][list]") {
  NationalDay f;
  CaseQuery query;
  query.due_today = true;
  query.overdue_only = true;
  CHECK(f.service.list(query, k_friday).empty());
  query = CaseQuery{};
  query.unexplained = true;
  query.clock = ClockName::explain;
  CHECK(f.service.list(query, k_friday).empty());
}

TEST_CASE("list: with a clock filter the running clocks lead, not every case of the unit",
          "[triage][list]") {
  NationalDay f;
  if (!test::plans_are_readable(f.store)) {
    return;
  }
  CaseQuery query;
  query.overdue_only = true;
  query.unit = "JXW";
  query.state = State::forwarded;
  std::vector<std::string> statements;
  {
    test::StatementLog log(f.store);
    CHECK(sorted_titles(f.service.list(query, k_friday)) == Titles{"coord-late", "reply-today"});
    statements = log.statements();
  }
  int checked = 0;
  for (const std::string& sql : statements) {
    if (sql.find("FROM case_file c") == std::string::npos) {
      continue;
    }
    ++checked;
    for (const std::string& detail : test::query_plan(f.store, sql)) {
      INFO(sql << "\n" << detail);
      CHECK(detail.find("case_by_unit") == std::string::npos);
      CHECK(detail.find("case_by_state") == std::string::npos);
    }
  }
  CHECK(checked == 1);
}

TEST_CASE("list: an unknown unit is an error, not an empty list", "[triage][list]") {
  NationalDay f;
  CaseQuery query;
  query.unit = "FWG";
  CHECK_THROWS_AS(f.service.list(query, k_friday), NotFound);
  query.overdue_only = true;
  CHECK_THROWS_AS(f.service.list(query, k_friday), NotFound);
}

TEST_CASE("list: every clock filter, with or without a unit, starts from the running clocks' index",
          "[triage][list]") {
  NationalDay f;
  if (!test::plans_are_readable(f.store)) {
    return;
  }
  std::vector<CaseQuery> queries;
  for (const std::optional<std::string>& unit :
       {std::optional<std::string>(), std::optional<std::string>("JXW")}) {
    CaseQuery base;
    base.unit = unit;
    base.limit = 10;
    CaseQuery query = base;
    query.overdue_only = true;
    queries.push_back(query);
    query = base;
    query.due_today = true;
    queries.push_back(query);
    query = base;
    query.unexplained = true;
    queries.push_back(query);
    query = base;
    query.due_before = k_friday;
    query.clock = ClockName::reply;
    queries.push_back(query);
  }
  for (const CaseQuery& query : queries) {
    std::vector<std::string> statements;
    {
      test::StatementLog log(f.store);
      f.service.list(query, k_friday);
      statements = log.statements();
    }
    int checked = 0;
    for (const std::string& sql : statements) {
      if (sql.find("FROM case_file c") == std::string::npos) {
        continue;
      }
      ++checked;
      bool running_index = false;
      for (const std::string& detail : test::query_plan(f.store, sql)) {
        INFO(sql << "\n" << detail);
        CHECK(detail.find("SCAN") == std::string::npos);
        running_index = running_index || detail.find("case_clock_running_by_") != std::string::npos;
      }
      INFO(sql);
      CHECK(running_index);
    }
    CHECK(checked == 1);
  }
}
