// SPDX-License-Identifier: MIT
#include "render/officer_json.hpp"

namespace ent110::cli {
namespace {

nlohmann::json officer_text_or_null(const std::string& text) {
  return text.empty() ? nlohmann::json() : nlohmann::json(text);
}

template <typename Value>
nlohmann::json officer_value_or_null(const std::optional<Value>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json();
}

nlohmann::json officer_date_or_null(const std::optional<LocalDate>& day) {
  return day ? nlohmann::json(format_date(*day)) : nlohmann::json();
}

}  // namespace

nlohmann::json to_json(const Officer& officer) {
  return {{"id", officer.id},
          {"name", officer.name},
          {"level", std::string(to_string(officer.level))},
          {"unit", officer.unit},
          {"post", officer_text_or_null(officer.post)},
          {"phone", officer_text_or_null(officer.phone)},
          {"retired_on", officer_date_or_null(officer.retired_on)}};
}

nlohmann::json to_json(const Assignment& assignment) {
  return {{"id", assignment.id},
          {"officer", assignment.officer},
          {"officer_name", assignment.officer_name},
          {"enterprise", officer_value_or_null(assignment.served.enterprise)},
          {"project", officer_value_or_null(assignment.served.project)},
          {"name", assignment.subject_name},
          {"from", format_date(assignment.from)},
          {"until", officer_date_or_null(assignment.until)}};
}

nlohmann::json to_json(const Project& project) {
  return {{"code", project.code},
          {"name", project.name},
          {"county", project.county},
          {"enterprise", officer_value_or_null(project.enterprise)},
          {"status", std::string(to_string(project.status))},
          {"key",
           project.key ? nlohmann::json(std::string(to_string(*project.key))) : nlohmann::json()},
          {"started_on", officer_date_or_null(project.started_on)}};
}

std::string project_status_label(Lang lang, ProjectStatus status) {
  switch (status) {
    case ProjectStatus::planned:
      return tr(lang, MessageId::project_status_planned);
    case ProjectStatus::under_construction:
      return tr(lang, MessageId::project_status_under_construction);
    case ProjectStatus::completed:
      break;
  }
  return tr(lang, MessageId::project_status_completed);
}

std::string project_key_label(Lang lang, const std::optional<ProjectKey>& key) {
  if (!key) {
    return {};
  }
  return tr(lang, *key == ProjectKey::provincial ? MessageId::project_key_provincial
                                                 : MessageId::project_key_city);
}

std::string assignment_subject(const Assignment& assignment) {
  return assignment.served.project ? *assignment.served.project + " " + assignment.subject_name
                                   : assignment.subject_name;
}

}  // namespace ent110::cli
