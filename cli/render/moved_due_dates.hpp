// SPDX-License-Identifier: MIT
#pragma once

#include <ent110/calendar/deadlines.hpp>

#include <nlohmann/json.hpp>

#include <vector>

namespace ent110::cli {

class Session;

/// [{"table", "key", "label", "before", "after", "provisional"}, …]
nlohmann::json moved_due_dates_json(const std::vector<MovedDueDate>& moved);

/// The due dates a calendar load moved, as a table under a heading; nothing when none moved.
void print_moved_due_dates(Session& session, const std::vector<MovedDueDate>& moved);

}  // namespace ent110::cli
