// SPDX-License-Identifier: MIT
// The few SQL spellings that differ between SQLite and PostgreSQL, in one place. Everything else
// is written once: `?`/`?NNN` placeholders, INSERT … ON CONFLICT DO NOTHING, RETURNING, CAST,
// substr, coalesce, CASE (never a bare comparison as a result column: PostgreSQL returns a
// boolean there).
#pragma once

#include <ent110/store/database.hpp>

#include <string>
#include <string_view>

namespace ent110::dialect {

/// `sqlite` on SQLite, `postgresql` on PostgreSQL: for a fragment that has no common spelling.
/// Each use names the difference in a comment beside it.
constexpr std::string_view pick(Engine engine,
                                std::string_view sqlite,
                                std::string_view postgresql) {
  return engine == Engine::sqlite ? sqlite : postgresql;
}

/// Put before a column in a WHERE term to keep SQLite from using an index for that term (SQLite
/// reads a unary plus as "no index here"); PostgreSQL has no unary plus on text and its planner
/// weighs the indexes itself.
constexpr std::string_view sqlite_index_off(Engine engine) {
  return pick(engine, "+", "");
}

/// "INDEXED BY `index`" on SQLite, nothing on PostgreSQL, which takes no index hints (its
/// planner weighs the indexes itself).
inline std::string indexed_by(Engine engine, std::string_view index) {
  return engine == Engine::sqlite ? "INDEXED BY " + std::string(index) : std::string();
}

}  // namespace ent110::dialect
