// SPDX-License-Identifier: MIT
#include <ent110/registry/empty_as_null.hpp>
#include <ent110/registry/unit_repo.hpp>
#include <ent110/store/statement.hpp>

namespace ent110 {
namespace {

constexpr std::string_view k_unit_columns =
    "SELECT code, name, kind, leader, contact, phone FROM unit";

Unit unit_from_row(const Statement& row) {
  return Unit{row.text(0),
              row.text(1),
              *parse_unit_kind(row.text(2)),
              row.optional_text(3).value_or(""),
              row.optional_text(4).value_or(""),
              row.optional_text(5).value_or("")};
}

}  // namespace

std::vector<Unit> list_units(Store& store) {
  // Built-in bodies first, then departments, districts, counties, areas and zones, each by code.
  Statement query(store, std::string(k_unit_columns) +
                             " ORDER BY CASE kind WHEN 'office' THEN 0 WHEN 'government' THEN 1 "
                             "WHEN 'inspection' THEN 2 WHEN 'supervision' THEN 3 "
                             "WHEN 'department' THEN 4 WHEN 'district' THEN 5 WHEN 'county' THEN 6 "
                             "WHEN 'area' THEN 7 ELSE 8 END, code");
  std::vector<Unit> units;
  while (query.step()) {
    units.push_back(unit_from_row(query));
  }
  return units;
}

std::optional<Unit> find_unit(Store& store, std::string_view code) {
  Statement query(store, std::string(k_unit_columns) + " WHERE code = ?");
  query.bind(1, code);
  if (!query.step()) {
    return std::nullopt;
  }
  return unit_from_row(query);
}

std::vector<std::string> unit_codes(Store& store) {
  Statement query(store, "SELECT code FROM unit");
  std::vector<std::string> codes;
  while (query.step()) {
    codes.push_back(query.text(0));
  }
  return codes;
}

void save_unit(
    Store& store, const Unit& unit, const Actor& actor, std::string_view action, Instant now) {
  std::optional<std::string> before = audit_row(store, AuditSubject::unit, unit.code);
  Statement(store,
            "INSERT INTO unit (code, name, kind, leader, contact, phone, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (code) DO UPDATE SET "
            "name = excluded.name, kind = excluded.kind, leader = excluded.leader, "
            "contact = excluded.contact, phone = excluded.phone")
      .bind(1, unit.code)
      .bind(2, unit.name)
      .bind(3, to_string(unit.kind))
      .bind(4, empty_as_null(unit.leader))
      .bind(5, empty_as_null(unit.contact))
      .bind(6, empty_as_null(unit.phone))
      .bind(7, format_utc(now))
      .run();
  record_change(store, actor, action, AuditSubject::unit, unit.code, std::move(before), now);
}

}  // namespace ent110
