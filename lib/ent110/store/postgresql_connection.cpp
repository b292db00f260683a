// SPDX-License-Identifier: MIT
#include <ent110/store/migrate.hpp>
#include <ent110/store/postgresql_connection.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <dlfcn.h>
#include <libpq-fe.h>
#include <limits>
#include <optional>
#include <utility>

namespace ent110 {
namespace {

// libpq, and the twenty libraries it needs (Kerberos, LDAP, GnuTLS …), are loaded when a
// PostgreSQL database is first opened: linked, they cost every command, on SQLite too, a third
// of its start-up in the dynamic loader.
struct Libpq {
  decltype(&::PQclear) PQclear;
  decltype(&::PQcmdTuples) PQcmdTuples;
  decltype(&::PQconnectdb) PQconnectdb;
  decltype(&::PQdescribePrepared) PQdescribePrepared;
  decltype(&::PQerrorMessage) PQerrorMessage;
  decltype(&::PQexec) PQexec;
  decltype(&::PQexecPrepared) PQexecPrepared;
  decltype(&::PQfinish) PQfinish;
  decltype(&::PQfname) PQfname;
  decltype(&::PQgetisnull) PQgetisnull;
  decltype(&::PQgetlength) PQgetlength;
  decltype(&::PQgetvalue) PQgetvalue;
  decltype(&::PQnfields) PQnfields;
  decltype(&::PQntuples) PQntuples;
  decltype(&::PQprepare) PQprepare;
  decltype(&::PQresultErrorField) PQresultErrorField;
  decltype(&::PQresultStatus) PQresultStatus;
  decltype(&::PQsetNoticeProcessor) PQsetNoticeProcessor;
  decltype(&::PQstatus) PQstatus;
  decltype(&::PQtransactionStatus) PQtransactionStatus;
};

template <typename Function>
Function symbol(void* handle, const char* name) {
  void* address = ::dlsym(handle, name);
  if (address == nullptr) {
    throw DatabaseFailure(DatabaseFailure::Kind::other, "08001", ::dlerror());
  }
  return reinterpret_cast<Function>(address);
}

Libpq load_libpq() {
  void* handle = ::dlopen("libpq.so.5", RTLD_NOW | RTLD_LOCAL);
  if (handle == nullptr) {
    throw DatabaseFailure(DatabaseFailure::Kind::other, "08001", ::dlerror());
  }
  Libpq api{};
  api.PQclear = symbol<decltype(&::PQclear)>(handle, "PQclear");
  api.PQcmdTuples = symbol<decltype(&::PQcmdTuples)>(handle, "PQcmdTuples");
  api.PQconnectdb = symbol<decltype(&::PQconnectdb)>(handle, "PQconnectdb");
  api.PQdescribePrepared = symbol<decltype(&::PQdescribePrepared)>(handle, "PQdescribePrepared");
  api.PQerrorMessage = symbol<decltype(&::PQerrorMessage)>(handle, "PQerrorMessage");
  api.PQexec = symbol<decltype(&::PQexec)>(handle, "PQexec");
  api.PQexecPrepared = symbol<decltype(&::PQexecPrepared)>(handle, "PQexecPrepared");
  api.PQfinish = symbol<decltype(&::PQfinish)>(handle, "PQfinish");
  api.PQfname = symbol<decltype(&::PQfname)>(handle, "PQfname");
  api.PQgetisnull = symbol<decltype(&::PQgetisnull)>(handle, "PQgetisnull");
  api.PQgetlength = symbol<decltype(&::PQgetlength)>(handle, "PQgetlength");
  api.PQgetvalue = symbol<decltype(&::PQgetvalue)>(handle, "PQgetvalue");
  api.PQnfields = symbol<decltype(&::PQnfields)>(handle, "PQnfields");
  api.PQntuples = symbol<decltype(&::PQntuples)>(handle, "PQntuples");
  api.PQprepare = symbol<decltype(&::PQprepare)>(handle, "PQprepare");
  api.PQresultErrorField = symbol<decltype(&::PQresultErrorField)>(handle, "PQresultErrorField");
  api.PQresultStatus = symbol<decltype(&::PQresultStatus)>(handle, "PQresultStatus");
  api.PQsetNoticeProcessor =
      symbol<decltype(&::PQsetNoticeProcessor)>(handle, "PQsetNoticeProcessor");
  api.PQstatus = symbol<decltype(&::PQstatus)>(handle, "PQstatus");
  api.PQtransactionStatus = symbol<decltype(&::PQtransactionStatus)>(handle, "PQtransactionStatus");
  return api;
}

const Libpq& libpq() {
  static const Libpq k_api = load_libpq();
  return k_api;
}

}  // namespace
namespace {

using Kind = DatabaseFailure::Kind;

// A failure's detail is a fixed text per SQLSTATE class: PostgreSQL's own message can quote the
// values and the statement.
std::string_view class_description(std::string_view state) {
  static constexpr std::pair<std::string_view, std::string_view> k_classes[] = {
      {"0A", "feature not supported"},
      {"21", "cardinality violation"},
      {"22", "data exception"},
      {"25", "invalid transaction state"},
      {"28", "invalid authorization"},
      {"3D", "invalid catalog name"},
      {"3F", "invalid schema name"},
      {"40", "transaction rollback"},
      {"42", "syntax error or access rule violation"},
      {"53", "insufficient resources"},
      {"54", "program limit exceeded"},
      {"55", "object not in prerequisite state"},
      {"57", "operator intervention"},
      {"58", "system error"},
      {"P0", "PL/pgSQL error"},
      {"XX", "internal error"},
  };
  for (const auto& [prefix, description] : k_classes) {
    if (state.starts_with(prefix)) {
      return description;
    }
  }
  return "database error";
}

// libpq's reason for a failed connection, without the hints on the lines after it.
std::string short_reason(const char* message) {
  std::string reason = message != nullptr ? message : "";
  reason = reason.substr(0, reason.find('\n'));
  return reason.empty() ? "connection failed" : reason;
}

std::string_view constraint_kind(std::string_view state) {
  if (state == "23514") {
    return "CHECK";
  }
  if (state == "23502") {
    return "NOT NULL";
  }
  if (state == "23505") {
    return "UNIQUE";
  }
  if (state == "23503") {
    return "FOREIGN KEY";
  }
  return "integrity";
}

DatabaseFailure failure_of(const PGresult* result, PGconn* connection) {
  const char* field =
      result != nullptr ? libpq().PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  if (field == nullptr) {
    // No SQLSTATE: libpq itself failed, most often because the connection is gone.
    return DatabaseFailure(Kind::other, "08006", short_reason(libpq().PQerrorMessage(connection)));
  }
  const std::string state = field;
  const std::string description(class_description(state));
  if (state == "40001" || state == "40P01") {
    return DatabaseFailure(Kind::serialization, state, description);
  }
  if (state == "55P03" || state == "57014") {
    return DatabaseFailure(Kind::busy, state, description);
  }
  if (state.starts_with("23")) {
    return DatabaseFailure(Kind::constraint, state, std::string(constraint_kind(state)));
  }
  if (state == "53100") {
    return DatabaseFailure(Kind::full, state, description);
  }
  if (state == "42501") {
    return DatabaseFailure(Kind::not_permitted, state, description);
  }
  if (state == "25006") {
    return DatabaseFailure(Kind::not_writable, state, description);
  }
  if (state.starts_with("08")) {
    return DatabaseFailure(Kind::other, state, short_reason(libpq().PQerrorMessage(connection)));
  }
  return DatabaseFailure(Kind::other, state, description);
}

DatabaseFailure out_of_range(int index) {
  return DatabaseFailure(Kind::other, "range",
                         "parameter or column " + std::to_string(index) + " out of range");
}

// Owns a PGresult.
struct Result {
  explicit Result(PGresult* result = nullptr) : get(result) {}
  Result(Result&& other) noexcept : get(std::exchange(other.get, nullptr)) {}
  Result& operator=(Result&& other) noexcept {
    std::swap(get, other.get);
    return *this;
  }
  ~Result() { libpq().PQclear(get); }
  PGresult* get;
};

// `result` when it succeeded; its failure otherwise.
Result checked(PGresult* raw, PGconn* connection) {
  Result result(raw);
  const ExecStatusType status = libpq().PQresultStatus(raw);
  if (raw == nullptr ||
      (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK && status != PGRES_EMPTY_QUERY)) {
    throw failure_of(raw, connection);
  }
  return result;
}

double real_of(std::string_view text) {
  double value = 0;
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

std::int64_t integer_of(std::string_view text) {
  // A boolean result (a comparison PostgreSQL did not turn into a number) reads as SQLite's 1/0.
  if (text == "t") {
    return 1;
  }
  if (text == "f") {
    return 0;
  }
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error == std::errc() && end == text.data() + text.size()) {
    return value;
  }
  // A numeric or real reads as SQLite reads a real as an integer: truncated, clamped.
  const double real = std::trunc(real_of(text));
  if (std::isnan(real)) {
    return 0;
  }
  if (real <= static_cast<double>(std::numeric_limits<std::int64_t>::min())) {
    return std::numeric_limits<std::int64_t>::min();
  }
  if (real >= static_cast<double>(std::numeric_limits<std::int64_t>::max())) {
    return std::numeric_limits<std::int64_t>::max();
  }
  return static_cast<std::int64_t>(real);
}

class PostgresqlStatement final : public PreparedStatement {
 public:
  PostgresqlStatement(PostgresqlConnection& owner,
                      PGconn* connection,
                      std::string name,
                      std::string_view sql)
      : m_owner(owner), m_connection(connection), m_name(std::move(name)) {
    int parameters = 0;
    const std::string translated = postgresql_placeholders(sql, parameters);
    checked(libpq().PQprepare(m_connection, m_name.c_str(), translated.c_str(), 0, nullptr),
            m_connection);
    m_values.resize(static_cast<std::size_t>(parameters));
  }
  ~PostgresqlStatement() override { m_owner.deallocate(m_name); }
  PostgresqlStatement(const PostgresqlStatement&) = delete;
  PostgresqlStatement& operator=(const PostgresqlStatement&) = delete;

  void bind_null(int index) override { value(index).reset(); }
  void bind_integer(int index, std::int64_t integer) override {
    value(index) = std::to_string(integer);
  }
  void bind_real(int index, double real) override {
    char buffer[32];
    const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, real);
    value(index) = std::string(buffer, error == std::errc() ? end : buffer);
  }
  void bind_text(int index, std::string_view text) override { value(index) = std::string(text); }

  bool step() override {
    if (!m_executed) {
      execute();
    }
    if (m_row < libpq().PQntuples(m_result.get)) {
      ++m_row;
    }
    return m_row < libpq().PQntuples(m_result.get);
  }
  std::int64_t changes() const override { return m_changes; }
  void reset() override {
    m_result = Result();
    m_executed = false;
    m_row = -1;
  }
  void clear_bindings() override {
    for (std::optional<std::string>& value : m_values) {
      value.reset();
    }
  }
  int column_count() const override {
    if (m_result.get != nullptr) {
      return libpq().PQnfields(m_result.get);
    }
    const Result description =
        checked(libpq().PQdescribePrepared(m_connection, m_name.c_str()), m_connection);
    return libpq().PQnfields(description.get);
  }
  std::string column_name(int column) const override {
    if (m_result.get == nullptr || column < 0 || column >= libpq().PQnfields(m_result.get)) {
      throw out_of_range(column);
    }
    return libpq().PQfname(m_result.get, column);
  }
  bool is_null(int column) const override {
    return libpq().PQgetisnull(m_result.get, current_row(column), column) == 1;
  }
  std::int64_t integer(int column) const override { return integer_of(field(column)); }
  double real(int column) const override { return real_of(field(column)); }
  std::string text(int column) const override { return std::string(field(column)); }

 private:
  std::optional<std::string>& value(int index) {
    if (index < 1 || index > static_cast<int>(m_values.size())) {
      throw out_of_range(index);
    }
    return m_values[static_cast<std::size_t>(index - 1)];
  }

  void execute() {
    std::vector<const char*> values;
    values.reserve(m_values.size());
    for (const std::optional<std::string>& value : m_values) {
      values.push_back(value ? value->c_str() : nullptr);
    }
    m_result = checked(
        libpq().PQexecPrepared(m_connection, m_name.c_str(), static_cast<int>(values.size()),
                               values.data(), nullptr, nullptr, 0),
        m_connection);
    m_executed = true;
    m_row = -1;
    std::from_chars(libpq().PQcmdTuples(m_result.get), libpq().PQcmdTuples(m_result.get) + 20,
                    m_changes);
  }

  int current_row(int column) const {
    if (m_result.get == nullptr || m_row < 0 || m_row >= libpq().PQntuples(m_result.get) ||
        column < 0 || column >= libpq().PQnfields(m_result.get)) {
      throw out_of_range(column);
    }
    return m_row;
  }

  std::string_view field(int column) const {
    const int row = current_row(column);
    return std::string_view(
        libpq().PQgetvalue(m_result.get, row, column),
        static_cast<std::size_t>(libpq().PQgetlength(m_result.get, row, column)));
  }

  PostgresqlConnection& m_owner;
  PGconn* m_connection;
  std::string m_name;
  std::vector<std::optional<std::string>> m_values;
  Result m_result;
  bool m_executed = false;
  int m_row = -1;
  std::int64_t m_changes = 0;
};

}  // namespace

std::string postgresql_placeholders(std::string_view sql, int& parameters) {
  std::string out;
  out.reserve(sql.size() + 16);
  parameters = 0;
  std::size_t i = 0;
  const auto copy_until = [&](std::size_t end) {
    end = std::min(end, sql.size());
    out.append(sql.substr(i, end - i));
    i = end;
  };
  while (i < sql.size()) {
    const char c = sql[i];
    const char next = i + 1 < sql.size() ? sql[i + 1] : '\0';
    if (c == '\'' || c == '"') {
      // A literal or quoted identifier runs to its closing quote; a doubled quote is part of it.
      std::size_t end = i + 1;
      while (end < sql.size() && !(sql[end] == c && (end + 1 >= sql.size() || sql[end + 1] != c))) {
        end += sql[end] == c ? 2 : 1;
      }
      copy_until(end + 1);
    } else if (c == '-' && next == '-') {
      copy_until(sql.find('\n', i));
    } else if (c == '/' && next == '*') {
      const std::size_t close = sql.find("*/", i + 2);
      copy_until(close == std::string_view::npos ? sql.size() : close + 2);
    } else if (c == '?') {
      std::size_t end = i + 1;
      while (end < sql.size() && sql[end] >= '0' && sql[end] <= '9') {
        ++end;
      }
      int number = parameters + 1;  // SQLite numbers a bare `?` after the highest so far
      if (end > i + 1) {
        std::from_chars(sql.data() + i + 1, sql.data() + end, number);
      }
      parameters = std::max(parameters, number);
      out += '$';
      out += std::to_string(number);
      i = end;
    } else {
      out += c;
      ++i;
    }
  }
  return out;
}

PostgresqlConnection::PostgresqlConnection(const std::string& uri)
    : m_connection(libpq().PQconnectdb(uri.c_str())) {
  if (m_connection == nullptr || libpq().PQstatus(m_connection) != CONNECTION_OK) {
    const std::string reason =
        short_reason(m_connection != nullptr ? libpq().PQerrorMessage(m_connection) : nullptr);
    libpq().PQfinish(m_connection);
    throw DatabaseFailure(Kind::other, "08001", reason);
  }
  // Notices (an IF NOT EXISTS that found the object …) are not for the user's terminal.
  libpq().PQsetNoticeProcessor(
      m_connection, [](void*, const char*) {}, nullptr);
  try {
    execute("SET client_encoding = 'UTF8'; SET client_min_messages = warning");
  } catch (...) {
    libpq().PQfinish(m_connection);
    throw;
  }
}

PostgresqlConnection::~PostgresqlConnection() {
  libpq().PQfinish(m_connection);
}

std::unique_ptr<PreparedStatement> PostgresqlConnection::prepare(std::string_view sql) {
  return std::make_unique<PostgresqlStatement>(
      *this, m_connection, "ent110_" + std::to_string(++m_statements_prepared), sql);
}

void PostgresqlConnection::execute(std::string_view script) {
  checked(libpq().PQexec(m_connection, std::string(script).c_str()), m_connection);
}

void PostgresqlConnection::begin_write() {
  // One writer at a time, as SQLite's BEGIN IMMEDIATE: every write appends to the one ledger, so
  // two writers would only ever race for its head. The lock is taken before anything is read, and
  // under READ COMMITTED each later statement sees what the previous holder committed, so no
  // writer acts on a state another has already changed. Readers are never blocked. The key is
  // ent110's application id ("E110"); PostgreSQL keeps advisory locks per database.
  execute("BEGIN ISOLATION LEVEL READ COMMITTED");
  try {
    execute("SELECT pg_advisory_xact_lock(" + std::to_string(k_application_id) + ")");
  } catch (...) {
    // Waited past lock_timeout: no transaction is left open, as after SQLite's failed BEGIN
    // IMMEDIATE, so the connection serves the next command.
    rollback();
    throw;
  }
}

void PostgresqlConnection::begin_read() {
  // REPEATABLE READ is one snapshot for the whole transaction; READ ONLY takes no row locks.
  execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
}

void PostgresqlConnection::commit() {
  // PostgreSQL answers COMMIT of a transaction that an error aborted with a silent ROLLBACK.
  if (libpq().PQtransactionStatus(m_connection) == PQTRANS_INERROR) {
    throw DatabaseFailure(Kind::other, "25P02", "the transaction was aborted by an earlier error");
  }
  execute("COMMIT");
  deallocate_pending();
}

void PostgresqlConnection::rollback() {
  if (in_transaction()) {
    execute("ROLLBACK");
  }
  deallocate_pending();
}

bool PostgresqlConnection::in_transaction() const {
  return libpq().PQtransactionStatus(m_connection) != PQTRANS_IDLE;
}

int PostgresqlConnection::schema_version() {
  const Result exists =
      checked(libpq().PQexec(m_connection, "SELECT to_regclass('ent110_schema') IS NOT NULL"),
              m_connection);
  if (std::string_view(libpq().PQgetvalue(exists.get, 0, 0)) != "t") {
    return 0;
  }
  const Result version =
      checked(libpq().PQexec(m_connection,
                             "SELECT version FROM ent110_schema WHERE application = 'ent110'"),
              m_connection);
  return libpq().PQntuples(version.get) == 0
             ? 0
             : static_cast<int>(integer_of(libpq().PQgetvalue(version.get, 0, 0)));
}

void PostgresqlConnection::set_schema_version(int version) {
  execute("INSERT INTO ent110_schema (application, version) VALUES ('ent110', " +
          std::to_string(version) +
          ") ON CONFLICT (application) DO UPDATE SET version = excluded.version");
}

bool PostgresqlConnection::is_foreign_database() {
  const Result tables =
      checked(libpq().PQexec(
                  m_connection,
                  "SELECT CASE WHEN to_regclass('ent110_schema') IS NULL AND EXISTS (SELECT 1 FROM "
                  "pg_catalog.pg_class AS c JOIN pg_catalog.pg_namespace AS n ON n.oid = "
                  "c.relnamespace WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND n.nspname = ANY "
                  "(current_schemas(false))) THEN 1 ELSE 0 END"),
              m_connection);
  return std::string_view(libpq().PQgetvalue(tables.get, 0, 0)) == "1";
}

void PostgresqlConnection::deallocate(const std::string& name) {
  m_pending_deallocations.push_back(name);
  deallocate_pending();
}

void PostgresqlConnection::deallocate_pending() {
  // One round trip per batch rather than one per statement; a session keeps at most a batch of
  // statements nobody uses any more.
  constexpr std::size_t k_batch = 32;
  if (m_pending_deallocations.size() < k_batch ||
      libpq().PQtransactionStatus(m_connection) == PQTRANS_INERROR) {
    return;
  }
  std::string script;
  for (const std::string& name : m_pending_deallocations) {
    script += "DEALLOCATE " + name + ";";  // our own names ("ent110_N"): nothing to quote
  }
  // A failure here (the connection is gone) leaves statements behind in a session that is
  // ending anyway.
  libpq().PQclear(libpq().PQexec(m_connection, script.c_str()));
  m_pending_deallocations.clear();
}

}  // namespace ent110
