// SPDX-License-Identifier: MIT
// The unit registry: the Office, the member units that handle cases and the built-in bodies.
// Reads and writes of the unit table are in unit_repo.hpp.
#pragma once

#include <ent110/audit/audit_log.hpp>
#include <ent110/config/config.hpp>
#include <ent110/core/time.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ent110 {

class Store;

/// What a unit is (Art. 5 names the member kinds; the last four are the built-in bodies).
enum class UnitKind {
  department,   ///< 市直部门, a municipal department
  county,       ///< 县
  district,     ///< 区
  area,         ///< 管理区, a management area
  zone,         ///< 开发区, a development zone
  office,       ///< 市企业服务活动办公室, the Office (Art. 4)
  government,   ///< 市政府, receives escalations (Art. 7, 8)
  inspection,   ///< 市政府督查室, receives referrals (Art. 7)
  supervision,  ///< 市监察局, receives the accountability list (Art. 13)
};

/// The JSON/CLI spelling of `kind`.
std::string_view to_string(UnitKind kind);
/// Parses a spelling of to_string; nullopt for anything else.
std::optional<UnitKind> parse_unit_kind(std::string_view text);
/// Whether `kind` is a member unit that handles cases (department … zone).
bool is_member_kind(UnitKind kind);
/// The spellings of the member kinds, for option validation.
std::vector<std::string> member_kind_names();

/// A unit: the Office, a handling unit, or a built-in body.
struct Unit {
  std::string code;
  std::string name;
  UnitKind kind = UnitKind::department;
  std::string leader;   ///< 分管领导 (Art. 5)
  std::string contact;  ///< 具体责任人员 (Art. 5)
  std::string phone;
};

/// Whether `code` is a well-formed unit code: 1 to 32 ASCII letters, digits, '_' or '-'.
bool valid_unit_code(std::string_view code);

// Every function below that writes records one audit event per row it changes, by `actor`
// (authorised by the caller, lib/ent110/access), inside the same transaction.

/// Creates the four built-in units named in `config` when missing; returns how many it created.
int ensure_builtin_units(Store& store, const Config& config, const Actor& actor, Instant now);

/// Adds a member unit; throws UsageError for a malformed code, BadInput when the code exists.
void add_unit(Store& store, const Unit& unit, const Actor& actor, Instant now);
/// The unit `code`; throws NotFound, with "did you mean" for a near-miss code.
Unit get_unit(Store& store, std::string_view code);

}  // namespace ent110
