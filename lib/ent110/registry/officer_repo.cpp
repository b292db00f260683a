// SPDX-License-Identifier: MIT
#include <ent110/core/error.hpp>
#include <ent110/registry/empty_as_null.hpp>
#include <ent110/registry/officer_repo.hpp>
#include <ent110/store/statement.hpp>

#include <string>

namespace ent110 {
namespace {

constexpr std::string_view k_officer_columns =
    "SELECT o.id, o.name, o.level, o.unit, o.post, o.phone, o.retired_on FROM officer AS o";

Officer officer_from_row(const Statement& row) {
  Officer officer;
  officer.id = row.int64(0);
  officer.name = row.text(1);
  const auto level = parse_officer_level(row.text(2));
  if (!level) {
    throw StoreError(MessageId::case_stored_value_bad, {"officer.level", row.text(2)});
  }
  officer.level = *level;
  officer.unit = row.text(3);
  officer.post = row.optional_text(4).value_or("");
  officer.phone = row.optional_text(5).value_or("");
  if (auto retired = row.optional_text(6)) {
    officer.retired_on = parse_date(*retired);
  }
  return officer;
}

}  // namespace

std::optional<Officer> find_officer(Store& store, std::int64_t id) {
  Statement query(store, std::string(k_officer_columns) + " WHERE o.id = ?");
  query.bind(1, id);
  if (!query.step()) {
    return std::nullopt;
  }
  return officer_from_row(query);
}

std::vector<Officer> find_officers_serving(Store& store, const Served& served, LocalDate day) {
  const std::string today = format_date(day);
  Statement query(store,
                  std::string(k_officer_columns) +
                      " JOIN assignment AS a ON a.officer = o.id"
                      " WHERE (a.enterprise = ?1 OR a.project = ?2) AND a.from_date <= ?3"
                      " AND (a.until_date IS NULL OR a.until_date > ?3)"
                      " AND (o.retired_on IS NULL OR o.retired_on > ?3)"
                      " ORDER BY CASE WHEN o.level = 'department-leader' THEN 1 ELSE 0 END, o.id");
  query.bind(1, served.enterprise).bind(2, served.project).bind(3, today);
  std::vector<Officer> officers;
  while (query.step()) {
    officers.push_back(officer_from_row(query));
  }
  return officers;
}

std::vector<Officer> find_officers(Store& store, const OfficerFilter& filter, LocalDate today) {
  Statement query(store, std::string(k_officer_columns) +
                             " WHERE (?1 = '' OR o.unit = ?1) AND (?2 = '' OR o.level = ?2)"
                             " AND (?3 = 1 OR o.retired_on IS NULL OR o.retired_on > ?4)"
                             " ORDER BY o.id");
  query.bind(1, filter.unit)
      .bind(2, filter.level ? to_string(*filter.level) : std::string_view{})
      .bind(3, filter.include_retired ? 1 : 0)
      .bind(4, format_date(today));
  std::vector<Officer> officers;
  while (query.step()) {
    officers.push_back(officer_from_row(query));
  }
  return officers;
}

std::optional<Officer> find_officer_by_name(Store& store,
                                            std::string_view name,
                                            std::string_view unit) {
  Statement query(store, std::string(k_officer_columns) +
                             " WHERE o.name = ? AND o.unit = ? ORDER BY o.id DESC");
  query.bind(1, name).bind(2, unit);
  if (!query.step()) {
    return std::nullopt;
  }
  return officer_from_row(query);
}

std::int64_t save_officer(Store& store,
                          const Officer& officer,
                          std::optional<std::int64_t> id,
                          const Actor& actor,
                          std::string_view action,
                          Instant now) {
  std::optional<std::string> before =
      id ? audit_row(store, AuditSubject::officer, std::to_string(*id)) : std::nullopt;
  Statement statement(store,
                      id ? "UPDATE officer SET name = ?1, level = ?2, unit = ?3, post = ?4, "
                           "phone = ?5 WHERE id = ?6"
                         : "INSERT INTO officer (name, level, unit, post, phone, created_at) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING id");
  statement.bind(1, officer.name)
      .bind(2, to_string(officer.level))
      .bind(3, officer.unit)
      .bind(4, empty_as_null(officer.post))
      .bind(5, empty_as_null(officer.phone));
  std::int64_t written = 0;
  if (id) {
    statement.bind(6, *id).run();
    written = *id;
  } else {
    written = statement.bind(6, format_utc(now)).scalar_int64();
  }
  record_change(store, actor, action, AuditSubject::officer, std::to_string(written),
                std::move(before), now);
  return written;
}

void set_officer_retired(
    Store& store, std::int64_t id, LocalDate on, const Actor& actor, Instant now) {
  const std::string key = std::to_string(id);
  std::optional<std::string> before = audit_row(store, AuditSubject::officer, key);
  Statement update(store, "UPDATE officer SET retired_on = ? WHERE id = ?");
  update.bind(1, format_date(on)).bind(2, id).run();
  record_change(store, actor, "officer retire", AuditSubject::officer, key, std::move(before), now);
}

}  // namespace ent110
