// SPDX-License-Identifier: MIT
#include "app.hpp"
#include "commands.hpp"
#include "render/output.hpp"
#include "render/registry_json.hpp"
#include "session.hpp"

#include <ent110/registry/registry.hpp>

namespace ent110::cli {
namespace {

struct UserOptions {
  User user;
  std::string role;
};

int run_user_add(UserOptions& options, Session& s) {
  options.user.role = *parse_role(options.role);
  s.store().write([&] {
    add_user(s.store(), options.user, s.authorized(Duty::registers, "user add"), s.now());
  });
  if (s.json()) {
    emit_json(s, to_json(options.user));
  } else {
    s.out() << s.tr(MessageId::user_added, {options.user.login, options.user.unit, options.role})
            << '\n';
  }
  return 0;
}

int run_user_list(Session& s) {
  const std::vector<User> users = list_users(s.store());
  if (s.json()) {
    nlohmann::json list = nlohmann::json::array();
    for (const User& user : users) {
      list.push_back(to_json(user));
    }
    emit_json(s, {{"users", list}});
    return 0;
  }
  Table table(
      {{s.tr(MessageId::col_login)}, {s.tr(MessageId::col_unit)}, {s.tr(MessageId::col_role)}});
  for (const User& user : users) {
    table.add_row({user.login, user.unit, std::string(to_string(user.role))});
  }
  emit_table(s, table);
  return 0;
}

}  // namespace

void add_user(CLI::App& app, Invocation& inv, Lang lang) {
  auto options = std::make_shared<UserOptions>();
  CLI::App* user = app.add_subcommand("user", tr(lang, MessageId::cmd_user));
  user->require_subcommand(1);

  CLI::App* add = user->add_subcommand("add", tr(lang, MessageId::cmd_user_add));
  add->add_option("login", options->user.login, tr(lang, MessageId::opt_login))->required();
  add->add_option("--unit", options->user.unit, tr(lang, MessageId::opt_user_unit))->required();
  add->add_option("--role", options->role, tr(lang, MessageId::opt_role))
      ->required()
      ->check(one_of(role_names()));
  inv.on(add, Needs::store_write, [options](Session& s) { return run_user_add(*options, s); });

  CLI::App* list = user->add_subcommand("list", tr(lang, MessageId::cmd_user_list));
  inv.on(list, Needs::store_read, run_user_list);
}

}  // namespace ent110::cli
