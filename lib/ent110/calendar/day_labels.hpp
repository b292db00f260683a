// SPDX-License-Identifier: MIT
// The names people read for days: their kind and their weekday.
#pragma once

#include <ent110/calendar/calendar.hpp>
#include <ent110/core/messages.hpp>

#include <string>

namespace ent110 {

/// "法定节假日" / "public holiday", … for `kind`.
std::string label(Lang lang, DayKind kind);

/// "星期六" / "Saturday" for `day`.
std::string weekday_name(Lang lang, LocalDate day);

}  // namespace ent110
