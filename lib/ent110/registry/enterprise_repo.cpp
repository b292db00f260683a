// SPDX-License-Identifier: MIT
#include <ent110/registry/empty_as_null.hpp>
#include <ent110/registry/enterprise_repo.hpp>
#include <ent110/store/statement.hpp>

#include <string>

namespace ent110 {
namespace {

constexpr std::string_view k_enterprise_columns =
    "SELECT id, name, credit_code, county, above_scale, key_enterprise, contact, phone FROM "
    "enterprise";

Enterprise enterprise_from_row(const Statement& row) {
  return Enterprise{row.int64(0),
                    row.text(1),
                    row.optional_text(2).value_or(""),
                    row.optional_text(3).value_or(""),
                    row.int32(4) != 0,
                    row.int32(5) != 0,
                    row.optional_text(6).value_or(""),
                    row.optional_text(7).value_or("")};
}

template <typename Value>
std::optional<Enterprise> find_enterprise_where(Store& store,
                                                std::string_view condition,
                                                const Value& value) {
  Statement query(store, std::string(k_enterprise_columns) + " WHERE " + std::string(condition));
  query.bind(1, value);
  if (!query.step()) {
    return std::nullopt;
  }
  return enterprise_from_row(query);
}

}  // namespace

std::vector<Enterprise> list_enterprises(Store& store) {
  Statement query(store, std::string(k_enterprise_columns) + " ORDER BY id");
  std::vector<Enterprise> enterprises;
  while (query.step()) {
    enterprises.push_back(enterprise_from_row(query));
  }
  return enterprises;
}

std::optional<Enterprise> find_enterprise_by_id(Store& store, std::int64_t id) {
  return find_enterprise_where(store, "id = ?", id);
}

std::optional<Enterprise> find_enterprise_by_credit_code(Store& store,
                                                         std::string_view credit_code) {
  return find_enterprise_where(store, "credit_code = ?", credit_code);
}

std::optional<Enterprise> find_enterprise_by_name(Store& store, std::string_view name) {
  return find_enterprise_where(store, "name = ?", name);
}

std::int64_t save_enterprise(Store& store,
                             const Enterprise& enterprise,
                             std::optional<std::int64_t> id,
                             const Actor& actor,
                             std::string_view action,
                             Instant now) {
  std::optional<std::string> before =
      id ? audit_row(store, AuditSubject::enterprise, std::to_string(*id)) : std::nullopt;
  Statement statement(
      store,
      id ? "UPDATE enterprise SET name = ?1, credit_code = ?2, county = ?3, above_scale = ?4, "
           "key_enterprise = ?5, contact = ?6, phone = ?7 WHERE id = ?8"
         : "INSERT INTO enterprise (name, credit_code, county, above_scale, key_enterprise, "
           "contact, phone, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) RETURNING id");
  statement.bind(1, enterprise.name)
      .bind(2, empty_as_null(enterprise.credit_code))
      .bind(3, empty_as_null(enterprise.county))
      .bind(4, enterprise.above_scale ? 1 : 0)
      .bind(5, enterprise.key ? 1 : 0)
      .bind(6, empty_as_null(enterprise.contact))
      .bind(7, empty_as_null(enterprise.phone));
  std::int64_t written = 0;
  if (id) {
    statement.bind(8, *id).run();
    written = *id;
  } else {
    written = statement.bind(8, format_utc(now)).scalar_int64();
  }
  record_change(store, actor, action, AuditSubject::enterprise, std::to_string(written),
                std::move(before), now);
  return written;
}

}  // namespace ent110
