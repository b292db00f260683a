// SPDX-License-Identifier: MIT
#include <ent110/core/error.hpp>
#include <ent110/store/statement.hpp>
#include <ent110/store/store.hpp>

#include <limits>

namespace ent110 {

Statement::Statement(Store& store, std::string_view sql) : m_store(&store) {
  if (store.m_reuse_depth > 0) {
    m_sql = sql;
    m_prepared = store.take_prepared(sql);
    if (m_prepared) {
      return;
    }
  }
  try {
    m_prepared = store.connection().prepare(sql);
  } catch (const DatabaseFailure& failure) {
    store.fail(failure);
  }
}

Statement::Statement(Statement&& other) noexcept
    : m_store(other.m_store),
      m_prepared(std::move(other.m_prepared)),
      m_sql(std::move(other.m_sql)) {}

Statement& Statement::operator=(Statement&& other) noexcept {
  if (this != &other) {
    give_back();
    m_store = other.m_store;
    m_prepared = std::move(other.m_prepared);
    m_sql = std::move(other.m_sql);
  }
  return *this;
}

Statement::~Statement() {
  give_back();
}

void Statement::give_back() noexcept {
  if (m_prepared && !m_sql.empty()) {
    m_store->keep_prepared(m_sql, std::move(m_prepared));
  }
}

// Each engine call goes through here: its failure leaves as the ent110 error for it.
#define ENT110_ENGINE_CALL(call)             \
  try {                                      \
    call;                                    \
  } catch (const DatabaseFailure& failure) { \
    m_store->fail(failure);                  \
  }

Statement& Statement::bind(int index, std::int64_t value) {
  ENT110_ENGINE_CALL(m_prepared->bind_integer(index, value));
  return *this;
}

Statement& Statement::bind(int index, double value) {
  ENT110_ENGINE_CALL(m_prepared->bind_real(index, value));
  return *this;
}

Statement& Statement::bind(int index, std::string_view value) {
  ENT110_ENGINE_CALL(m_prepared->bind_text(index, value));
  return *this;
}

Statement& Statement::bind(int index, std::nullopt_t) {
  ENT110_ENGINE_CALL(m_prepared->bind_null(index));
  return *this;
}

bool Statement::step() {
  ENT110_ENGINE_CALL(return m_prepared->step());
}

std::int64_t Statement::run() {
  ENT110_ENGINE_CALL(while (m_prepared->step()) {} return m_prepared->changes());
}

void Statement::reset() {
  ENT110_ENGINE_CALL(m_prepared->reset());
}

int Statement::column_count() const {
  return m_prepared->column_count();
}

std::string Statement::column_name(int column) const {
  return m_prepared->column_name(column);
}

bool Statement::is_null(int column) const {
  ENT110_ENGINE_CALL(return m_prepared->is_null(column));
}

std::int64_t Statement::int64(int column) const {
  ENT110_ENGINE_CALL(return m_prepared->integer(column));
}

int Statement::int32(int column) const {
  const std::int64_t value = int64(column);
  if (value < std::numeric_limits<int>::min() || value > std::numeric_limits<int>::max()) {
    throw StoreError(MessageId::db_failed, {m_store->path(), "range",
                                            "an integer column holds " + std::to_string(value)});
  }
  return static_cast<int>(value);
}

double Statement::real(int column) const {
  ENT110_ENGINE_CALL(return m_prepared->real(column));
}

std::string Statement::text(int column) const {
  ENT110_ENGINE_CALL(return m_prepared->text(column));
}

std::optional<std::string> Statement::optional_text(int column) const {
  return is_null(column) ? std::nullopt : std::optional<std::string>(text(column));
}

std::optional<std::int64_t> Statement::optional_int64(int column) const {
  return is_null(column) ? std::nullopt : std::optional<std::int64_t>(int64(column));
}

// The statement is finished before the value is returned: a statement left running (an INSERT …
// RETURNING read once) would keep SQLite from releasing the savepoint around it.
std::int64_t Statement::scalar_int64() {
  if (!step()) {
    fail();
  }
  const std::int64_t value = int64(0);
  reset();
  return value;
}

std::string Statement::scalar_text() {
  if (!step()) {
    fail();
  }
  std::string value = text(0);
  reset();
  return value;
}

void Statement::fail() const {
  throw StoreError(MessageId::db_failed, {m_store->path(), "no row", "a query returned no row"});
}

#undef ENT110_ENGINE_CALL

}  // namespace ent110
