// SPDX-License-Identifier: MIT
// The command index: one line per command (Timewarrior's commands.h). Each add_* binds the
// command's options in its file under commands/ and records its runner in the Invocation.
#pragma once

#include "invocation.hpp"

#include <ent110/core/messages.hpp>

namespace ent110::cli {

// clang-format off
void add_init       (CLI::App& app, Invocation& inv, Lang lang);
void add_config     (CLI::App& app, Invocation& inv, Lang lang);
void add_unit       (CLI::App& app, Invocation& inv, Lang lang);
void add_user       (CLI::App& app, Invocation& inv, Lang lang);
void add_enterprise (CLI::App& app, Invocation& inv, Lang lang);
void add_officer    (CLI::App& app, Invocation& inv, Lang lang);
void add_project    (CLI::App& app, Invocation& inv, Lang lang);
void add_calendar   (CLI::App& app, Invocation& inv, Lang lang);
void add_backup     (CLI::App& app, Invocation& inv, Lang lang);
void add_copy       (CLI::App& app, Invocation& inv, Lang lang);
void add_verify     (CLI::App& app, Invocation& inv, Lang lang);
void add_triage     (CLI::App& app, Invocation& inv, Lang lang);
void add_intake     (CLI::App& app, Invocation& inv, Lang lang);
void add_reject     (CLI::App& app, Invocation& inv, Lang lang);
void add_forward    (CLI::App& app, Invocation& inv, Lang lang);
void add_reply      (CLI::App& app, Invocation& inv, Lang lang);
void add_review     (CLI::App& app, Invocation& inv, Lang lang);
void add_escalate   (CLI::App& app, Invocation& inv, Lang lang);
void add_dispute    (CLI::App& app, Invocation& inv, Lang lang);
void add_evaluate   (CLI::App& app, Invocation& inv, Lang lang);
void add_correct    (CLI::App& app, Invocation& inv, Lang lang);
void add_merge      (CLI::App& app, Invocation& inv, Lang lang);
void add_unmerge    (CLI::App& app, Invocation& inv, Lang lang);
void add_show       (CLI::App& app, Invocation& inv, Lang lang);
void add_list       (CLI::App& app, Invocation& inv, Lang lang);
void add_log        (CLI::App& app, Invocation& inv, Lang lang);
void add_report     (CLI::App& app, Invocation& inv, Lang lang);
void add_assess     (CLI::App& app, Invocation& inv, Lang lang);
void add_audit      (CLI::App& app, Invocation& inv, Lang lang);
void add_visit      (CLI::App& app, Invocation& inv, Lang lang);
void add_export     (CLI::App& app, Invocation& inv, Lang lang);
void add_search     (CLI::App& app, Invocation& inv, Lang lang);
void add_publish    (CLI::App& app, Invocation& inv, Lang lang);
void add_completion (CLI::App& app, Invocation& inv, Lang lang);
// clang-format on

}  // namespace ent110::cli
