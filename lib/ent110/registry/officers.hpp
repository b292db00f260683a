// SPDX-License-Identifier: MIT
// Chief service officers (首席服务员, Art. 3): the leaders who contact, and the department
// leadership members who take charge of (分包), enterprises and projects. Their table's
// statements are in officer_repo.hpp.
#pragma once

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

}  // namespace ent110
