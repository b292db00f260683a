// SPDX-License-Identifier: MIT
// Runs one ent110 command as the ent110 program does and writes every SQL statement it runs on
// SQLite, with its bound values in place, to a file that `sqlite3` can run:
//   ent110_sql_trace OUT.sql ARG…   (ARG… as for ent110, e.g. --db F --at T show 2025-000001)
// bench/compare.sh times `sqlite3` running these statements beside ent110 doing the same work, so
// that the comparison follows the queries as they change. Statements run by triggers are left
// out: sqlite3 runs the triggers itself, and so are the full-text index's own.
#include "run.hpp"

#include <sqlite3.h>

#include <cstdio>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

namespace {

std::FILE* trace_file = nullptr;

int on_statement(unsigned, void*, void* statement, void* text) {
  const std::string_view sql = static_cast<const char*>(text);
  // A statement run by a trigger comes as a "-- TRIGGER name" comment, and the full-text index
  // runs its own on its shadow tables, always naming the schema 'main'; ent110 never does.
  if (sql.starts_with("--") || sql.find("'main'.") != std::string_view::npos) {
    return 0;
  }
  char* expanded = sqlite3_expanded_sql(static_cast<sqlite3_stmt*>(statement));
  if (expanded != nullptr) {
    // On a line of its own: the statement may end in a comment.
    std::fprintf(trace_file, "%s\n;\n", expanded);
    sqlite3_free(expanded);
  }
  return 0;
}

int trace_connection(sqlite3* db, const char**, const sqlite3_api_routines*) {
  sqlite3_trace_v2(db, SQLITE_TRACE_STMT, on_statement, nullptr);
  return SQLITE_OK;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: ent110_sql_trace OUT.sql ARG…\n";
    return 2;
  }
  trace_file = std::fopen(argv[1], "w");
  if (trace_file == nullptr) {
    std::cerr << "ent110_sql_trace: error: cannot write '" << argv[1] << "'\n";
    return 2;
  }
  // Every connection the process opens is traced from its start; void(*)(void) is the type
  // SQLite's API takes for any entry point.
  sqlite3_auto_extension(reinterpret_cast<void (*)()>(trace_connection));
  const int status =
      ent110::cli::run_main(std::vector<std::string>(argv + 2, argv + argc), std::cout, std::cerr);
  std::fclose(trace_file);
  return status;
}
