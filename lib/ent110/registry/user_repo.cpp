// SPDX-License-Identifier: MIT
// PostgreSQL reserves `user` (a bare `FROM user` reads the current login there), so the table is
// always named as the quoted identifier "user", which SQLite reads the same way.
#include <ent110/registry/user_repo.hpp>
#include <ent110/store/statement.hpp>

namespace ent110 {
namespace {

User user_from_row(const Statement& row) {
  return User{row.text(0), row.text(1), *parse_role(row.text(2))};
}

}  // namespace

std::vector<User> list_users(Store& store) {
  Statement query(store, R"(SELECT login, unit, role FROM "user" ORDER BY login)");
  std::vector<User> users;
  while (query.step()) {
    users.push_back(user_from_row(query));
  }
  return users;
}

std::optional<User> find_user(Store& store, std::string_view login) {
  Statement query(store, R"(SELECT login, unit, role FROM "user" WHERE login = ?)");
  query.bind(1, login);
  if (!query.step()) {
    return std::nullopt;
  }
  return user_from_row(query);
}

bool has_users(Store& store) {
  return Statement(store, R"(SELECT CASE WHEN EXISTS (SELECT 1 FROM "user") THEN 1 ELSE 0 END)")
             .scalar_int64() != 0;
}

void insert_user(
    Store& store, const User& user, const Actor& actor, std::string_view action, Instant now) {
  Statement(store, R"(INSERT INTO "user" (login, unit, role, created_at) VALUES (?, ?, ?, ?))")
      .bind(1, user.login)
      .bind(2, user.unit)
      .bind(3, to_string(user.role))
      .bind(4, format_utc(now))
      .run();
  record_change(store, actor, action, AuditSubject::user, user.login, std::nullopt, now);
}

}  // namespace ent110
