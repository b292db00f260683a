// SPDX-License-Identifier: MIT
#include <ent110/core/error.hpp>
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

}  // namespace ent110
