// SPDX-License-Identifier: MIT
#include "support/test_support.hpp"

#include <ent110/store/statement.hpp>
#include <ent110/store/table_copy.hpp>

#include <catch2/catch.hpp>

#include <set>

using namespace ent110;

TEST_CASE(
    "schema_tables: `copy` moves every table the migrations create, each after the tables "
    "it refers to",
    "[store][copy]") {
  Store store = test::fresh_store();
  // ent110_schema is PostgreSQL's schema-version row, written by the migrations themselves.
  // SQLite's search index (a virtual table, its shadow tables and the cases waiting for it,
  // case_search*) is filled as the cases arrive, so it is not copied.
  Statement tables(store, store.engine() == Engine::sqlite
                              ? "SELECT name FROM pragma_table_list WHERE type = 'table' "
                                "AND schema = 'main' AND name NOT LIKE 'sqlite_%' "
                                "AND name NOT LIKE 'case_search%'"
                              : "SELECT table_name FROM information_schema.tables "
                                "WHERE table_schema = current_schema() "
                                "AND table_type = 'BASE TABLE' AND table_name <> 'ent110_schema'");
  std::set<std::string> created;
  while (tables.step()) {
    created.insert(tables.text(0));
  }
  const std::vector<std::string>& listed = schema_tables();
  CHECK(std::set<std::string>(listed.begin(), listed.end()) == created);

  if (store.engine() == Engine::sqlite) {
    for (std::size_t i = 0; i < listed.size(); ++i) {
      Statement references(store, "SELECT DISTINCT \"table\" FROM pragma_foreign_key_list(?)");
      references.bind(1, listed[i]);
      while (references.step()) {
        const std::string referred = references.text(0);
        const auto at = std::find(listed.begin(), listed.end(), referred);
        INFO(listed[i] << " refers to " << referred);
        // A case's reference to another case (merged_into) is checked at commit.
        CHECK(at - listed.begin() <= static_cast<std::ptrdiff_t>(i));
      }
    }
  }
}
