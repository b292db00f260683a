// SPDX-License-Identifier: MIT
#include <ent110/calendar/day_labels.hpp>

#include <array>
#include <sstream>

namespace ent110 {
namespace {

// In the order of DayKind's values.
constexpr std::array k_kinds = {
    MessageId::day_kind_workday,   MessageId::day_kind_weekend,
    MessageId::day_kind_holiday,   MessageId::day_kind_adjusted_workday,
    MessageId::day_kind_local_off, MessageId::day_kind_local_work,
};

}  // namespace

std::string label(Lang lang, DayKind kind) {
  return tr(lang, k_kinds.at(static_cast<std::size_t>(kind)));
}

std::string weekday_name(Lang lang, LocalDate day) {
  // The catalogue holds the seven names Monday first, separated by spaces.
  std::istringstream names(tr(lang, MessageId::calendar_weekdays_long));
  std::string name;
  for (unsigned i = 0; i < date::weekday{day}.iso_encoding(); ++i) {
    names >> name;
  }
  return name;
}

}  // namespace ent110
