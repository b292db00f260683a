// SPDX-License-Identifier: MIT
#include <ent110/cases/calendar_follower.hpp>
#include <ent110/cases/case_repo.hpp>
#include <ent110/cases/service.hpp>

namespace ent110 {

CaseClockFollower::CaseClockFollower(Store& store,
                                     const Config& config,
                                     const Zone& zone,
                                     std::string actor)
    : m_store(store), m_config(config), m_zone(zone), m_actor(std::move(actor)) {}

std::vector<MovedDueDate> CaseClockFollower::follow(const WorkingCalendar& after,
                                                    const std::vector<LocalDate>& changed) {
  if (changed.empty()) {
    return {};
  }
  CaseService service(m_store, after, m_config, m_zone);
  return service.rejudge(cases_counting_over(m_store, changed), m_actor);
}

}  // namespace ent110
