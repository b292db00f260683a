// SPDX-License-Identifier: MIT
#pragma once

#include <ent110/audit/audit_log.hpp>
#include <ent110/config/config.hpp>
#include <ent110/core/time.hpp>
#include <ent110/store/store.hpp>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ent110 {

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

/// Who a user is in the rules (spec/rules.md, "Who acts").
enum class Role {
  office,  ///< staff of the Office
  unit,    ///< staff of a handling unit
  viewer,  ///< reads only
};

/// The JSON/CLI spelling of `role`.
std::string_view to_string(Role role);
/// Parses a spelling of to_string; nullopt for anything else.
std::optional<Role> parse_role(std::string_view text);
/// The spellings of every role.
std::vector<std::string> role_names();

/// A login and the unit and role it acts for.
struct User {
  std::string login;
  std::string unit;
  Role role = Role::viewer;
};

/// An enterprise that brings cases.
struct Enterprise {
  std::int64_t id = 0;
  std::string name;
  std::string credit_code;   ///< 统一社会信用代码, 18 characters, or empty when unknown
  std::string county;        ///< code of the county/district/area/zone it is in, or empty
  bool above_scale = false;  ///< 规模以上企业 (Art. 3)
  bool key = false;          ///< 重点企业 (Art. 3)
  std::string contact;
  std::string phone;
};

/// Counts of an import: rows that created a record and rows that updated one.
struct ImportSummary {
  int added = 0;
  int updated = 0;
};

// Every function below that writes records one audit event per row it changes, by `actor`
// (authorised by the caller, lib/ent110/access), inside the same transaction.

/// Creates the four built-in units named in `config` when missing; returns how many it created.
int ensure_builtin_units(Store& store, const Config& config, const Actor& actor, Instant now);

/// Adds a member unit; throws UsageError for a malformed code, BadInput when the code exists.
void add_unit(Store& store, const Unit& unit, const Actor& actor, Instant now);
/// Every unit, ordered by kind (built-ins first) then code.
std::vector<Unit> list_units(Store& store);
/// The unit `code`, or nullopt.
std::optional<Unit> find_unit(Store& store, std::string_view code);
/// The unit `code`; throws NotFound, with "did you mean" for a near-miss code.
Unit get_unit(Store& store, std::string_view code);
/// Adds or updates every `[[unit]]` of a TOML file in one go; throws BadInput naming
/// `file:line:col` for any bad entry, and then changes nothing.
ImportSummary import_units(Store& store,
                           const std::filesystem::path& file,
                           const Actor& actor,
                           Instant now);

/// Registers `user`; the unit must exist (NotFound), an office user must belong to the office and
/// a unit user to a member unit (Refused), and the login must be new (BadInput).
void add_user(Store& store, const User& user, const Actor& actor, Instant now);
/// Every user, ordered by login.
std::vector<User> list_users(Store& store);
/// The user `login`, or nullopt.
std::optional<User> find_user(Store& store, std::string_view login);
/// Whether any user is registered (with none, one person acts for everyone).
bool has_users(Store& store);

/// Adds an enterprise and returns its id; validates the credit code (BadInput) and the county
/// (NotFound), and refuses a duplicate name or code (BadInput).
std::int64_t add_enterprise(Store& store,
                            const Enterprise& enterprise,
                            const Actor& actor,
                            Instant now);
/// Every enterprise, ordered by id.
std::vector<Enterprise> list_enterprises(Store& store);
/// The enterprise whose id, credit code or exact name is `reference`; throws NotFound.
Enterprise get_enterprise(Store& store, std::string_view reference);
/// Adds or updates (matched by credit code, else name) every row of a CSV file with a header row
/// (name, credit_code, county, above_scale, key, contact, phone; only name is required), all or
/// nothing; throws BadInput naming `file:row`.
ImportSummary import_enterprises(Store& store,
                                 const std::filesystem::path& file,
                                 const Actor& actor,
                                 Instant now);

}  // namespace ent110
