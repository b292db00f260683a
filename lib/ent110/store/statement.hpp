// SPDX-License-Identifier: MIT
// A statement on the store's database, for the repositories (lib/ent110/store and the *_repo
// files). Every engine error it meets leaves as an ent110 error (StoreError, exit 6; a refused
// value BadInput, exit 5), so no caller catches engine exceptions.
#pragma once

#include <concepts>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace ent110 {

class Store;
class PreparedStatement;

class Statement {
 public:
  /// Prepares `sql`, written once for both engines: `?` or `?NNN` placeholders, SQL that SQLite
  /// and PostgreSQL both accept (dialect.hpp has the few spellings that differ).
  Statement(Store& store, std::string_view sql);
  Statement(Statement&&) noexcept;
  Statement& operator=(Statement&&) noexcept;
  ~Statement();

  Statement& bind(int index, std::int64_t value);
  /// Any other integer type (int, long long, std::size_t …) binds as a 64-bit integer.
  template <std::integral T>
  requires(!std::same_as<T, bool>) Statement& bind(int index, T value) {
    return bind(index, static_cast<std::int64_t>(value));
  }
  Statement& bind(int index, double value);
  Statement& bind(int index, std::string_view value);
  Statement& bind(int index, const std::string& value) {
    return bind(index, std::string_view(value));
  }
  Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
  Statement& bind(int index, std::nullopt_t);
  Statement& bind(int index, bool value) = delete;  // store flags as 0 or 1 explicitly
  template <typename T>
  Statement& bind(int index, const std::optional<T>& value) {
    return value ? bind(index, *value) : bind(index, std::nullopt);
  }

  /// Runs up to the next row; false when there is none.
  bool step();
  /// Runs to the end; returns the rows changed.
  std::int64_t run();
  /// Makes the statement runnable again, keeping its bindings.
  void reset();

  int column_count() const;
  std::string column_name(int column) const;
  bool is_null(int column) const;
  std::int64_t int64(int column) const;
  /// int64 narrowed; a stored value outside int's range is a damaged database (StoreError).
  int int32(int column) const;
  double real(int column) const;
  std::string text(int column) const;
  std::optional<std::string> optional_text(int column) const;
  std::optional<std::int64_t> optional_int64(int column) const;

  /// Steps once and returns column 0 of the row, leaving the statement finished (reset);
  /// StoreError when there is no row.
  std::int64_t scalar_int64();
  std::string scalar_text();

 private:
  [[noreturn]] void fail() const;
  /// Hands the prepared statement back to the store for reuse (StatementReuse), if it keeps any.
  void give_back() noexcept;

  Store* m_store;
  std::unique_ptr<PreparedStatement> m_prepared;
  std::string m_sql;  ///< kept only while the store reuses statements (StatementReuse)
};

}  // namespace ent110
