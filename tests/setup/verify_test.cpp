// SPDX-License-Identifier: MIT
// verify as an adversary sees it (issue 10, section 4): each tampering made behind ent110's back
// with plain SQL must make verify fail and name what it found.
#include "support/test_support.hpp"

#include <ent110/audit/ledger.hpp>
#include <ent110/calendar/calendar_repo.hpp>
#include <ent110/config/config.hpp>
#include <ent110/setup/verify.hpp>
#include <ent110/store/migrate.hpp>
#include <ent110/store/statement.hpp>
#include <ent110/store/store.hpp>

#include <SQLiteCpp/Database.h>
#include <catch2/catch.hpp>

using namespace ent110;
using ent110::test::run_cli;
using ent110::test::TempDir;

namespace {

// A database with a unit, a user, an enterprise, a calendar override, an assessment input and two
// cases, each with events.
struct TamperDb {
  TempDir dir;
  std::string path = (dir / "v.db").string();

  TamperDb() {
    run({"--at", "2025-01-01", "init"});
    run({"unit", "add", "FGW", "--name", "市发展和改革委员会", "--kind", "department"});
    run({"user", "add", "wang", "--unit", "OFFICE", "--role", "office"});
    run({"--as", "wang", "enterprise", "add", "--name", "信阳示例机械有限公司"});
    run({"--as", "wang", "calendar", "set", "2025-10-13", "off", "--reason", "停电"});
    run({"--as", "wang", "assess", "policy", "FGW", "--year", "2025", "--score", "80", "--note",
         "考评"});
    for (const char* day : {"2025-09-01", "2025-09-02"}) {
      run({"--as", "wang", "--at", std::string(day) + "T10:00", "intake", "--enterprise", "1",
           "--type", "consult", "--channel", "web", "--title", "咨询"});
    }
    run({"--as", "wang", "--at", "2025-09-02T11:00", "forward", "2025-000002", "--to", "FGW"});
  }

  void run(std::vector<std::string> args) const {
    args.insert(args.begin(), {"--db", path});
    const auto result = run_cli(args);
    INFO(result.err);
    REQUIRE(result.code == 0);
  }

  // Plain SQL, as with the sqlite3 shell: no ent110 functions, foreign keys off.
  void tamper(const std::string& sql) const {
    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    db.exec(sql);
  }

  VerifyReport verify(const std::optional<std::string>& anchor = std::nullopt) const {
    Store store = Store::open(path, Access::read_only, StoreOptions{});
    const WorkingCalendar calendar = load_calendar(store);
    const Config config;
    const Zone zone(config.time_zone);
    return verify_database(store, ReplayContext{calendar, config, zone}, anchor);
  }
};

}  // namespace

TEST_CASE("verify: an untouched database passes and prints the ledger's head", "[setup][verify]") {
  TamperDb db;
  const VerifyReport report = db.verify();
  CHECK(report.ok());
  CHECK(report.events == 3);
  CHECK(report.audit_events > 10);
  CHECK(report.anchor.size() == 64);
  CHECK(db.verify(report.anchor).ok());
}

TEST_CASE("verify: an office user inserted with SQL is named", "[setup][verify][adversary]") {
  TamperDb db;
  db.tamper("INSERT INTO user VALUES ('evil', 'OFFICE', 'office', '2025-01-01T00:00:00Z')");
  const VerifyReport report = db.verify();
  CHECK_FALSE(report.ok());
  REQUIRE(report.row_mismatch);
  CHECK(report.row_mismatch->subject == AuditSubject::user);
  CHECK(report.row_mismatch->key == "evil");
  CHECK(report.row_mismatch->problem == RowProblem::unaudited);
}

TEST_CASE("verify: a fake holiday changes its year", "[setup][verify][adversary]") {
  TamperDb db;
  db.tamper("INSERT INTO calendar_day VALUES ('2025-11-03', 'holiday', '假日', 'fake', 2025)");
  const VerifyReport report = db.verify();
  REQUIRE(report.row_mismatch);
  CHECK(report.row_mismatch->subject == AuditSubject::calendar_year);
  CHECK(report.row_mismatch->key == "2025");
  CHECK(report.row_mismatch->problem == RowProblem::differs);
}

TEST_CASE("verify: an edited enterprise and an edited assessment input are named",
          "[setup][verify][adversary]") {
  TamperDb db;
  SECTION("enterprise") {
    db.tamper("UPDATE enterprise SET key_enterprise = 1 WHERE id = 1");
    const VerifyReport report = db.verify();
    REQUIRE(report.row_mismatch);
    CHECK(report.row_mismatch->subject == AuditSubject::enterprise);
    CHECK(report.row_mismatch->key == "1");
  }
  SECTION("assessment input") {
    db.tamper("UPDATE assessment_event SET value = 100");
    const VerifyReport report = db.verify();
    REQUIRE(report.row_mismatch);
    CHECK(report.row_mismatch->subject == AuditSubject::assessment_event);
  }
  SECTION("a deleted override") {
    db.tamper("DELETE FROM calendar_override");
    const VerifyReport report = db.verify();
    REQUIRE(report.row_mismatch);
    CHECK(report.row_mismatch->problem == RowProblem::missing);
  }
}

TEST_CASE("verify: a dropped trigger is a missing schema object", "[setup][verify][adversary]") {
  TamperDb db;
  db.tamper("DROP TRIGGER case_event_no_update");
  const VerifyReport report = db.verify();
  REQUIRE(report.schema_problems.size() == 1);
  CHECK(report.schema_problems.front().kind == SchemaProblemKind::missing);
  CHECK(report.schema_problems.front().name == "case_event_no_update");
  CHECK_FALSE(report.ok());
}

TEST_CASE("verify: a deleted audit event breaks the audit chain", "[setup][verify][adversary]") {
  TamperDb db;
  db.tamper(
      "DROP TRIGGER audit_event_no_delete; DELETE FROM audit_event WHERE seq = 2; "
      "CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event\n"
      "BEGIN\n  SELECT RAISE(ABORT, 'audit events are append-only');\nEND");
  const VerifyReport report = db.verify();
  CHECK(report.schema_problems.empty());
  CHECK(report.first_broken_audit_event == 3);
  CHECK_FALSE(report.ok());
}

TEST_CASE("verify --anchor: deleting the last case after an anchor was taken is detected",
          "[setup][verify][adversary]") {
  TamperDb db;
  const std::string anchor = db.verify().anchor;
  db.tamper(
      "DROP TRIGGER case_event_no_delete; "
      "DELETE FROM case_event WHERE case_id = '2025-000002'; "
      "DELETE FROM case_clock WHERE case_id = '2025-000002'; "
      "DELETE FROM case_file WHERE id = '2025-000002'; "
      "CREATE TRIGGER case_event_no_delete BEFORE DELETE ON case_event\n"
      "BEGIN\n  SELECT RAISE(ABORT, 'case events are append-only');\nEND");
  const VerifyReport report = db.verify(anchor);
  CHECK(report.first_broken_event == std::nullopt);
  CHECK(report.schema_problems.empty());
  CHECK_FALSE(report.anchor_extended);
  CHECK_FALSE(report.ok());
  CHECK(report.anchor != anchor);
}

TEST_CASE("verify --anchor: a ledger that only grew still extends an earlier anchor",
          "[setup][verify]") {
  TamperDb db;
  const std::string anchor = db.verify().anchor;
  db.run({"--as", "wang", "user", "add", "li", "--unit", "FGW", "--role", "unit"});
  db.run({"--as", "li", "--at", "2025-09-03T10:00", "reply", "2025-000002", "--text", "已答复"});
  const VerifyReport report = db.verify(anchor);
  CHECK(report.ok());
  CHECK(report.anchor_extended);
  CHECK(report.anchor != anchor);
}

TEST_CASE("migration 008: rows of an older database get baseline audit events",
          "[setup][verify][store]") {
  TempDir dir;
  const std::string path = (dir / "old.db").string();
  {
    SQLite::Database old(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    for (const Migration& migration : migrations()) {
      if (migration.version < 8) {
        old.exec(migration.sql);
      }
    }
    old.exec("PRAGMA user_version = 7");
    old.exec(
        "INSERT INTO unit VALUES ('OFFICE', '办公室', 'office', NULL, NULL, NULL, "
        "'2024-01-01T00:00:00Z'); "
        "INSERT INTO unit VALUES ('FGW', '发改委', 'department', NULL, NULL, NULL, "
        "'2024-01-02T00:00:00Z'); "
        "INSERT INTO user VALUES ('wang', 'OFFICE', 'office', '2024-01-03T00:00:00Z'); "
        "INSERT INTO enterprise (name, created_at) VALUES ('某公司', '2024-01-04T00:00:00Z'); "
        "INSERT INTO calendar_revision VALUES (1, '2024-01-05T00:00:00Z', 'init', 'load', 'x'); "
        "INSERT INTO calendar_year VALUES (2024, 'f', 'n', 't', '2023-10-25', 'u', '', 1); "
        "INSERT INTO calendar_day VALUES ('2024-10-01', 'holiday', '国庆节', 'National Day', "
        "2024);");
  }
  Store store = Store::open(path, Access::read_only, StoreOptions{});
  const WorkingCalendar calendar = load_calendar(store);
  const Config config;
  const Zone zone(config.time_zone);
  const VerifyReport report = verify_database(store, ReplayContext{calendar, config, zone});
  CHECK(report.ok());
  CHECK(report.audit_events == 5);
  CHECK(Statement(store, "SELECT count(*) FROM audit_event WHERE actor = 'migration'")
            .scalar_int64() == 5);
}
