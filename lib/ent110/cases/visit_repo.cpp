// SPDX-License-Identifier: MIT
#include <ent110/cases/visit_repo.hpp>
#include <ent110/store/statement.hpp>

#include <fmt/format.h>

namespace ent110 {
namespace {

// coalesce: a visit names an enterprise or a project, never both (the table's CHECK).
constexpr std::string_view k_visit_select =
    "SELECT v.id, v.officer, o.name, v.enterprise, v.project, coalesce(e.name, p.name), v.at, "
    "v.note, v.case_id, v.actor, v.recorded_at FROM visit v JOIN officer o ON o.id = v.officer "
    "LEFT JOIN enterprise e ON e.id = v.enterprise LEFT JOIN project p ON p.code = v.project";

Visit visit_from_row(const Statement& row) {
  Visit visit;
  visit.id = row.int64(0);
  visit.officer = row.int64(1);
  visit.officer_name = row.text(2);
  if (!row.is_null(3)) {
    visit.enterprise = row.int64(3);
  }
  visit.project = row.optional_text(4);
  visit.subject_name = row.optional_text(5).value_or("");
  visit.at = parse_utc(row.text(6));
  visit.note = row.text(7);
  visit.case_id = row.optional_text(8);
  visit.actor = row.text(9);
  visit.recorded_at = parse_utc(row.text(10));
  return visit;
}

}  // namespace

std::int64_t insert_visit(Store& store, const Visit& visit) {
  Statement insert(store,
                   "INSERT INTO visit (officer, enterprise, project, at, note, case_id, actor, "
                   "recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id");
  insert.bind(1, visit.officer)
      .bind(2, visit.enterprise)
      .bind(3, visit.project)
      .bind(4, format_utc(visit.at))
      .bind(5, visit.note)
      .bind(6, visit.case_id)
      .bind(7, visit.actor)
      .bind(8, format_utc(visit.recorded_at));
  return insert.scalar_int64();
}

std::optional<Visit> find_visit(Store& store, std::int64_t id) {
  Statement query(store, std::string(k_visit_select) + " WHERE v.id = ?");
  query.bind(1, id);
  if (!query.step()) {
    return std::nullopt;
  }
  return visit_from_row(query);
}

std::vector<Visit> find_visits(Store& store,
                               std::optional<std::int64_t> officer,
                               std::optional<Instant> since) {
  // Numbered in the order used: PostgreSQL cannot type a parameter number the SQL skips.
  std::string where;
  int next = 1;
  if (officer) {
    where += fmt::format(" WHERE v.officer = ?{}", next++);
  }
  if (since) {
    where += fmt::format("{} v.at >= ?{}", where.empty() ? " WHERE" : " AND", next++);
  }
  Statement query(store, std::string(k_visit_select) + where + " ORDER BY v.at, v.id");
  int bound = 1;
  if (officer) {
    query.bind(bound++, *officer);
  }
  if (since) {
    query.bind(bound++, format_utc(*since));
  }
  std::vector<Visit> visits;
  while (query.step()) {
    visits.push_back(visit_from_row(query));
  }
  return visits;
}

}  // namespace ent110
