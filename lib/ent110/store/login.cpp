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

}  // namespace ent110
