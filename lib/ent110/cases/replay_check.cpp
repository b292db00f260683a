// SPDX-License-Identifier: MIT
#include <ent110/cases/case_repo.hpp>
#include <ent110/cases/event_log.hpp>
#include <ent110/cases/replay_check.hpp>
#include <ent110/core/error.hpp>
#include <ent110/core/progress.hpp>

namespace ent110 {

ReplayCheck check_case_replays(Store& store, const ReplayContext& context) {
  ReplayCheck check;
  CasesInOrder cases(store);
  EventsByCase events(store);
  std::optional<Event> event = events.next();
  ProgressTask progress(ProgressWork::verify, 0);
  while (std::optional<Case> stored = cases.next()) {
    ++check.cases;
    progress.update(check.cases);
    std::vector<Event> own;
    while (event && event->case_id <= stored->id) {
      if (event->case_id == stored->id) {
        own.push_back(std::move(*event));
      }
      event = events.next();
    }
    std::optional<std::string> difference;
    if (own.empty()) {
      difference = "events";  // a case without its intake was not made by ent110
    } else {
      try {
        difference = first_difference(*stored, replay(*stored, own, context).kase);
      } catch (const Refused& impossible) {
        difference = impossible.what();
      }
    }
    if (difference) {
      check.first = ReplayMismatch{stored->id, *difference};
      break;
    }
  }
  return check;
}

}  // namespace ent110
