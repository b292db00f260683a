// SPDX-License-Identifier: MIT
#include <ent110/cases/case_repo.hpp>
#include <ent110/cases/event_log.hpp>
#include <ent110/cases/replay.hpp>
#include <ent110/core/error.hpp>
#include <ent110/publish/publication.hpp>
#include <ent110/publish/publish_repo.hpp>
#include <ent110/publish/redact.hpp>
#include <ent110/registry/unit_repo.hpp>
#include <ent110/store/store.hpp>

#include <algorithm>
#include <map>

namespace ent110 {
namespace {

// The events whose text becomes the published answer: a correction of one of them corrects it.
// A follow gives a duplicate its primary's answer; merged duplicates are not published (see
// publishable_case_ids), so it counts only for a case whose answer came that way.
bool publishes_answer(Action action) {
  return action == Action::reply || action == Action::approve || action == Action::follow;
}

std::vector<Instant> answer_corrections(const std::vector<Event>& events) {
  std::map<int, Action> actions;
  for (const Event& event : events) {
    actions[event.case_seq] = event.action;
  }
  std::vector<Instant> corrected;
  for (const Event& event : events) {
    if (event.action != Action::correct) {
      continue;
    }
    const std::optional<Correction> correction = parse_correction(event.detail);
    const auto target = correction ? actions.find(correction->event) : actions.end();
    if (target != actions.end() && publishes_answer(target->second)) {
      corrected.push_back(event.at);
    }
  }
  std::sort(corrected.begin(), corrected.end());
  return corrected;
}

}  // namespace

std::vector<PublishedCase> published_cases(Store& store, std::optional<Instant> since, Lang lang) {
  std::vector<PublishedCase> published;
  std::map<std::string, std::string> unit_names;
  for (const std::string& id : publishable_case_ids(store, since)) {
    const std::optional<Case> kase = find_case(store, id);
    if (!kase || !kase->answer) {
      continue;
    }
    const Enterprise& enterprise = kase->enterprise;
    const RedactionSubjects subjects{enterprise.name, enterprise.credit_code, enterprise.contact,
                                     enterprise.phone};
    const Authored& answer = *kase->answer;
    auto name = unit_names.find(answer.unit);
    if (name == unit_names.end()) {
      const std::optional<Unit> unit = find_unit(store, answer.unit);
      name = unit_names.emplace(answer.unit, unit ? unit->name : answer.unit).first;
    }
    published.push_back({kase->id, kase->type, redact(kase->title, subjects, lang),
                         redact(kase->body, subjects, lang), redact(answer.text, subjects, lang),
                         answer.unit, name->second, answer.by, answer.at,
                         answer_corrections(case_events(store, id))});
  }
  return published;
}

std::vector<PublishedCase> publish(Store& store,
                                   const PublishRequest& request,
                                   const Zone& zone,
                                   Lang lang) {
  std::vector<PublishedCase> cases;
  store.read([&] { cases = published_cases(store, request.since, lang); });
  write_publication(request.directory, cases, zone, lang);
  return cases;
}

}  // namespace ent110
