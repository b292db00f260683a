// SPDX-License-Identifier: MIT
#pragma once

#include <ent110/config/config.hpp>
#include <ent110/core/time.hpp>
#include <ent110/report/document.hpp>
#include <ent110/report/monthly.hpp>

#include <string>
#include <vector>

namespace ent110 {

class Store;

/// One event of an agenda item's history, in brief.
struct AgendaEvent {
  LocalDate date;
  std::string action;  ///< stored spelling, e.g. "escalate-joint-meeting"
  std::string unit;    ///< the acting unit
  std::string text;
};

/// A case on the joint meeting's agenda with its history in brief.
struct AgendaItem {
  std::string id;
  std::string title;
  std::string type;  ///< "consult" or "coordinate"
  bool major = false;
  std::string state;  ///< at the window's as_of
  std::string unit;   ///< the lead unit, or empty
  std::string unit_name;
  LocalDate received;
  std::vector<AgendaEvent> history;  ///< the latest events, oldest first
};

/// The joint meeting's agenda (联席会议, Art. 2): what stands open at the window's as_of.
struct MeetingAgenda {
  ReportWindow window;
  std::vector<AgendaItem> joint_meeting;  ///< escalated to the joint meeting (Art. 2, 7)
  std::vector<AgendaItem> disputed;       ///< assignments a unit disputes (Art. 2)
  std::vector<AgendaItem> major_open;     ///< major cases not yet answered (Art. 8)
  std::vector<AgendaItem> explained;      ///< coordinate cases explained, not yet decided (Art. 7)
};

/// The agenda of the meeting in `month` as seen at `now` (cases standing open at the window's
/// as_of), each with at most `history_events` latest events.
MeetingAgenda compute_meeting(Store& store,
                              const Config& config,
                              date::year_month month,
                              Instant now,
                              int history_events = 5);

/// The agenda as a document in `lang`.
ReportDocument meeting_document(const MeetingAgenda& agenda,
                                const Config& config,
                                Lang lang,
                                LocalDate issued);

}  // namespace ent110
