// SPDX-License-Identifier: MIT
#include <ent110/store/statement.hpp>
#include <ent110/store/table_copy.hpp>

#include <fmt/format.h>

#include <optional>

namespace ent110 {
namespace {

// Identifiers are double-quoted: `user` is a reserved word of PostgreSQL.
std::string sql_identifier(std::string_view identifier) {
  return fmt::format("\"{}\"", identifier);
}

}  // namespace

const std::vector<std::string>& schema_tables() {
  static const std::vector<std::string> k_tables = {"unit",
                                                    "user",
                                                    "enterprise",
                                                    "officer",
                                                    "project",
                                                    "assignment",
                                                    "calendar_revision",
                                                    "calendar_year",
                                                    "calendar_day",
                                                    "calendar_override",
                                                    "assessment_event",
                                                    "case_file",
                                                    "case_co_unit",
                                                    "case_clock",
                                                    "case_event",
                                                    "visit",
                                                    "audit_event"};
  return k_tables;
}

std::int64_t table_rows(Store& store, const std::string& table) {
  return Statement(store, "SELECT count(*) FROM " + sql_identifier(table)).scalar_int64();
}

// Every value travels as text and the target's column type takes it back (SQLite's STRICT
// tables and PostgreSQL both convert '42' into an integer column), so one loop serves every
// table on both engines.
std::int64_t copy_table(Store& source, Store& target, const std::string& table) {
  Statement rows(source, "SELECT * FROM " + sql_identifier(table) + " ORDER BY 1");
  std::optional<Statement> insert;
  std::int64_t copied = 0;
  while (rows.step()) {
    const int columns = rows.column_count();
    if (!insert) {
      std::string names;
      std::string placeholders;
      for (int column = 0; column < columns; ++column) {
        names += (column == 0 ? "" : ", ") + sql_identifier(rows.column_name(column));
        placeholders += column == 0 ? "?" : ", ?";
      }
      insert.emplace(target, fmt::format("INSERT INTO {} ({}) VALUES ({})", sql_identifier(table),
                                         names, placeholders));
    }
    for (int column = 0; column < columns; ++column) {
      if (rows.is_null(column)) {
        insert->bind(column + 1, std::nullopt);
      } else {
        insert->bind(column + 1, rows.text(column));
      }
    }
    insert->run();
    insert->reset();
    ++copied;
  }
  return copied;
}

// PostgreSQL's identity columns count on from their own sequence, which rows inserted with their
// ids did not advance.
void continue_identities(Store& target) {
  if (target.engine() != Engine::postgresql) {
    return;
  }
  try {
    target.connection().execute(R"sql(
DO $$
DECLARE c record;
BEGIN
  FOR c IN SELECT table_name, column_name FROM information_schema.columns
           WHERE table_schema = current_schema() AND is_identity = 'YES' LOOP
    EXECUTE format('SELECT setval(pg_get_serial_sequence(%L, %L), '
                   'coalesce((SELECT max(%I) FROM %I), 0) + 1, false)',
                   quote_ident(c.table_name), c.column_name, c.column_name, c.table_name);
  END LOOP;
END $$)sql");
  } catch (const DatabaseFailure& failure) {
    target.fail(failure);
  }
}

}  // namespace ent110
