// SPDX-License-Identifier: MIT
#pragma once

#include <ent110/calendar/deadlines.hpp>
#include <ent110/core/messages.hpp>

#include <nlohmann/json.hpp>

#include <vector>

namespace ent110::cli {

class Session;

/// [{"table", "key", "label", "before", "after", "provisional"}, …]
nlohmann::json moved_due_dates_json(const std::vector<MovedDueDate>& moved);

/// The due dates a calendar change moved, as a table under `heading` (given the count as {0});
/// nothing when none moved.
void print_moved_due_dates(Session& session,
                           const std::vector<MovedDueDate>& moved,
                           MessageId heading = MessageId::calendar_moved_header);

}  // namespace ent110::cli
