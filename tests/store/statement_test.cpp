// SPDX-License-Identifier: MIT
#include <ent110/core/error.hpp>
#include <ent110/store/statement.hpp>
#include <ent110/store/store.hpp>

#include <catch2/catch.hpp>

using namespace ent110;

namespace {

Store store_with_table() {
  Store store = Store::open_in_memory();
  Statement(store,
            "CREATE TABLE probe (id INTEGER PRIMARY KEY, label TEXT NOT NULL CHECK (label <> ''), "
            "amount INTEGER, share REAL, note TEXT)")
      .run();
  return store;
}

}  // namespace

TEST_CASE("Statement: each bound type reads back as itself and compares as itself",
          "[store][statement]") {
  Store store = store_with_table();
  Statement insert(
      store, "INSERT INTO probe (label, amount, share, note) VALUES (?, ?, ?, ?) RETURNING id");
  REQUIRE(insert.bind(1, std::string_view("退税"))
              .bind(2, 9'000'000'000LL)
              .bind(3, 0.25)
              .bind(4, std::nullopt)
              .step());
  const std::int64_t id = insert.int64(0);

  // A text parameter must match a text column: bound as a BLOB it would not.
  Statement read(store, "SELECT id, amount, share, note, label FROM probe WHERE label = ?");
  read.bind(1, "退税");
  REQUIRE(read.step());
  CHECK(read.int64(0) == id);
  CHECK(read.int64(1) == 9'000'000'000LL);
  CHECK(read.real(2) == 0.25);
  CHECK(read.is_null(3));
  CHECK(read.optional_text(3) == std::nullopt);
  CHECK(read.text(4) == "退税");
  CHECK(read.column_name(4) == "label");
  CHECK_THROWS_AS(read.int32(1) == 0, StoreError);  // 9e9 does not fit an int
  CHECK_FALSE(read.step());
  CHECK_THROWS_AS(read.text(0), StoreError);  // no row: an ent110 error, never the engine's
}

TEST_CASE("Statement: run() counts the rows changed and reset() runs again with the same bindings",
          "[store][statement]") {
  Store store = store_with_table();
  Statement insert(store, "INSERT INTO probe (label, amount) VALUES (?, 1)");
  insert.bind(1, "a");
  CHECK(insert.run() == 1);
  insert.reset();
  CHECK(insert.run() == 1);
  CHECK(Statement(store, "UPDATE probe SET amount = 2 WHERE label = ?").bind(1, "a").run() == 2);
  CHECK(Statement(store, "SELECT count(*) FROM probe").scalar_int64() == 2);
  CHECK_THROWS_AS(Statement(store, "SELECT label FROM probe WHERE amount = 3").scalar_text(),
                  StoreError);
}

TEST_CASE("Statement: engine errors leave as ent110 errors with the contract's exit codes",
          "[store][statement]") {
  Store store = store_with_table();
  try {
    Statement(store, "INSERT INTO probe (label) VALUES ('')").run();
    FAIL("the CHECK constraint did not refuse");
  } catch (const BadInput& refused) {
    CHECK(refused.exit_code() == ExitCode::bad_input);
    CHECK(std::string(refused.what()).find("CHECK") != std::string::npos);
  }
  CHECK_THROWS_AS(Statement(store, "SELECT nothing FROM nowhere"), StoreError);
}

TEST_CASE("Store::write: a throw rolls back, a nested write undoes only its own part",
          "[store][statement]") {
  Store store = store_with_table();
  CHECK_THROWS_AS(store.write([&] {
    Statement(store, "INSERT INTO probe (label) VALUES ('lost')").run();
    throw Refused(MessageId::db_busy, {"x", "1"});
  }),
                  Refused);
  store.write([&] {
    Statement(store, "INSERT INTO probe (label) VALUES ('kept')").run();
    CHECK_THROWS_AS(store.write([&] {
      Statement(store, "INSERT INTO probe (label) VALUES ('undone')").run();
      Statement(store, "INSERT INTO probe (label) VALUES ('')").run();
    }),
                    BadInput);
  });
  Statement labels(store, "SELECT label FROM probe ORDER BY id");
  std::vector<std::string> stored;
  while (labels.step()) {
    stored.push_back(labels.text(0));
  }
  CHECK(stored == std::vector<std::string>{"kept"});
}
