// SPDX-License-Identifier: MIT
// A case reference on the command line (full id, "YYYY-N" or the number alone), resolved against
// a database holding 2024-000001, 2025-000001 and 2025-000002, so that a reference can be found,
// unknown, malformed or ambiguous.
#include "fuzz_support.hpp"

#include <ent110/calendar/calendar.hpp>
#include <ent110/cases/case_repo.hpp>
#include <ent110/cases/service.hpp>
#include <ent110/config/config.hpp>

namespace {

ent110::Store& store_with_cases() {
  using namespace ent110;
  static Store& store = []() -> Store& {
    Store& prepared = fuzz::initialized_store();
    const Config config;
    const WorkingCalendar calendar = load_calendar(prepared);
    CaseService service(prepared, calendar, config, fuzz::default_zone());
    IntakeRequest request;
    request.enterprise = "信阳示例机械有限公司";
    request.title = "用电增容";
    for (const char* at : {"2024-03-04T10:00", "2025-03-03T10:00", "2025-03-04T10:00"}) {
      service.intake(request, "fuzz", parse_instant(at, fuzz::default_zone()));
    }
    return prepared;
  }();
  return store;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace ent110;
  Store& store = store_with_cases();
  fuzz::parse_or_refuse([&] { resolve_case_id(store, fuzz::text_of(data, size)); });
  return 0;
}
