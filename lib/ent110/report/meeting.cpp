// SPDX-License-Identifier: MIT
// The joint meeting's agenda (Art. 2): cases as they stand, found through the state index; only
// open cases are read, so the work grows with the open cases, not with all cases stored.
#include <ent110/report/meeting.hpp>
#include <ent110/report/report_repo.hpp>
#include <ent110/store/store.hpp>

#include <algorithm>
#include <set>

namespace ent110 {
namespace {

std::vector<AgendaEvent> history(Store& store,
                                 const Zone& zone,
                                 const std::string& id,
                                 int events) {
  std::vector<AgendaEvent> latest;
  for (report_repo::EventBrief& event : report_repo::latest_events(store, id, events)) {
    latest.push_back(AgendaEvent{zone.local_date(event.at), std::move(event.action),
                                 std::move(event.unit), std::move(event.text)});
  }
  std::reverse(latest.begin(), latest.end());
  return latest;
}

}  // namespace

MeetingAgenda compute_meeting(
    Store& store, const Config& config, date::year_month month, Instant now, int history_events) {
  const Zone zone(config.time_zone);
  MeetingAgenda agenda;
  agenda.window = report_window(month, zone, now);
  // The agenda is what stands open when it is drawn up, whatever month it is for.
  agenda.window.as_of = zone.local_date(now);
  store.read([&] {
    for (report_repo::OpenCase& open : report_repo::open_cases(store)) {
      AgendaItem item;
      item.id = std::move(open.id);
      item.title = std::move(open.title);
      item.type = std::move(open.type);
      item.major = open.major;
      item.state = std::move(open.state);
      item.unit = std::move(open.unit);
      item.unit_name = std::move(open.unit_name);
      item.received = zone.local_date(open.received_at);
      const bool to_meeting = open.escalation == "escalate-joint-meeting";
      // Each case is listed once, under the first heading that applies.
      std::vector<AgendaItem>* section = nullptr;
      if (item.state == "escalated" && to_meeting) {
        section = &agenda.joint_meeting;
      } else if (item.state == "disputed") {
        section = &agenda.disputed;
      } else if (item.state == "explained" && item.type == "coordinate") {
        section = &agenda.explained;
      } else if (item.major) {
        section = &agenda.major_open;
      }
      if (section != nullptr) {
        item.history = history(store, zone, item.id, history_events);
        section->push_back(std::move(item));
      }
    }
  });
  return agenda;
}

}  // namespace ent110
