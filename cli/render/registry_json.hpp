// SPDX-License-Identifier: MIT
#pragma once

#include <ent110/core/messages.hpp>
#include <ent110/registry/registry.hpp>

#include <nlohmann/json.hpp>

namespace ent110::cli {

class Session;

/// Prints what an import did: "FILE: N added, M updated", or {"file", "added", "updated"}.
void emit_import_summary(Session& session, const std::string& file, const ImportSummary& summary);

/// The name of `kind` for people, e.g. "县" or "county".
std::string unit_kind_label(Lang lang, UnitKind kind);

/// {"code", "name", "kind", "leader", "contact", "phone"}; absent values are null.
nlohmann::json to_json(const Unit& unit);
/// {"login", "unit", "role"}.
nlohmann::json to_json(const User& user);
/// {"id", "name", "credit_code", "county", "above_scale", "key", "contact", "phone"}.
nlohmann::json to_json(const Enterprise& enterprise);

}  // namespace ent110::cli
