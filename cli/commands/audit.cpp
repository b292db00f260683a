// SPDX-License-Identifier: MIT
#include "app.hpp"
#include "commands.hpp"
#include "render/output.hpp"
#include "session.hpp"

#include <ent110/audit/audit_log.hpp>

namespace ent110::cli {
namespace {

struct AuditOptions {
  std::string since;
};

nlohmann::json audit_row_json(const std::optional<std::string>& row) {
  return row ? nlohmann::json::parse(*row) : nlohmann::json();
}

nlohmann::json audit_event_json(const Session& s, const AuditEvent& event) {
  return {{"seq", event.seq},
          {"at", s.zone().format_local(event.at)},
          {"actor", event.actor},
          {"unit", event.unit},
          {"action", event.action},
          {"subject", std::string(to_string(event.subject))},
          {"key", event.key},
          {"before", audit_row_json(event.before)},
          {"after", audit_row_json(event.after)},
          {"after_case_seq", event.after_case_seq},
          {"prev_hash", event.prev_hash},
          {"hash", event.hash}};
}

// A value as one short piece of a table cell: long texts and lists are cut.
std::string audit_short_value(const nlohmann::json& value) {
  std::string text = value.is_string()
                         ? value.get<std::string>()
                         : value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  if (value.is_array()) {
    text = "[" + std::to_string(value.size()) + "]";
  }
  constexpr std::size_t k_limit = 24;
  return text.size() > k_limit ? text.substr(0, k_limit) + "…" : text;
}

// "new", "removed", or the fields that changed as "field: old → new".
std::string audit_change_text(const Session& s, const AuditEvent& event) {
  if (!event.before) {
    // What names the new row best: a unit's or enterprise's name, an override's day, a role.
    const nlohmann::json after = audit_row_json(event.after);
    for (const char* field : {"name", "date", "role", "notice"}) {
      if (after.contains(field) && after[field].is_string()) {
        return s.tr(MessageId::audit_change_new) + ": " + audit_short_value(after[field]);
      }
    }
    return s.tr(MessageId::audit_change_new);
  }
  if (!event.after) {
    return s.tr(MessageId::audit_change_removed);
  }
  const nlohmann::json before = nlohmann::json::parse(*event.before);
  const nlohmann::json after = nlohmann::json::parse(*event.after);
  std::string text;
  for (const auto& [field, value] : after.items()) {
    const nlohmann::json old = before.contains(field) ? before[field] : nlohmann::json();
    if (old != value) {
      text += (text.empty() ? "" : "; ") + field + ": " + audit_short_value(old) + " → " +
              audit_short_value(value);
    }
  }
  return text.empty() ? s.tr(MessageId::audit_change_none) : text;
}

int run_audit(const AuditOptions& options, Session& s) {
  std::optional<Instant> since;
  if (!options.since.empty()) {
    since = parse_instant(options.since, s.zone());
  }
  std::vector<AuditEvent> events;
  s.store().read([&] { events = find_audit_events(s.store(), since); });
  if (s.json()) {
    nlohmann::json list = nlohmann::json::array();
    for (const AuditEvent& event : events) {
      list.push_back(audit_event_json(s, event));
    }
    emit_json(s, {{"events", list}});
    return 0;
  }
  if (events.empty()) {
    s.out() << s.tr(MessageId::audit_none) << '\n';
    return 0;
  }
  Table table({{s.tr(MessageId::audit_col_time)},
               {s.tr(MessageId::audit_col_actor)},
               {s.tr(MessageId::audit_col_unit)},
               {s.tr(MessageId::audit_col_what)},
               {s.tr(MessageId::audit_col_key)},
               {s.tr(MessageId::audit_col_change), Table::Align::left, true}});
  for (const AuditEvent& event : events) {
    table.add_row({s.zone().format_local_short(event.at), event.actor, event.unit, event.action,
                   std::string(to_string(event.subject)) + " " + event.key,
                   audit_change_text(s, event)});
  }
  emit_table(s, table);
  return 0;
}

}  // namespace

void add_audit(CLI::App& app, Invocation& inv, Lang lang) {
  auto options = std::make_shared<AuditOptions>();
  CLI::App* cmd = app.add_subcommand("audit", tr(lang, MessageId::cmd_audit));
  cmd->add_option("--since", options->since, tr(lang, MessageId::opt_audit_since))
      ->type_name("DATE");
  inv.on(cmd, Needs::store_read, [options](Session& s) { return run_audit(*options, s); });
}

}  // namespace ent110::cli
