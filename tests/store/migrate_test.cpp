// SPDX-License-Identifier: MIT
#include "support/test_support.hpp"

#include <ent110/core/error.hpp>
#include <ent110/store/migrate.hpp>
#include <ent110/store/statement.hpp>
#include <ent110/store/store.hpp>

#include <catch2/catch.hpp>

#include <sys/stat.h>

using namespace ent110;

TEST_CASE("migrations: numbered from 1 without gaps, latest is the last", "[store]") {
  const auto& all = migrations();
  REQUIRE_FALSE(all.empty());
  for (std::size_t i = 0; i < all.size(); ++i) {
    CHECK(all[i].version == static_cast<int>(i + 1));
  }
  CHECK(latest_schema_version() == all.back().version);
}

TEST_CASE("Store::open: a new file is created with mode 0600, WAL and every migration", "[store]") {
  test::TempDir dir;
  const auto path = dir / "new.db";
  Store store = Store::open(path, Access::read_write, StoreOptions{1000, 0600, true});
  CHECK(store.version_at_open() == 0);
  CHECK(store.connection().schema_version() == latest_schema_version());
  CHECK(test::sqlite_of(store).execAndGet("PRAGMA journal_mode").getString() == "wal");
  CHECK(test::sqlite_of(store).execAndGet("PRAGMA foreign_keys").getInt() == 1);
  struct stat info {};
  REQUIRE(::stat(path.c_str(), &info) == 0);
  CHECK((info.st_mode & 0777) == 0600);
}

TEST_CASE("Store::open: a missing file is an error unless creating", "[store]") {
  test::TempDir dir;
  CHECK_THROWS_AS(Store::open(dir / "none.db", Access::read_only, StoreOptions{}), StoreError);
  CHECK_THROWS_AS(Store::open(dir / "none.db", Access::read_write, StoreOptions{}), StoreError);
  CHECK_FALSE(std::filesystem::exists(dir / "none.db"));
}

TEST_CASE("Store::open: a database newer than the program is refused naming both versions",
          "[store]") {
  test::TempDir dir;
  const auto path = dir / "future.db";
  {
    Store store = Store::open(path, Access::read_write, StoreOptions{1000, 0600, true});
    test::sqlite_of(store).exec("PRAGMA user_version = 999");
  }
  for (Access access : {Access::read_only, Access::read_write}) {
    try {
      Store::open(path, access, StoreOptions{});
      FAIL("opened");
    } catch (const StoreError& error) {
      CHECK(error.exit_code() == ExitCode::store);
      const std::string what = error.what();
      CHECK(what.find("999") != std::string::npos);
      CHECK(what.find(std::to_string(latest_schema_version())) != std::string::npos);
    }
  }
}

TEST_CASE("Store::open: an older database is upgraded, also by a read-only command", "[store]") {
  test::TempDir dir;
  const auto path = dir / "old.db";
  {
    SQLite::Database db(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec(migrations().front().sql);
    db.exec("PRAGMA user_version = 1");
    db.exec(
        "INSERT INTO unit (code, name, kind, created_at) VALUES ('FGW', '发改委', 'department', "
        "'x')");
  }
  Store store = Store::open(path, Access::read_only, StoreOptions{});
  CHECK(store.version_at_open() == 1);
  CHECK(store.connection().schema_version() == latest_schema_version());
  CHECK(test::sqlite_of(store).execAndGet("SELECT name FROM unit WHERE code = 'FGW'").getString() ==
        "发改委");
  CHECK(store.access() == Access::read_only);
  CHECK_THROWS(test::sqlite_of(store).exec("DELETE FROM unit"));
}

TEST_CASE("Store::write: an exception rolls back everything the work did", "[store]") {
  Store store = test::fresh_store();
  CHECK_THROWS_AS(store.write([&] {
    Statement(store,
              "INSERT INTO unit (code, name, kind, created_at) VALUES ('A', 'a', 'county', 'x')")
        .run();
    throw BadInput(MessageId::bad_date, {"x"});
  }),
                  BadInput);
  CHECK(Statement(store, "SELECT count(*) FROM unit").scalar_int64() == 0);
}

TEST_CASE("Store::write: a database locked by another writer fails after the busy timeout",
          "[store]") {
  test::TempDir dir;
  const auto path = dir / "locked.db";
  Store first = Store::open(path, Access::read_write, StoreOptions{50, 0600, true});
  Store second = Store::open(path, Access::read_write, StoreOptions{50, 0600, false});
  test::sqlite_of(first).exec("BEGIN IMMEDIATE");
  try {
    second.write([] {});
    FAIL("wrote while locked");
  } catch (const StoreError& error) {
    CHECK(std::string(error.what()).find("locked") != std::string::npos);
  }
  test::sqlite_of(first).exec("ROLLBACK");
}

TEST_CASE("latest_schema_version: PostgreSQL's migrations end at the same version", "[store]") {
  CHECK(latest_schema_version() == migrations(Engine::postgresql).back().version);
}

// Each command is a process of its own, which rebuilds the WAL's index from the whole file: a WAL
// that SQLite's auto-checkpoint left full grew by every command, and every write copied all of it
// into the database again (issue 15).
TEST_CASE("Store::open: a commit that leaves 200 WAL pages checkpoints and empties the WAL",
          "[store]") {
  test::TempDir dir;
  const auto path = dir / "long.db";
  for (int command = 0; command < 2; ++command) {
    Store store = Store::open(path, Access::read_write, StoreOptions{1000, 0600, true});
    store.write([&] {
      store.connection().execute(
          "CREATE TABLE IF NOT EXISTS probe (x BLOB); INSERT INTO probe VALUES "
          "(zeroblob(1000000))");
    });
    CHECK(std::filesystem::file_size(path.string() + "-wal") == 0);
  }
  Store reader = Store::open(path, Access::read_only, StoreOptions{});
  reader.read([&] { CHECK(Statement(reader, "SELECT count(*) FROM probe").scalar_int64() == 2); });
}

TEST_CASE("Store::open: commits are synced, and the WAL they are in outlives the connection",
          "[store]") {
  test::TempDir dir;
  const auto path = dir / "wal.db";
  {
    Store store = Store::open(path, Access::read_write, StoreOptions{1000, 0600, true});
    CHECK(test::sqlite_of(store).execAndGet("PRAGMA synchronous").getInt() == 2);  // FULL
    store.write([&] {
      store.connection().execute("CREATE TABLE probe (x INTEGER); INSERT INTO probe VALUES (42)");
    });
  }
  CHECK(std::filesystem::file_size(path.string() + "-wal") > 0);
  Store reader = Store::open(path, Access::read_only, StoreOptions{});
  reader.read([&] {
    Statement probe(reader, "SELECT x FROM probe");
    REQUIRE(probe.step());
    CHECK(probe.int64(0) == 42);
  });
}
