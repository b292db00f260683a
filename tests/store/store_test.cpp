// SPDX-License-Identifier: MIT
#include "support/test_support.hpp"

#include <ent110/core/error.hpp>
#include <ent110/core/interrupt.hpp>
#include <ent110/store/chain_hash.hpp>
#include <ent110/store/migrate.hpp>
#include <ent110/store/statement.hpp>
#include <ent110/store/store.hpp>

#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>
#include <sys/stat.h>

using namespace ent110;

namespace {

std::string bytes_of(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

unsigned mode_of(const std::filesystem::path& path) {
  struct stat status {};
  REQUIRE(::stat(path.c_str(), &status) == 0);
  return status.st_mode & 07777;
}

}  // namespace

TEST_CASE("Store::open: a foreign SQLite file is refused, byte for byte unchanged (issue 11)",
          "[store][regression]") {
  test::TempDir dir;
  const auto path = dir / "foreign.db";
  {
    SQLite::Database db(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec("CREATE TABLE notes (text); INSERT INTO notes VALUES ('mine')");
  }
  const std::string before = bytes_of(path);
  for (const bool create : {false, true}) {
    for (Access access : {Access::read_only, Access::read_write}) {
      CHECK_THROWS_WITH(Store::open(path, access, StoreOptions{1000, 0600, create}),
                        Catch::Contains("is an SQLite database but not an ent110 one"));
    }
  }
  CHECK(bytes_of(path) == before);
}

TEST_CASE("Store::open: an empty file is set up by init only (issue 11)", "[store][regression]") {
  test::TempDir dir;
  const auto path = dir / "empty.db";
  std::ofstream{path};
  for (Access access : {Access::read_only, Access::read_write}) {
    CHECK_THROWS_AS(Store::open(path, access, StoreOptions{}), StoreError);
  }
  CHECK(std::filesystem::file_size(path) == 0);
  Store store = Store::open(path, Access::read_write, StoreOptions{1000, 0600, true});
  CHECK(test::sqlite_of(store).execAndGet("PRAGMA application_id").getInt() == k_application_id);
}

TEST_CASE("Store::open: a database from before schema 009 opens and gets the application id",
          "[store][regression]") {
  test::TempDir dir;
  const auto path = dir / "old.db";
  {
    SQLite::Database db(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    register_chain_hash_function(db);
    for (const Migration& migration : migrations()) {
      if (migration.version < 9) {
        db.exec(migration.sql);
      }
    }
    db.exec("PRAGMA user_version = 8");
  }
  Store store = Store::open(path, Access::read_only, StoreOptions{});
  CHECK(store.version_at_open() == 8);
  CHECK(test::sqlite_of(store).execAndGet("PRAGMA application_id").getInt() == k_application_id);
}

TEST_CASE("Store::open: directories it creates are 0700 whatever the umask (issue 11)",
          "[store][regression]") {
  test::TempDir dir;
  const mode_t old_umask = ::umask(0);
  Store store =
      Store::open(dir / "a" / "b" / "x.db", Access::read_write, StoreOptions{1000, 0600, true});
  ::umask(old_umask);
  CHECK(mode_of(dir / "a") == 0700);
  CHECK(mode_of(dir / "a" / "b") == 0700);
  CHECK(store.file_mode() == 0600);
}

TEST_CASE("world_accessible: bits for others only", "[store]") {
  CHECK(world_accessible(0666));
  CHECK(world_accessible(0604));
  CHECK_FALSE(world_accessible(0600));
  CHECK_FALSE(world_accessible(0640));
}

TEST_CASE("Store::write: a CHECK failure is bad input that never quotes SQLite (issue 11)",
          "[store][regression]") {
  Store store = test::fresh_store();
  Statement(store, "CREATE TEMP TABLE positive (n INTEGER CHECK (n > 0))").run();
  try {
    store.write([&] { Statement(store, "INSERT INTO positive VALUES (-1)").run(); });
    FAIL("inserted");
  } catch (const BadInput& error) {
    const std::string what = error.what();
    CHECK(what == "database '" + store.path() +
                      "' refused a value (CHECK constraint); nothing was changed; "
                      "check the dates and numbers given");
  }
  CHECK(Statement(store, "SELECT count(*) FROM positive").scalar_int64() == 0);
}

TEST_CASE("Store::write: its commit marks the run as committing", "[store][interrupt]") {
  Store store = test::fresh_store();
  store.write([] {});
  CHECK(committing());
}

TEST_CASE("Store::write: a COMMIT that fails leaves the run interruptible again",
          "[store][interrupt]") {
  // SQLite checks deferred foreign keys at COMMIT: the one way to make a COMMIT itself fail.
  Store store = Store::open_in_memory();
  CHECK_THROWS_AS(store.write([&] {
    Statement(store, "PRAGMA defer_foreign_keys = ON").run();
    Statement(store,
              "INSERT INTO \"user\" (login, unit, role, created_at) "
              "VALUES ('ghost', 'NOWHERE', 'unit', '2025-01-01T00:00:00Z')")
        .run();
  }),
                  BadInput);
  CHECK_FALSE(committing());
  CHECK(Statement(store, "SELECT count(*) FROM \"user\"").scalar_int64() == 0);
}
