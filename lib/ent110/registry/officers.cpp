// SPDX-License-Identifier: MIT
#include <ent110/core/error.hpp>
#include <ent110/registry/officer_repo.hpp>
#include <ent110/registry/officers.hpp>
#include <ent110/store/store.hpp>
#include <ent110/util/enum_names.hpp>

#include <charconv>

namespace ent110 {
namespace {

constexpr EnumNames<OfficerLevel, 3> k_levels = {{
    {OfficerLevel::city_leader, "city-leader"},
    {OfficerLevel::county_leader, "county-leader"},
    {OfficerLevel::department_leader, "department-leader"},
}};

}  // namespace

std::string_view to_string(OfficerLevel level) {
  return name_of(k_levels, level);
}

std::optional<OfficerLevel> parse_officer_level(std::string_view text) {
  return value_of(k_levels, text);
}

const std::vector<OfficerLevel>& officer_levels() {
  static const std::vector<OfficerLevel> k_all = {
      OfficerLevel::city_leader, OfficerLevel::county_leader, OfficerLevel::department_leader};
  return k_all;
}

bool is_leader(OfficerLevel level) {
  return level != OfficerLevel::department_leader;
}

Officer get_officer(Store& store, std::string_view reference) {
  std::int64_t id = 0;
  const auto [end, error] =
      std::from_chars(reference.data(), reference.data() + reference.size(), id);
  if (reference.empty() || error != std::errc{} || end != reference.data() + reference.size() ||
      id <= 0) {
    throw UsageError(MessageId::officer_reference_bad, {std::string(reference)});
  }
  if (auto found = find_officer(store, id)) {
    return *found;
  }
  throw NotFound(MessageId::officer_unknown, {std::string(reference)});
}

std::vector<Officer> officers_serving(Store& store, const Served& served, LocalDate day) {
  return find_officers_serving(store, served, day);
}

}  // namespace ent110
