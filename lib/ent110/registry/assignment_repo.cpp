// SPDX-License-Identifier: MIT
#include <ent110/registry/assignment_repo.hpp>
#include <ent110/store/statement.hpp>

#include <string>

namespace ent110 {
namespace {

constexpr std::string_view k_assignment_columns =
    "SELECT a.id, a.officer, a.enterprise, a.project, a.from_date, a.until_date,"
    " CASE WHEN a.enterprise IS NULL THEN p.name ELSE e.name END, o.name"
    " FROM assignment AS a JOIN officer AS o ON o.id = a.officer"
    " LEFT JOIN enterprise AS e ON e.id = a.enterprise"
    " LEFT JOIN project AS p ON p.code = a.project";
constexpr std::string_view k_assignment_order = " ORDER BY a.from_date, a.id";

Assignment assignment_from_row(const Statement& row) {
  Assignment assignment;
  assignment.id = row.int64(0);
  assignment.officer = row.int64(1);
  if (!row.is_null(2)) {
    assignment.served.enterprise = row.int64(2);
  }
  assignment.served.project = row.optional_text(3);
  assignment.from = parse_date(row.text(4));
  if (auto until = row.optional_text(5)) {
    assignment.until = parse_date(*until);
  }
  assignment.subject_name = row.optional_text(6).value_or("");
  assignment.officer_name = row.text(7);
  return assignment;
}

std::vector<Assignment> all_rows(Statement& query) {
  std::vector<Assignment> assignments;
  while (query.step()) {
    assignments.push_back(assignment_from_row(query));
  }
  return assignments;
}

}  // namespace

std::vector<Assignment> find_assignments_of_officer(Store& store, std::int64_t officer_id) {
  Statement query(store, std::string(k_assignment_columns) + " WHERE a.officer = ?" +
                             std::string(k_assignment_order));
  query.bind(1, officer_id);
  return all_rows(query);
}

std::vector<Assignment> find_assignments_of_subject(Store& store, const Served& served) {
  Statement query(store, std::string(k_assignment_columns) +
                             " WHERE (a.enterprise = ?1 OR a.project = ?2)" +
                             std::string(k_assignment_order));
  query.bind(1, served.enterprise).bind(2, served.project);
  return all_rows(query);
}

std::vector<Assignment> find_assignments_reaching(Store& store,
                                                  std::int64_t officer_id,
                                                  const Served& served,
                                                  LocalDate day) {
  Statement query(store, std::string(k_assignment_columns) +
                             " WHERE a.officer = ?1 AND (a.enterprise = ?2 OR a.project = ?3)"
                             " AND (a.until_date IS NULL OR a.until_date > ?4)" +
                             std::string(k_assignment_order));
  query.bind(1, officer_id)
      .bind(2, served.enterprise)
      .bind(3, served.project)
      .bind(4, format_date(day));
  return all_rows(query);
}

std::vector<Assignment> find_open_assignments(Store& store, std::int64_t officer_id) {
  Statement query(store, std::string(k_assignment_columns) +
                             " WHERE a.officer = ? AND a.until_date IS NULL" +
                             std::string(k_assignment_order));
  query.bind(1, officer_id);
  return all_rows(query);
}

std::int64_t insert_assignment(Store& store,
                               std::int64_t officer_id,
                               const Served& served,
                               LocalDate from,
                               const Actor& actor,
                               std::string_view action,
                               Instant now) {
  Statement insert(store,
                   "INSERT INTO assignment (officer, enterprise, project, from_date, created_at)"
                   " VALUES (?, ?, ?, ?, ?) RETURNING id");
  insert.bind(1, officer_id)
      .bind(2, served.enterprise)
      .bind(3, served.project)
      .bind(4, format_date(from))
      .bind(5, format_utc(now));
  const std::int64_t id = insert.scalar_int64();
  record_change(store, actor, action, AuditSubject::assignment, std::to_string(id), std::nullopt,
                now);
  return id;
}

void end_assignment(Store& store,
                    std::int64_t id,
                    LocalDate until,
                    const Actor& actor,
                    std::string_view action,
                    Instant now) {
  const std::string key = std::to_string(id);
  std::optional<std::string> before = audit_row(store, AuditSubject::assignment, key);
  Statement update(store, "UPDATE assignment SET until_date = ? WHERE id = ?");
  update.bind(1, format_date(until)).bind(2, id).run();
  record_change(store, actor, action, AuditSubject::assignment, key, std::move(before), now);
}

}  // namespace ent110
