// SPDX-License-Identifier: MIT
#include "session.hpp"

#include <ent110/config/paths.hpp>
#include <ent110/core/error.hpp>
#include <ent110/core/input.hpp>
#include <ent110/store/login.hpp>

#include <fmt/format.h>

#include <cstdlib>
#include <iostream>
#include <ostream>
#include <pwd.h>
#include <sys/ioctl.h>
#include <unistd.h>

namespace ent110::cli {
namespace {

std::string env(const char* name) {
  const char* value = std::getenv(name);
  return value == nullptr ? std::string{} : std::string(value);
}

std::string login_name() {
  if (auto user = env("USER"); !user.empty()) {
    return user;
  }
  const passwd* entry = ::getpwuid(::geteuid());
  return entry != nullptr ? entry->pw_name : "unknown";
}

bool colour_wanted(const std::ostream& out, const GlobalOptions& globals) {
  const bool is_terminal = &out == &std::cout && ::isatty(STDOUT_FILENO);
  return is_terminal && !globals.no_color && env("NO_COLOR").empty();
}

std::size_t width_of_terminal() {
  winsize size{};
  if (::isatty(STDOUT_FILENO) && ::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 &&
      size.ws_col > 0) {
    return size.ws_col;
  }
  return 0;
}

}  // namespace

Lang language_from_environment() {
  for (const char* variable : {"ENT110_LANG", "LC_ALL", "LC_MESSAGES", "LANG"}) {
    if (auto value = env(variable); !value.empty()) {
      return parse_lang(value).value_or(Lang::en);
    }
  }
  return Lang::en;
}

Session::Session(const GlobalOptions& globals, Needs needs, std::ostream& out, std::ostream& err)
    : m_out_buffer(out.rdbuf(), colour_wanted(out, globals)), m_out(&m_out_buffer), m_err(err) {
  m_json = globals.json;
  m_lang = language_from_environment();
  if (!globals.lang.empty()) {
    m_lang = parse_lang(globals.lang).value_or(Lang::en);
  }
  const bool is_terminal = &out == &std::cout && ::isatty(STDOUT_FILENO);
  m_color = colour_wanted(out, globals);
  m_terminal_width = is_terminal ? width_of_terminal() : 0;
  if (needs == Needs::nothing) {
    return;
  }

  const PathEnvironment paths = path_environment();
  m_config = find_config(globals.config, paths);
  if (globals.lang.empty() && env("ENT110_LANG").empty() && !m_config.config.language.empty()) {
    m_lang = *parse_lang(m_config.config.language);
  }
  m_zone.emplace(m_config.config.time_zone);
  m_now_given = !globals.at.empty();
  m_now = m_now_given ? parse_instant(globals.at, *m_zone) : wall_clock_now();
  m_actor = globals.as.empty() ? login_name() : globals.as;
  m_db_path = database_location(globals.db, m_config.config, paths);
  if (needs == Needs::config) {
    return;
  }
  m_created_database = needs == Needs::store_create && !std::filesystem::exists(m_db_path);
  StoreOptions options{m_config.config.busy_timeout_ms, m_config.config.file_mode,
                       needs == Needs::store_create};
  m_store.emplace(Store::open(
      m_db_path, needs == Needs::store_read ? Access::read_only : Access::read_write, options));
  const std::optional<std::string> login = database_login(*m_store);
  if (login) {
    // On a server the database login is who acts; naming anyone else is refused, naming oneself
    // (a script's ENT110_USER) is fine.
    if (!globals.as.empty() && globals.as != *login) {
      throw Refused(MessageId::access_as_on_postgresql, {globals.as, *login});
    }
    m_actor = *login;
  }
  // A login chosen explicitly must be one ent110 knows, before anything else is read; so must a
  // server login other than the database's owner, who may read as a file's owner may.
  if (!globals.as.empty() || (login && !login_owns_database(*m_store))) {
    require_known_login(*m_store, m_actor);
  }
  // One warning at most: a readable database is the present exposure, the setting a future one.
  if (world_accessible(m_store->file_mode())) {
    warn(MessageId::db_world_readable,
         {m_db_path.string(), fmt::format("{:04o}", m_store->file_mode())});
  } else if (world_accessible(m_config.config.file_mode)) {
    warn(MessageId::file_mode_world_readable, {fmt::format("{:04o}", m_config.config.file_mode)});
  }
}

Session::~Session() = default;

Actor Session::authorized(Duty duty, std::string_view attempt) {
  return authorize(store(), m_actor, duty, attempt, config().office_unit);
}

Store& Session::store() {
  return *m_store;
}

const WorkingCalendar& Session::calendar() {
  if (!m_calendar) {
    m_calendar.emplace(load_calendar(store()));
  }
  return *m_calendar;
}

std::string Session::tr(MessageId id, std::vector<std::string> args) const {
  return ent110::tr(m_lang, id, std::move(args));
}

void Session::warn(MessageId id, std::vector<std::string> args) {
  m_err << tr(MessageId::cli_warning_prefix) << escape_controls(tr(id, std::move(args))) << '\n';
}

}  // namespace ent110::cli
