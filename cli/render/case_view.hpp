// SPDX-License-Identifier: MIT
// Human views of cases: the case sheet of `show`, the confirmation after an action, the tables
// of `list` and `log`.
#pragma once

#include <ent110/cases/service.hpp>

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ent110::cli {

class Session;

/// The text of `--text`/`--body` or of the file named by its `-file` option ("-": standard
/// input); throws UsageError when both or neither are given, BadInput when the file cannot be read.
std::string text_from(const std::optional<std::string>& text,
                      const std::optional<std::string>& file,
                      std::string_view text_option,
                      std::string_view file_option);

/// The case library over the session's database, calendar, configuration and zone.
CaseService case_service(Session& session);

/// After an action: warns about provisional due dates and the action's warnings on stderr, then
/// prints the case as JSON
/// (--json, with the members of `extra` added) or a confirmation line with its running clocks;
/// returns 0.
int print_action_result(Session& session,
                        const ActionResult& result,
                        const nlohmann::json& extra = nlohmann::json::object());

/// `show`: the case's fields with the officers serving its enterprise and project, clocks (with
/// working days left or late) and history.
void print_case(Session& session, const CaseDetail& detail);

/// `list`: one line per case with its most urgent clock.
void print_case_list(Session& session, const std::vector<CaseSummary>& cases);

/// `log`: one line per event; `with_case` adds the case id column.
void print_events(Session& session, const std::vector<Event>& events, bool with_case);

}  // namespace ent110::cli
