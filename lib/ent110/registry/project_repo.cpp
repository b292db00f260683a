// SPDX-License-Identifier: MIT
#include <ent110/core/error.hpp>
#include <ent110/registry/project_repo.hpp>
#include <ent110/store/statement.hpp>

#include <string>

namespace ent110 {
namespace {

constexpr std::string_view k_project_columns =
    "SELECT code, name, county, enterprise, status, key_level, started_on FROM project AS p";

Project project_from_row(const Statement& row) {
  Project project;
  project.code = row.text(0);
  project.name = row.text(1);
  project.county = row.text(2);
  if (!row.is_null(3)) {
    project.enterprise = row.int64(3);
  }
  const auto status = parse_project_status(row.text(4));
  if (!status) {
    throw StoreError(MessageId::case_stored_value_bad, {"project.status", row.text(4)});
  }
  project.status = *status;
  if (auto key = row.optional_text(5)) {
    project.key = parse_project_key(*key);
    if (!project.key) {
      throw StoreError(MessageId::case_stored_value_bad, {"project.key_level", *key});
    }
  }
  if (auto started = row.optional_text(6)) {
    project.started_on = parse_date(*started);
  }
  return project;
}

}  // namespace

std::optional<Project> find_project(Store& store, std::string_view code) {
  Statement query(store, std::string(k_project_columns) + " WHERE code = ?");
  query.bind(1, code);
  if (!query.step()) {
    return std::nullopt;
  }
  return project_from_row(query);
}

std::vector<Project> find_projects(Store& store, const ProjectFilter& filter, LocalDate today) {
  Statement query(store,
                  std::string(k_project_columns) +
                      " WHERE (?1 = '' OR p.county = ?1) AND (?2 = '' OR p.status = ?2)"
                      " AND (?3 = '' OR p.key_level = ?3)"
                      " AND (?4 = 0 OR (p.status = 'under-construction' AND NOT EXISTS ("
                      "   SELECT 1 FROM assignment AS a JOIN officer AS o ON o.id = a.officer"
                      "   WHERE a.project = p.code AND a.from_date <= ?5"
                      "   AND (a.until_date IS NULL OR a.until_date > ?5)"
                      "   AND (o.retired_on IS NULL OR o.retired_on > ?5))))"
                      " ORDER BY p.code");
  query.bind(1, filter.county)
      .bind(2, filter.status ? to_string(*filter.status) : std::string_view{})
      .bind(3, filter.key ? to_string(*filter.key) : std::string_view{})
      .bind(4, filter.uncovered ? 1 : 0)
      .bind(5, format_date(today));
  std::vector<Project> projects;
  while (query.step()) {
    projects.push_back(project_from_row(query));
  }
  return projects;
}

void save_project(Store& store,
                  const Project& project,
                  bool exists,
                  const Actor& actor,
                  std::string_view action,
                  Instant now) {
  std::optional<std::string> before =
      exists ? audit_row(store, AuditSubject::project, project.code) : std::nullopt;
  Statement statement(
      store, exists ? "UPDATE project SET name = ?2, county = ?3, enterprise = ?4, status = ?5, "
                      "key_level = ?6, started_on = ?7 WHERE code = ?1"
                    : "INSERT INTO project (code, name, county, enterprise, status, key_level, "
                      "started_on, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
  statement.bind(1, project.code)
      .bind(2, project.name)
      .bind(3, project.county)
      .bind(4, project.enterprise)
      .bind(5, to_string(project.status))
      .bind(6, project.key ? std::optional{to_string(*project.key)} : std::nullopt)
      .bind(7, project.started_on ? std::optional{format_date(*project.started_on)} : std::nullopt);
  if (!exists) {
    statement.bind(8, format_utc(now));
  }
  statement.run();
  record_change(store, actor, action, AuditSubject::project, project.code, std::move(before), now);
}

std::vector<ProjectCase> find_project_cases(Store& store, std::string_view code) {
  Statement query(store, "SELECT id, state, title FROM case_file WHERE project = ? ORDER BY id");
  query.bind(1, code);
  std::vector<ProjectCase> cases;
  while (query.step()) {
    cases.push_back(ProjectCase{query.text(0), query.text(1), query.text(2)});
  }
  return cases;
}

}  // namespace ent110
