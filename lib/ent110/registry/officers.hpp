// SPDX-License-Identifier: MIT
// Chief service officers (首席服务员, Art. 3): the leaders who contact, and the department
// leadership members who take charge of (分包), enterprises and projects. Their table's
// statements are in officer_repo.hpp.
#pragma once

#include <ent110/audit/audit_log.hpp>
#include <ent110/core/messages.hpp>
#include <ent110/core/time.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ent110 {

class Store;

/// Who an officer is in the rule's shape: city and county leaders contact key enterprises and
/// major projects; department leadership members take charge of the rest.
enum class OfficerLevel {
  city_leader,        ///< 市领导
  county_leader,      ///< 县区领导
  department_leader,  ///< 部门领导班子成员
};

/// The stored and command-line spelling: "city-leader", "county-leader", "department-leader".
std::string_view to_string(OfficerLevel level);
std::optional<OfficerLevel> parse_officer_level(std::string_view text);
/// All levels, in the order above.
const std::vector<OfficerLevel>& officer_levels();
/// The level for people, e.g. "市领导" or "city leader" (the coverage report's words).
std::string officer_level_label(Lang lang, OfficerLevel level);
/// Whether `level` is a city or county leader (领导), who must contact key enterprises.
bool is_leader(OfficerLevel level);

/// An officer, serving or retired.
struct Officer {
  std::int64_t id = 0;
  std::string name;
  OfficerLevel level = OfficerLevel::department_leader;
  std::string unit;  ///< code of the unit the officer belongs to
  std::string post;  ///< 职务, or empty
  std::string phone;
  std::optional<LocalDate> retired_on;  ///< first day no longer serving; nullopt while serving

  /// Whether the officer serves on `day` (has not retired by then).
  bool serving_on(LocalDate day) const { return !retired_on || *retired_on > day; }
};

/// The officer whose id is `reference` (decimal digits); throws NotFound for an unknown id and
/// UsageError for anything that is not an id.
Officer get_officer(Store& store, std::string_view reference);

/// What an officer serves: an enterprise (by id) or a project (by code), exactly one of the two.
struct Served {
  std::optional<std::int64_t> enterprise;
  std::optional<std::string> project;
};

/// The officers serving `served` on `day` (an assignment covering the day, officer not retired),
/// leaders first, then by id.
std::vector<Officer> officers_serving(Store& store, const Served& served, LocalDate day);

/// Which officers `list_officers` gives: of one unit and one level when set, serving ones only
/// unless `include_retired`.
struct OfficerFilter {
  std::string unit;
  std::optional<OfficerLevel> level;
  bool include_retired = false;
};

/// Checks what adding and importing share: a name (UsageError), a known unit (NotFound) whose kind
/// fits the level (BadInput): a county leader belongs to a county, district, area or zone; a city
/// leader to a city-level unit (the government, the office, a department); a department
/// leadership member to a department or, for a county's own departments, to the county.
void validate_officer(Store& store, const Officer& officer);

/// Registers a serving officer (its id and retired_on ignored), audited as "officer add" by
/// `actor` (authorised by the caller); returns the new id.
std::int64_t add_officer(Store& store, const Officer& officer, const Actor& actor, Instant now);

/// The officers `filter` selects, serving on `today` unless retired ones are asked for, by id.
std::vector<Officer> list_officers(Store& store, const OfficerFilter& filter, LocalDate today);

/// Retires officer `officer_id` from `on` (its first day no longer serving) and ends each of its
/// open assignments on that day, all audited; returns how many assignments it ended. Refuses
/// (Refused) a retired officer, and a day before an open assignment began.
int retire_officer(
    Store& store, std::int64_t officer_id, LocalDate on, const Actor& actor, Instant now);

}  // namespace ent110
