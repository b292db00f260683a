// SPDX-License-Identifier: MIT
#include <ent110/core/error.hpp>
#include <ent110/registry/unit_repo.hpp>
#include <ent110/registry/user_repo.hpp>
#include <ent110/registry/users.hpp>
#include <ent110/store/login.hpp>
#include <ent110/util/enum_names.hpp>

#include <array>
#include <regex>

namespace ent110 {
namespace {

constexpr std::array k_roles = {
    std::pair{Role::office, "office"},
    std::pair{Role::unit, "unit"},
    std::pair{Role::viewer, "viewer"},
};

}  // namespace

std::string_view to_string(Role role) {
  return name_of(k_roles, role);
}
std::optional<Role> parse_role(std::string_view text) {
  return value_of(k_roles, text);
}
std::vector<std::string> role_names() {
  return names_of(k_roles);
}

std::string_view database_group(Role role) {
  switch (role) {
    case Role::office:
      return "ent110_office";
    case Role::unit:
      return "ent110_unit";
    case Role::viewer:
      break;
  }
  return "ent110_viewer";
}

void add_user(Store& store, const User& user, const Actor& actor, Instant now) {
  static const std::regex k_login("[A-Za-z0-9._@-]{1,64}");
  if (!std::regex_match(user.login, k_login)) {
    throw UsageError(MessageId::login_invalid, {user.login});
  }
  const Unit unit = get_unit(store, user.unit);
  if (user.role == Role::office && unit.kind != UnitKind::office) {
    throw Refused(MessageId::user_office_role_unit, {user.login, unit.code});
  }
  if (user.role == Role::unit && !is_member_kind(unit.kind)) {
    throw Refused(MessageId::user_unit_role_unit, {user.login, unit.code});
  }
  if (find_user(store, user.login)) {
    throw BadInput(MessageId::user_exists, {user.login});
  }
  insert_user(store, user, actor, "user add", now);
  grant_database_login(store, user.login, database_group(user.role));
}

}  // namespace ent110
