// SPDX-License-Identifier: MIT
// The joint meeting's agenda (Art. 2): cases as they stand, found through the state index; only
// open cases are read, so the work grows with the open cases, not with all cases stored.
#include <ent110/report/meeting.hpp>
#include <ent110/store/statement.hpp>
#include <ent110/store/store.hpp>

#include <algorithm>
#include <set>

namespace ent110 {
namespace {

// The latest escalation names where an escalated case went (government or joint meeting).
constexpr std::string_view k_select =
    "SELECT c.id, c.title, c.type, c.major, c.state, coalesce(c.unit, ''), "
    "coalesce(u.name, ''), c.received_at, "
    "(SELECT e.action FROM case_event e WHERE e.case_id = c.id "
    " AND e.action IN ('escalate-government', 'escalate-joint-meeting') "
    " ORDER BY e.case_seq DESC LIMIT 1) "
    "FROM case_file c LEFT JOIN unit u ON u.code = c.unit "
    "WHERE c.state IN ('received', 'forwarded', 'submitted', 'returned', 'explained', "
    "'escalated', 'disputed') "
    "ORDER BY c.received_at, c.id";

std::vector<AgendaEvent> history(Store& store,
                                 const Zone& zone,
                                 const std::string& id,
                                 int events) {
  Statement query(store,
                  "SELECT at, action, unit, text FROM case_event WHERE case_id = ? "
                  "ORDER BY case_seq DESC LIMIT ?");
  query.bind(1, id);
  query.bind(2, events);
  std::vector<AgendaEvent> latest;
  while (query.step()) {
    latest.push_back(AgendaEvent{zone.local_date(parse_utc(query.text(0))), query.text(1),
                                 query.text(2), query.text(3)});
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
    Statement query(store, std::string(k_select));
    while (query.step()) {
      AgendaItem item;
      item.id = query.text(0);
      item.title = query.text(1);
      item.type = query.text(2);
      item.major = query.int32(3) != 0;
      item.state = query.text(4);
      item.unit = query.text(5);
      item.unit_name = query.text(6);
      item.received = zone.local_date(parse_utc(query.text(7)));
      const bool to_meeting = !query.is_null(8) && query.text(8) == "escalate-joint-meeting";
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
