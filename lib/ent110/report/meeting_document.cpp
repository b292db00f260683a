// SPDX-License-Identifier: MIT
// The joint meeting's agenda (联席会议, Art. 2) as a document.
#include <ent110/cases/labels.hpp>
#include <ent110/report/meeting.hpp>
#include <ent110/report/render_common.hpp>
#include <ent110/report/report_labels.hpp>

namespace ent110 {
namespace {

std::string history_text(Lang lang, const AgendaItem& item) {
  std::string text;
  for (const AgendaEvent& event : item.history) {
    const std::string said =
        event.text.empty() ? "" : tr(lang, MessageId::report_definition, {"", event.text});
    text += (text.empty() ? "" : "; ") +
            tr(lang, MessageId::report_history_entry,
               {format_date(event.date), action_label(lang, event.action), event.unit, said});
  }
  return text;
}

ReportSection agenda_section(std::string key,
                             MessageId heading,
                             const std::vector<AgendaItem>& items,
                             Lang lang) {
  ReportSection section;
  section.key = std::move(key);
  section.heading = tr(lang, heading);
  if (items.empty()) {
    section.paragraphs.push_back(tr(lang, MessageId::report_meeting_none));
    return section;
  }
  ReportTable table{{{"case", tr(lang, MessageId::report_col_case)},
                     {"title", tr(lang, MessageId::report_col_title)},
                     {"unit", tr(lang, MessageId::report_col_unit_name)},
                     {"state", tr(lang, MessageId::report_col_state)},
                     {"received", tr(lang, MessageId::report_col_received_on)},
                     {"history", tr(lang, MessageId::report_col_history)}},
                    {}};
  for (const AgendaItem& item : items) {
    table.rows.push_back({item.id, item.title, item.unit_name,
                          label(lang, parse_state(item.state).value()), format_date(item.received),
                          history_text(lang, item)});
  }
  section.table = std::move(table);
  return section;
}

}  // namespace

ReportDocument meeting_document(const MeetingAgenda& agenda,
                                const Config& config,
                                Lang lang,
                                LocalDate issued) {
  ReportDocument document = document_header(config, lang, issued);
  document.kind = "meeting";
  document.period = format_month(agenda.window.month);
  document.period_label = month_label(lang, agenda.window.month);
  document.title = tr(lang, MessageId::report_meeting_title);
  ReportSection intro =
      agenda_section("joint_meeting", MessageId::report_meeting_joint, agenda.joint_meeting, lang);
  intro.paragraphs.insert(intro.paragraphs.begin(),
                          tr(lang, MessageId::report_meeting_intro,
                             {report_detail::long_date(lang, agenda.window.as_of)}));
  document.sections = {
      std::move(intro),
      agenda_section("disputed", MessageId::report_meeting_disputed, agenda.disputed, lang),
      agenda_section("major_open", MessageId::report_meeting_major, agenda.major_open, lang),
      agenda_section("explained", MessageId::report_meeting_explained, agenda.explained, lang),
  };
  return document;
}

}  // namespace ent110
