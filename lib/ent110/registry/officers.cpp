// SPDX-License-Identifier: MIT
#include <ent110/core/error.hpp>
#include <ent110/registry/assignment_repo.hpp>
#include <ent110/registry/officer_repo.hpp>
#include <ent110/registry/officers.hpp>
#include <ent110/registry/units.hpp>
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

bool is_county_kind(UnitKind kind) {
  return kind == UnitKind::county || kind == UnitKind::district || kind == UnitKind::area ||
         kind == UnitKind::zone;
}

// Art. 3 names who the officers are: city leaders (the government, the office, the city's
// departments), county leaders, and leadership members of departments. A county's own
// departments are not registered units, so their members are recorded under the county.
bool unit_fits_level(UnitKind kind, OfficerLevel level) {
  switch (level) {
    case OfficerLevel::city_leader:
      return kind == UnitKind::government || kind == UnitKind::office ||
             kind == UnitKind::department;
    case OfficerLevel::county_leader:
      return is_county_kind(kind);
    case OfficerLevel::department_leader:
      return kind == UnitKind::department || is_county_kind(kind);
  }
  return false;
}

MessageId unit_kind_refusal(OfficerLevel level) {
  switch (level) {
    case OfficerLevel::city_leader:
      return MessageId::officer_unit_city_leader;
    case OfficerLevel::county_leader:
      return MessageId::officer_unit_county_leader;
    case OfficerLevel::department_leader:
      break;
  }
  return MessageId::officer_unit_department_leader;
}

}  // namespace

std::string_view to_string(OfficerLevel level) {
  return name_of(k_levels, level);
}

std::optional<OfficerLevel> parse_officer_level(std::string_view text) {
  return value_of(k_levels, text);
}

const std::vector<OfficerLevel>& officer_levels() {
  static const std::vector<OfficerLevel> k_all = values_of(k_levels);
  return k_all;
}

std::string officer_level_label(Lang lang, OfficerLevel level) {
  switch (level) {
    case OfficerLevel::city_leader:
      return tr(lang, MessageId::coverage_level_city_leader);
    case OfficerLevel::county_leader:
      return tr(lang, MessageId::coverage_level_county_leader);
    case OfficerLevel::department_leader:
      break;
  }
  return tr(lang, MessageId::coverage_level_department_leader);
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

void validate_officer(Store& store, const Officer& officer) {
  if (officer.name.empty()) {
    throw UsageError(MessageId::officer_name_empty);
  }
  const Unit unit = get_unit(store, officer.unit);
  if (!unit_fits_level(unit.kind, officer.level)) {
    throw BadInput(unit_kind_refusal(officer.level),
                   {unit.code, std::string(to_string(unit.kind))});
  }
}

std::int64_t add_officer(Store& store, const Officer& officer, const Actor& actor, Instant now) {
  std::int64_t id = 0;
  store.write([&] {
    validate_officer(store, officer);
    id = save_officer(store, officer, std::nullopt, actor, "officer add", now);
  });
  return id;
}

std::vector<Officer> list_officers(Store& store, const OfficerFilter& filter, LocalDate today) {
  std::vector<Officer> officers;
  store.read([&] {
    if (!filter.unit.empty()) {
      get_unit(store, filter.unit);
    }
    officers = find_officers(store, filter, today);
  });
  return officers;
}

int retire_officer(
    Store& store, std::int64_t officer_id, LocalDate on, const Actor& actor, Instant now) {
  int ended = 0;
  store.write([&] {
    const Officer officer = get_officer(store, std::to_string(officer_id));
    if (officer.retired_on) {
      throw Refused(MessageId::officer_retired,
                    {std::to_string(officer.id), officer.name, format_date(*officer.retired_on)});
    }
    const std::vector<Assignment> open = find_open_assignments(store, officer_id);
    for (const Assignment& assignment : open) {
      if (on < assignment.from) {
        throw Refused(MessageId::officer_retire_before_assignment,
                      {std::to_string(officer.id), format_date(on), assignment.subject_name,
                       format_date(assignment.from)});
      }
    }
    set_officer_retired(store, officer_id, on, actor, now);
    for (const Assignment& assignment : open) {
      end_assignment(store, assignment.id, on, actor, "officer retire", now);
      ++ended;
    }
  });
  return ended;
}

}  // namespace ent110
