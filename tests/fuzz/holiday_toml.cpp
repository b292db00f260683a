// SPDX-License-Identifier: MIT
// A holidays/YYYY.toml file (`init --holidays`, `calendar load`): parsed, checked as a set, and
// turned into the calendar's days, as a load does.
#include "fuzz_support.hpp"

#include <ent110/calendar/holiday_file.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace ent110;
  fuzz::parse_or_refuse([&] {
    const HolidaySchedule schedule = parse_holiday_file(fuzz::text_of(data, size), "fuzz.toml");
    check_holiday_set({schedule});
    official_days(schedule);
  });
  return 0;
}
