// SPDX-License-Identifier: MIT
#pragma once

#include "invocation.hpp"
#include "render/terminal_text.hpp"

#include <ent110/access/access.hpp>
#include <ent110/calendar/calendar.hpp>
#include <ent110/config/config.hpp>
#include <ent110/core/messages.hpp>
#include <ent110/core/time.hpp>
#include <ent110/store/store.hpp>

#include <filesystem>
#include <iosfwd>
#include <memory>
#include <optional>
#include <ostream>
#include <string>

namespace ent110::cli {

/// Everything a command may touch, resolved once from the global options, the environment and
/// the configuration: language, zone, "now", the actor, output streams and the database.
class Session {
 public:
  /// Resolves the globals and opens what `needs` asks for; throws ent110 errors.
  Session(const GlobalOptions& globals, Needs needs, std::ostream& out, std::ostream& err);
  ~Session();

  /// The language of human output and messages.
  Lang lang() const { return m_lang; }
  /// Whether `--json` was given.
  bool json() const { return m_json; }
  /// Whether colour may be used on stdout (a terminal, and neither --no-color nor NO_COLOR).
  bool color() const { return m_color; }
  /// Columns of the terminal stdout is on, or 0 when it is not a terminal.
  std::size_t terminal_width() const { return m_terminal_width; }

  /// The effective configuration.
  const Config& config() const { return m_config.config; }
  /// The configuration with the origin of each value.
  const LoadedConfig& loaded_config() const { return m_config; }
  /// The configured time zone.
  const Zone& zone() const { return *m_zone; }
  /// "Now": `--at`/ENT110_NOW, else the wall clock.
  Instant now() const { return m_now; }
  /// Whether "now" was given with --at/ENT110_NOW.
  bool now_given() const { return m_now_given; }
  /// The login acting: `--as`/ENT110_USER, else the operating system's login name.
  const std::string& actor() const { return m_actor; }
  /// The acting login as authorised for a change of `duty` (`attempt` names the command for the
  /// refusal); throws Refused.
  Actor authorized(Duty duty, std::string_view attempt);
  /// The database path in use.
  const std::filesystem::path& db_path() const { return m_db_path; }
  /// Whether this session created the database file (so a failed `init` can remove it again).
  bool created_database() const { return m_created_database; }

  /// The database; only valid when the command's Needs opened it.
  Store& store();
  /// The working-day calendar stored in the database, loaded on first use.
  const WorkingCalendar& calendar();

  /// Human output, with control characters escaped (TerminalSafeBuffer).
  std::ostream& out() { return m_out; }
  /// Warnings and progress.
  std::ostream& err() { return m_err; }
  /// A catalogue text in the session's language.
  std::string tr(MessageId id, std::vector<std::string> args = {}) const;
  /// Prints "ent110: warning: …" (or the Chinese form) to stderr.
  void warn(MessageId id, std::vector<std::string> args = {});

 private:
  LoadedConfig m_config;
  Lang m_lang = Lang::en;
  bool m_json = false;
  bool m_color = false;
  std::size_t m_terminal_width = 0;
  std::optional<Zone> m_zone;
  Instant m_now;
  bool m_now_given = false;
  std::string m_actor;
  std::filesystem::path m_db_path;
  bool m_created_database = false;
  std::optional<Store> m_store;
  std::optional<WorkingCalendar> m_calendar;
  TerminalSafeBuffer m_out_buffer;
  std::ostream m_out;
  std::ostream& m_err;
};

/// The language implied by the environment alone: ENT110_LANG, else LC_ALL, LC_MESSAGES, LANG
/// (zh* → zh), else en. Used before parsing, for help text.
Lang language_from_environment();

}  // namespace ent110::cli
