// SPDX-License-Identifier: MIT
#include <ent110/core/error.hpp>
#include <ent110/registry/enterprise_repo.hpp>
#include <ent110/registry/enterprises.hpp>
#include <ent110/registry/units.hpp>
#include <ent110/registry/uscc.hpp>

#include <charconv>

namespace ent110 {

void validate_enterprise(Store& store, const Enterprise& enterprise) {
  if (enterprise.name.empty()) {
    throw UsageError(MessageId::enterprise_name_empty);
  }
  if (!enterprise.credit_code.empty()) {
    validate_uscc(enterprise.credit_code);
  }
  if (!enterprise.county.empty()) {
    const Unit county = get_unit(store, enterprise.county);
    if (county.kind == UnitKind::department || !is_member_kind(county.kind)) {
      throw BadInput(MessageId::enterprise_county_kind, {county.code});
    }
  }
}

std::int64_t add_enterprise(Store& store,
                            const Enterprise& enterprise,
                            const Actor& actor,
                            Instant now) {
  validate_enterprise(store, enterprise);
  if (find_enterprise_by_name(store, enterprise.name)) {
    throw BadInput(MessageId::enterprise_name_exists, {enterprise.name});
  }
  if (!enterprise.credit_code.empty()) {
    if (auto other = find_enterprise_by_credit_code(store, enterprise.credit_code)) {
      throw BadInput(MessageId::enterprise_code_exists, {enterprise.credit_code, other->name});
    }
  }
  return save_enterprise(store, enterprise, std::nullopt, actor, "enterprise add", now);
}

Enterprise get_enterprise(Store& store, std::string_view reference) {
  const std::string text(reference);
  // Fewer than 18 digits always fit an int64_t, and a credit code has 18 characters.
  const bool numeric = !text.empty() && text.size() < 18 &&
                       text.find_first_not_of("0123456789") == std::string::npos;
  if (numeric) {
    std::int64_t id = 0;
    std::from_chars(text.data(), text.data() + text.size(), id);
    if (auto found = find_enterprise_by_id(store, id)) {
      return *found;
    }
  }
  if (auto found = find_enterprise_by_credit_code(store, text)) {
    return *found;
  }
  if (auto found = find_enterprise_by_name(store, text)) {
    return *found;
  }
  throw NotFound(MessageId::enterprise_unknown, {text});
}

}  // namespace ent110
