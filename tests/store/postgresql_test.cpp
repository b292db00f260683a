// SPDX-License-Identifier: MIT
// The PostgreSQL engine (issue 12). Tests that need a server are skipped without
// ENT110_TEST_POSTGRESQL (`./dev check --postgresql` sets it).
#include "support/test_support.hpp"

#include <ent110/core/error.hpp>
#include <ent110/store/migrate.hpp>
#include <ent110/store/postgresql_connection.hpp>
#include <ent110/store/statement.hpp>
#include <ent110/store/store.hpp>

#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <limits>
#include <map>
#include <optional>
#include <stdexcept>
#include <thread>
#include <utility>
#include <vector>

using namespace ent110;

namespace {

std::string translated(std::string_view sql) {
  int parameters = 0;
  const std::string out = postgresql_placeholders(sql, parameters);
  return out + " #" + std::to_string(parameters);
}

Store open_postgresql(const std::string& uri) {
  return Store::open(uri, Access::read_write, StoreOptions{2000, 0600, true});
}

// Runs `test` on the URI of a new database of the test server; without a server the test says
// it is skipped (Catch2 2 has no SKIP).
void with_server_database(const std::function<void(const std::string&)>& test) {
  if (!test::postgresql_test_server()) {
    WARN("skipped: ENT110_TEST_POSTGRESQL is not set (./dev check --postgresql)");
    return;
  }
  test(test::fresh_postgresql_database());
}

// with_server_database on a store set up by `init`.
void with_server_store(const std::function<void(Store&)>& test) {
  with_server_database([&](const std::string& uri) {
    Store store = open_postgresql(uri);
    test(store);
  });
}

void add_unit(Store& store, const std::string& code) {
  store.write([&] {
    Statement(store,
              "INSERT INTO unit (code, name, kind, created_at) VALUES (?, 'name', 'county', 'x')")
        .bind(1, code)
        .run();
  });
}

// The refusal of `work` on `store`: BadInput, exit 5, naming the constraint's kind.
void require_refused(Store& store, const std::string& sql, const std::string& kind) {
  try {
    store.write([&] { Statement(store, sql).run(); });
    FAIL("accepted: " << sql);
  } catch (const BadInput& error) {
    CHECK(error.exit_code() == ExitCode::bad_input);
    CHECK(std::string(error.what()).find(kind + " constraint") != std::string::npos);
  }
}

// Table → its columns in order, each with whether it may hold NULL.
using Columns = std::map<std::string, std::vector<std::pair<std::string, bool>>>;

}  // namespace

TEST_CASE("postgresql_placeholders: ? numbered in order, ?NNN kept, quotes and comments alone",
          "[store][postgresql]") {
  CHECK(translated("SELECT a FROM t WHERE x = ? AND y = ?") ==
        "SELECT a FROM t WHERE x = $1 AND y = $2 #2");
  CHECK(translated("UPDATE t SET a = ?2 WHERE id = ?1 OR id = ?12") ==
        "UPDATE t SET a = $2 WHERE id = $1 OR id = $12 #12");
  // SQLite numbers a bare ? after the highest number so far.
  CHECK(translated("VALUES (?3, ?, ?1, ?)") == "VALUES ($3, $4, $1, $5) #5");
  CHECK(translated("SELECT '?', 'it''s ?', \"odd?name\", ? -- what?\n, ? /* ?1 */ , ?") ==
        "SELECT '?', 'it''s ?', \"odd?name\", $1 -- what?\n, $2 /* ?1 */ , $3 #3");
  CHECK(translated("SELECT 1") == "SELECT 1 #0");
  CHECK(translated("SELECT '' || ?") == "SELECT '' || $1 #1");
  CHECK(translated("SELECT 'unterminated ?") == "SELECT 'unterminated ? #0");
  CHECK(translated("SELECT 1 -- ? at the end") == "SELECT 1 -- ? at the end #0");
}

TEST_CASE("dialect_lines: each engine keeps its own block, lines stay where they were",
          "[store][postgresql]") {
  const std::string sql =
      "CREATE TABLE t (a TEXT);\n"
      "-- @sqlite\n"
      "SELECT 'sqlite';\n"
      "-- @postgresql\n"
      "SELECT 'postgresql';\n"
      "-- @end\n"
      "SELECT 'both';\n";
  CHECK(dialect_lines(sql, Engine::sqlite) ==
        "CREATE TABLE t (a TEXT);\n\nSELECT 'sqlite';\n\n\n\nSELECT 'both';\n");
  CHECK(dialect_lines(sql, Engine::postgresql) ==
        "CREATE TABLE t (a TEXT);\n\n\n\nSELECT 'postgresql';\n\nSELECT 'both';\n");
  CHECK_THROWS_AS(dialect_lines("-- @sqlite\nSELECT 1;\n", Engine::sqlite), std::invalid_argument);
  CHECK_THROWS_AS(dialect_lines("-- @end\n", Engine::sqlite), std::invalid_argument);
  CHECK_THROWS_AS(dialect_lines("-- @sqlite\n-- @sqlite\n-- @end\n", Engine::sqlite),
                  std::invalid_argument);
  CHECK_THROWS_AS(dialect_lines("-- @mysql\n", Engine::sqlite), std::invalid_argument);
}

TEST_CASE("migrations: PostgreSQL's start at the baseline and end where SQLite's do",
          "[store][postgresql]") {
  const auto& postgresql = migrations(Engine::postgresql);
  REQUIRE_FALSE(postgresql.empty());
  CHECK(postgresql.front().name == "009_baseline.sql");
  CHECK(postgresql.back().version == latest_schema_version());
  for (std::size_t i = 1; i < postgresql.size(); ++i) {
    CHECK(postgresql[i].version == postgresql[i - 1].version + 1);
  }
}

TEST_CASE("PostgreSQL: every column type and NULL round-trip as SQLite gives them",
          "[store][postgresql]") {
  with_server_database([](const std::string& uri) {
    Store store = open_postgresql(uri);
    store.connection().execute(
        "CREATE TABLE round_trip (i BIGINT, r DOUBLE PRECISION, t TEXT, n INTEGER)");
    const std::int64_t big = std::numeric_limits<std::int64_t>::max();
    const std::int64_t small = std::numeric_limits<std::int64_t>::min();
    const std::string text = "引号 ' \" \\ ? $1 \t\n\x01 😀";
    Statement insert(store, "INSERT INTO round_trip (i, r, t, n) VALUES (?, ?, ?, ?)");
    insert.bind(1, big).bind(2, 0.1).bind(3, text).bind(4, std::nullopt);
    CHECK(insert.run() == 1);
    insert.reset();
    insert.bind(1, small).bind(2, -1e300).bind(3, "").bind(4, 7);
    CHECK(insert.run() == 1);

    Statement read(store, "SELECT i, r, t, n, n IS NULL, i > 0 FROM round_trip ORDER BY i DESC");
    REQUIRE(read.step());
    CHECK(read.int64(0) == big);
    CHECK(read.real(1) == 0.1);
    CHECK(read.text(2) == text);
    CHECK(read.is_null(3));
    CHECK(read.optional_int64(3) == std::nullopt);
    CHECK(read.int64(4) == 1);  // a boolean reads as SQLite's 1
    CHECK(read.int64(5) == 1);
    REQUIRE(read.step());
    CHECK(read.int64(0) == small);
    CHECK(read.real(1) == -1e300);
    CHECK(read.text(2).empty());
    CHECK_FALSE(read.is_null(2));
    CHECK(read.int32(3) == 7);
    CHECK(read.int64(4) == 0);
    CHECK_FALSE(read.step());
    CHECK(read.column_count() == 6);
    CHECK(read.column_name(2) == "t");

    // sum() of bigint is numeric in PostgreSQL: read as a number, never compared as text.
    CHECK(Statement(store, "SELECT sum(n) * 1.0 / 2 FROM round_trip").step());
    CHECK(Statement(store, "SELECT sum(n) * 1.0 / 2 FROM round_trip").scalar_int64() == 3);
    CHECK(Statement(store, "SELECT sum(i) FROM round_trip").scalar_int64() == -1);
    CHECK(Statement(store, "SELECT CAST(? AS INTEGER) + 1").bind(1, 41).scalar_int64() == 42);
    CHECK(Statement(store, "UPDATE round_trip SET n = 8 WHERE n IS NOT NULL").run() == 1);
  });
}

TEST_CASE("PostgreSQL: a refused value is bad input (exit 5) naming the constraint's kind",
          "[store][postgresql]") {
  with_server_store([](Store& store) {
    add_unit(store, "FGW");
    require_refused(store,
                    "INSERT INTO unit (code, name, kind, created_at) VALUES ('X', 'n', 'bad', 'x')",
                    "CHECK");
    require_refused(store,
                    "INSERT INTO unit (code, name, kind, created_at) VALUES ('X', NULL, "
                    "'county', 'x')",
                    "NOT NULL");
    require_refused(store,
                    "INSERT INTO unit (code, name, kind, created_at) VALUES ('FGW', 'n', "
                    "'county', 'x')",
                    "UNIQUE");
    require_refused(store,
                    "INSERT INTO \"user\" (login, unit, role, created_at) VALUES ('li', 'NONE', "
                    "'unit', 'x')",
                    "FOREIGN KEY");
    // The refused write left nothing behind, and the store still works.
    CHECK(Statement(store, "SELECT count(*) FROM unit").scalar_int64() == 1);
  });
}

TEST_CASE("PostgreSQL: case and audit events refuse UPDATE, DELETE and TRUNCATE",
          "[store][postgresql]") {
  with_server_store([](Store& store) {
    add_unit(store, "FGW");
    const std::string hash(64, 'a');
    store.write([&] {
      Statement(store, "INSERT INTO enterprise (name, created_at) VALUES ('E', 'x')").run();
      Statement(store,
                "INSERT INTO case_file (id, year, number, enterprise, type, channel, title, body, "
                "received_at, received_month, state) SELECT '2025-000001', 2025, 1, id, "
                "'consult', 'web', 't', 'b', 'x', '2025-01', 'received' FROM enterprise")
          .run();
      Statement(store,
                "INSERT INTO case_event (seq, case_id, case_seq, at, action, actor, unit, "
                "prev_hash, hash) VALUES (1, '2025-000001', 1, 'x', 'intake', 'a', 'FGW', ?, ?)")
          .bind(1, hash)
          .bind(2, hash)
          .run();
      Statement(store,
                "INSERT INTO audit_event (seq, at, actor, unit, action, subject, key, "
                "after_case_seq, prev_hash, hash) VALUES (1, 'x', 'a', 'FGW', 'unit add', 'unit', "
                "'FGW', 0, ?, ?)")
          .bind(1, hash)
          .bind(2, hash)
          .run();
    });
    for (const std::string& table : std::vector<std::string>{"case_event", "audit_event"}) {
      require_refused(store, "UPDATE " + table + " SET at = 'y'", "integrity");
      require_refused(store, "DELETE FROM " + table, "integrity");
      require_refused(store, "TRUNCATE " + table + " CASCADE", "integrity");
      CHECK(Statement(store, "SELECT count(*) FROM " + table).scalar_int64() == 1);
    }
  });
}

TEST_CASE("PostgreSQL: writers queue on one lock, each sees the previous one's commit, none lost",
          "[store][postgresql]") {
  with_server_database([](const std::string& uri) {
    Store first = open_postgresql(uri);
    add_unit(first, "FGW");
    const auto increment = [](Store& store) {
      const std::int64_t phone =
          std::stoll(Statement(store, "SELECT coalesce(phone, '0') FROM unit WHERE code = 'FGW'")
                         .scalar_text());
      Statement(store, "UPDATE unit SET phone = ? WHERE code = 'FGW'")
          .bind(1, std::to_string(phone + 1))
          .run();
    };
    SECTION("a second writer waits for the first and reads what it committed") {
      std::atomic<bool> holding{false};
      std::thread other;
      first.write([&] {
        other = std::thread([&] {
          Store second = open_postgresql(uri);
          while (!holding) {
            std::this_thread::yield();
          }
          second.write([&] { increment(second); });
        });
        increment(first);
        holding = true;
        // Long enough that the other writer is queued before this one commits.
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
      });
      other.join();
      CHECK(Statement(first, "SELECT phone FROM unit WHERE code = 'FGW'").scalar_text() == "2");
    }
    SECTION("a writer queued longer than the busy timeout fails as busy, naming the wait") {
      Store impatient = Store::open(uri, Access::read_write, StoreOptions{100, 0600, false});
      first.write([&] {
        increment(first);
        try {
          impatient.write([&] { increment(impatient); });
          FAIL("the second writer did not wait for the lock");
        } catch (const StoreError& error) {
          CHECK(error.message().id == MessageId::db_busy);
          CHECK(error.message().args.at(1) == "100");
        }
        // The refused writer's connection is left with no transaction and still serves.
        CHECK(Statement(impatient, "SELECT count(*) FROM unit").scalar_int64() == 1);
      });
      CHECK(Statement(first, "SELECT phone FROM unit WHERE code = 'FGW'").scalar_text() == "1");
    }
  });
}

TEST_CASE("PostgreSQL: Store::write runs work again after a serialization failure or deadlock",
          "[store][postgresql]") {
  with_server_database([](const std::string& uri) {
    Store store = open_postgresql(uri);
    add_unit(store, "FGW");
    // What the server reports when it had to cancel a transaction to keep others consistent.
    const auto lose = [&](const char* state) {
      store.connection().execute(
          std::string("DO $$ BEGIN RAISE EXCEPTION 'lost' USING ERRCODE = '") + state +
          "'; END $$");
    };
    SECTION("the work runs again in a new transaction, and only its last run counts") {
      int attempts = 0;
      store.write([&] {
        ++attempts;
        Statement(store, "UPDATE unit SET phone = ? WHERE code = 'FGW'").bind(1, attempts).run();
        if (attempts < 3) {
          lose(attempts == 1 ? "40001" : "40P01");
        }
      });
      CHECK(attempts == 3);
      CHECK(Statement(store, "SELECT phone FROM unit WHERE code = 'FGW'").scalar_text() == "3");
    }
    SECTION("work that always loses fails as busy after a bounded number of attempts") {
      int attempts = 0;
      CHECK_THROWS_AS(store.write([&] {
        ++attempts;
        lose("40001");
      }),
                      StoreError);
      CHECK(attempts == 5);
    }
  });
}

TEST_CASE("PostgreSQL: the schema version row, and databases that are not ent110's",
          "[store][postgresql]") {
  with_server_database([](const std::string& uri) {
    SECTION("an empty database is set up by init only") {
      CHECK_THROWS_AS(Store::open(uri, Access::read_write, StoreOptions{}), StoreError);
      Store store = open_postgresql(uri);
      CHECK(store.engine() == Engine::postgresql);
      CHECK(store.version_at_open() == 0);
      CHECK(store.connection().schema_version() == latest_schema_version());
      CHECK(Statement(store, "SELECT application FROM ent110_schema").scalar_text() == "ent110");
      Store again = Store::open(uri, Access::read_only, StoreOptions{});
      CHECK(again.version_at_open() == latest_schema_version());
      CHECK(again.file_mode() == 0u);
    }
    SECTION("a database with other tables is refused unchanged") {
      {
        PostgresqlConnection other(uri);
        other.execute("CREATE TABLE payroll (name TEXT)");
      }
      for (bool create : {false, true}) {
        try {
          Store::open(uri, Access::read_write, StoreOptions{1000, 0600, create});
          FAIL("opened");
        } catch (const StoreError& error) {
          CHECK(error.message().id == MessageId::db_postgresql_not_ent110);
        }
      }
      PostgresqlConnection other(uri);
      CHECK(other.schema_version() == 0);
      CHECK(other.is_foreign_database());
    }
    SECTION("a newer schema is refused naming both versions") {
      open_postgresql(uri).connection().execute("UPDATE ent110_schema SET version = 999");
      try {
        Store::open(uri, Access::read_only, StoreOptions{});
        FAIL("opened");
      } catch (const StoreError& error) {
        CHECK(error.message().id == MessageId::db_too_new);
      }
    }
    SECTION("a read-only store cannot write") {
      open_postgresql(uri);
      Store reader = Store::open(uri, Access::read_only, StoreOptions{});
      CHECK_THROWS_AS(reader.write([&] { add_unit(reader, "FGW"); }), StoreError);
    }
    SECTION("a server that cannot be reached is a store error naming it, without its password") {
      try {
        Store::open("postgresql://office:s3cret@127.0.0.1:1/ent110?connect_timeout=2",
                    Access::read_only, StoreOptions{});
        FAIL("opened");
      } catch (const StoreError& error) {
        CHECK(error.message().id == MessageId::db_cannot_open);
        CHECK(std::string(error.what()).find("s3cret") == std::string::npos);
      }
    }
  });
}

TEST_CASE("PostgreSQL: the baseline has SQLite's tables, columns and nullability",
          "[store][postgresql]") {
  with_server_store([](Store& postgresql) {
    Store sqlite = Store::open_in_memory();

    Columns expected;
    // The search index is each engine's own (schema/013_data_flow.sql): FTS5 kept by triggers on
    // SQLite, pg_trgm indexes on PostgreSQL. Its objects are named case_search* and left out.
    Statement tables(sqlite,
                     "SELECT name FROM pragma_table_list WHERE type = 'table' AND schema = 'main' "
                     "AND name NOT LIKE 'sqlite%' AND name NOT LIKE 'case_search%' ORDER BY name");
    while (tables.step()) {
      const std::string table = tables.text(0);
      Statement columns(sqlite, "SELECT name, \"notnull\", pk FROM pragma_table_info(?)");
      columns.bind(1, table);
      while (columns.step()) {
        // A STRICT table's primary key holds no NULL, as PostgreSQL's does.
        expected[table].emplace_back(columns.text(0),
                                     columns.int64(1) == 0 && columns.int64(2) == 0);
      }
    }
    Columns actual;
    Statement columns(postgresql,
                      "SELECT table_name, column_name, is_nullable FROM information_schema.columns "
                      "WHERE table_schema = current_schema() AND table_name <> 'ent110_schema' AND "
                      "table_name IN (SELECT table_name FROM information_schema.tables WHERE "
                      "table_type = 'BASE TABLE') ORDER BY table_name, ordinal_position");
    while (columns.step()) {
      actual[columns.text(0)].emplace_back(columns.text(1), columns.text(2) == "YES");
    }
    CHECK(actual == expected);

    const auto names = [](Store& store, const std::string& sql) {
      std::vector<std::string> all;
      Statement query(store, sql);
      while (query.step()) {
        all.push_back(query.text(0));
      }
      return all;
    };
    CHECK(
        names(postgresql,
              "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND indexname "
              "NOT LIKE '%\\_pkey' AND indexname NOT LIKE '%\\_key' AND indexname NOT LIKE "
              "'case\\_search%' ORDER BY indexname") ==
        names(sqlite,
              "SELECT name FROM sqlite_schema WHERE type = 'index' AND name NOT LIKE "
              "'sqlite_autoindex%' ORDER BY name"));
    CHECK(names(postgresql,
                "SELECT table_name FROM information_schema.views WHERE table_schema = "
                "current_schema() ORDER BY table_name") ==
          names(sqlite, "SELECT name FROM sqlite_schema WHERE type = 'view' ORDER BY name"));
    CHECK(names(postgresql,
                "SELECT DISTINCT trigger_name FROM information_schema.triggers WHERE "
                "trigger_schema = current_schema() AND trigger_name NOT LIKE '%truncate' ORDER BY "
                "trigger_name") ==
          names(sqlite,
                "SELECT name FROM sqlite_schema WHERE type = 'trigger' AND name NOT LIKE "
                "'case_search%' ORDER BY name"));
  });
}

TEST_CASE("PostgreSQL: the audit views write SQLite's JSON byte for byte", "[store][postgresql]") {
  with_server_store([](Store& postgresql) {
    Store sqlite = Store::open_in_memory();
    const std::vector<std::string> tricky = {"plain",
                                             "quote \" and backslash \\",
                                             "controls \x01\x08\x0c\n\r\t\x1f\x7f",
                                             "发改委 (CJK) 😀",
                                             "",
                                             "{\"json\": [1, 2]}",
                                             "/ slash </script>"};
    for (Store* store : {&postgresql, &sqlite}) {
      store->write([&] {
        int n = 0;
        for (const std::string& value : tricky) {
          const std::string code = "U" + std::to_string(++n);
          Statement(*store,
                    "INSERT INTO unit (code, name, kind, leader, contact, phone, created_at) "
                    "VALUES (?, ?, 'county', ?, NULL, ?, '2025-01-01T00:00:00Z')")
              .bind(1, code)
              .bind(2, value)
              .bind(3, value)
              .bind(4, std::to_string(n * 1000))
              .run();
          Statement(*store,
                    "INSERT INTO \"user\" (login, unit, role, created_at) VALUES (?, ?, 'unit', ?)")
              .bind(1, value + code)
              .bind(2, code)
              .bind(3, value)
              .run();
          Statement(*store,
                    "INSERT INTO enterprise (name, credit_code, county, above_scale, created_at) "
                    "VALUES (?, NULL, ?, 1, 'x')")
              .bind(1, value + code)
              .bind(2, code)
              .run();
        }
        Statement(*store,
                  "INSERT INTO calendar_revision (revision, at, actor, what, detail) VALUES (1, "
                  "'x', 'a', 'load', 'd')")
            .run();
        for (int year : {2024, 2025}) {
          Statement(*store,
                    "INSERT INTO calendar_year (year, file, notice, title, issued, url, revision) "
                    "VALUES (?, 'holidays/y.toml', '国办发明电〔2024〕12号', 't \"q\"', "
                    "'2024-11-12', 'https://example/?a=1&b=2', 1)")
              .bind(1, year)
              .run();
        }
        for (const char* date : {"2025-01-28", "2025-01-01"}) {
          Statement(*store,
                    "INSERT INTO calendar_day (date, kind, name, name_en, year) VALUES (?, "
                    "'holiday', '春节', 'Spring \"Festival\"', 2025)")
              .bind(1, date)
              .run();
        }
        Statement(*store,
                  "INSERT INTO calendar_override (date, kind, reason, actor, at, revision) VALUES "
                  "('2025-05-06', 'local-off', '台风 \"Typhoon\" \\ day', 'a', 'x', 1)")
            .run();
        int id = 0;
        for (double value : {85.0, 0.1, 2.5, 100.0, 1.0 / 3, 99.99999999999999, 1e-5}) {
          Statement(*store,
                    "INSERT INTO assessment_event (id, kind, unit, year, date, value, note, actor, "
                    "at) VALUES (?, 'finding', 'U1', 2025, '2025-03-01', ?, 'n', 'a', 'x')")
              .bind(1, ++id)
              .bind(2, value)
              .run();
        }
      });
    }
    for (const std::string& view : std::vector<std::string>{
             "audit_row_unit", "audit_row_user", "audit_row_enterprise", "audit_row_calendar_year",
             "audit_row_calendar_override", "audit_row_assessment_event"}) {
      const auto rows = [&](Store& store) {
        std::vector<std::string> all;
        Statement query(store, "SELECT row FROM " + view + " ORDER BY key");
        while (query.step()) {
          all.push_back(query.text(0));
        }
        return all;
      };
      INFO(view);
      CHECK(rows(postgresql) == rows(sqlite));
    }
  });
}
