// SPDX-License-Identifier: MIT
#include <ent110/report/report_labels.hpp>

#include <fmt/format.h>

#include <array>

namespace ent110 {

std::string month_label(Lang lang, date::year_month month) {
  if (lang == Lang::en) {
    return format_month(month);
  }
  return tr(lang, MessageId::report_month_label,
            {std::to_string(static_cast<int>(month.year())),
             std::to_string(static_cast<unsigned>(month.month()))});
}

std::string action_label(Lang lang, std::string_view name) {
  static constexpr std::array<std::pair<std::string_view, MessageId>, 13> k_actions = {{
      {"intake", MessageId::report_action_intake},
      {"reject", MessageId::report_action_reject},
      {"forward", MessageId::report_action_forward},
      {"redo", MessageId::report_action_redo},
      {"reply", MessageId::report_action_reply},
      {"approve", MessageId::report_action_approve},
      {"return", MessageId::report_action_return},
      {"explain", MessageId::report_action_explain},
      {"escalate-government", MessageId::report_action_escalate_government},
      {"escalate-joint-meeting", MessageId::report_action_escalate_joint_meeting},
      {"escalate-inspection", MessageId::report_action_escalate_inspection},
      {"dispute", MessageId::report_action_dispute},
      {"evaluate", MessageId::report_action_evaluate},
  }};
  for (const auto& [action, label] : k_actions) {
    if (action == name) {
      return tr(lang, label);
    }
  }
  return std::string(name);
}

ReportDocument document_header(const Config& config, Lang lang, LocalDate issued) {
  ReportDocument document;
  document.lang = lang;
  document.title = config.report_title;
  document.issuer = config.report_issuer;
  document.recipients = config.report_recipients;
  document.copies = config.report_copies;
  document.issued = issued;
  return document;
}

std::vector<ReportColumn> unit_columns(
    Lang lang, const std::vector<std::pair<std::string, MessageId>>& figures) {
  std::vector<ReportColumn> columns{{"unit", tr(lang, MessageId::report_col_unit)},
                                    {"name", tr(lang, MessageId::report_col_unit_name)}};
  for (const auto& [key, header] : figures) {
    columns.push_back({key, tr(lang, header), ColumnAlign::right});
  }
  return columns;
}

ReportDefinition satisfaction_definition(Lang lang, bool basic_counts_as_satisfied) {
  return {tr(lang, MessageId::report_def_satisfaction),
          tr(lang, basic_counts_as_satisfied ? MessageId::report_def_satisfaction_basic
                                             : MessageId::report_def_satisfaction_strict)};
}

}  // namespace ent110
