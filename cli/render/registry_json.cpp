// SPDX-License-Identifier: MIT
#include "render/registry_json.hpp"

#include "render/output.hpp"
#include "session.hpp"

#include <ostream>

namespace ent110::cli {
namespace {
nlohmann::json text_or_null(const std::string& text) {
  return text.empty() ? nlohmann::json() : nlohmann::json(text);
}
}  // namespace

std::string unit_kind_label(Lang lang, UnitKind kind) {
  switch (kind) {
    case UnitKind::department:
      return tr(lang, MessageId::unit_kind_department);
    case UnitKind::county:
      return tr(lang, MessageId::unit_kind_county);
    case UnitKind::district:
      return tr(lang, MessageId::unit_kind_district);
    case UnitKind::area:
      return tr(lang, MessageId::unit_kind_area);
    case UnitKind::zone:
      return tr(lang, MessageId::unit_kind_zone);
    case UnitKind::office:
      return tr(lang, MessageId::unit_kind_office);
    case UnitKind::government:
      return tr(lang, MessageId::unit_kind_government);
    case UnitKind::inspection:
      return tr(lang, MessageId::unit_kind_inspection);
    case UnitKind::supervision:
      return tr(lang, MessageId::unit_kind_supervision);
  }
  return std::string(to_string(kind));
}

nlohmann::json to_json(const Unit& unit) {
  return {{"code", unit.code},
          {"name", unit.name},
          {"kind", to_string(unit.kind)},
          {"leader", text_or_null(unit.leader)},
          {"contact", text_or_null(unit.contact)},
          {"phone", text_or_null(unit.phone)}};
}

nlohmann::json to_json(const User& user) {
  return {{"login", user.login}, {"unit", user.unit}, {"role", to_string(user.role)}};
}

nlohmann::json to_json(const Enterprise& enterprise) {
  return {{"id", enterprise.id},
          {"name", enterprise.name},
          {"credit_code", text_or_null(enterprise.credit_code)},
          {"county", text_or_null(enterprise.county)},
          {"above_scale", enterprise.above_scale},
          {"key", enterprise.key},
          {"contact", text_or_null(enterprise.contact)},
          {"phone", text_or_null(enterprise.phone)}};
}

void emit_import_summary(Session& s, const std::string& file, const ImportSummary& summary) {
  if (s.json()) {
    emit_json(s, {{"file", file}, {"added", summary.added}, {"updated", summary.updated}});
    return;
  }
  s.out() << s.tr(MessageId::import_done,
                  {file, std::to_string(summary.added), std::to_string(summary.updated)})
          << '\n';
}

}  // namespace ent110::cli
