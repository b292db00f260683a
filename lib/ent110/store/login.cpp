// SPDX-License-Identifier: MIT
#include <ent110/store/login.hpp>
#include <ent110/store/statement.hpp>

namespace ent110 {

std::optional<std::string> database_login(Store& store) {
  if (store.engine() != Engine::postgresql) {
    return std::nullopt;
  }
  return Statement(store, "SELECT session_user").scalar_text();
}

bool login_owns_database(Store& store) {
  if (store.engine() != Engine::postgresql) {
    return true;
  }
  return Statement(store,
                   "SELECT CASE WHEN pg_has_role(session_user, c.relowner, 'MEMBER') THEN 1 ELSE 0 "
                   "END FROM pg_class AS c WHERE c.oid = to_regclass('case_event')")
             .scalar_int64() == 1;
}

void grant_database_login(Store& store, std::string_view login, std::string_view group) {
  if (store.engine() != Engine::postgresql) {
    return;
  }
  // Schema 011's function, which makes roles with the database owner's rights.
  Statement(store, "SELECT ent110_grant_login(?, ?)").bind(1, login).bind(2, group).run();
}

}  // namespace ent110
