// SPDX-License-Identifier: MIT
#include <ent110/core/error.hpp>
#include <ent110/registry/enterprises.hpp>
#include <ent110/registry/project_repo.hpp>
#include <ent110/registry/projects.hpp>
#include <ent110/registry/units.hpp>
#include <ent110/store/store.hpp>
#include <ent110/util/enum_names.hpp>

#include <algorithm>
#include <array>

namespace ent110 {
namespace {

constexpr EnumNames<ProjectStatus, 3> k_statuses = {{
    {ProjectStatus::planned, "planned"},
    {ProjectStatus::under_construction, "under-construction"},
    {ProjectStatus::completed, "completed"},
}};

constexpr EnumNames<ProjectKey, 2> k_keys = {{
    {ProjectKey::provincial, "provincial"},
    {ProjectKey::city, "city"},
}};

bool all_digits(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::string_view to_string(ProjectStatus status) {
  return name_of(k_statuses, status);
}

std::optional<ProjectStatus> parse_project_status(std::string_view text) {
  return value_of(k_statuses, text);
}

const std::vector<ProjectStatus>& project_statuses() {
  static const std::vector<ProjectStatus> k_all = values_of(k_statuses);
  return k_all;
}

std::string_view to_string(ProjectKey key) {
  return name_of(k_keys, key);
}

std::optional<ProjectKey> parse_project_key(std::string_view text) {
  return value_of(k_keys, text);
}

const std::vector<ProjectKey>& project_keys() {
  static const std::vector<ProjectKey> k_all = values_of(k_keys);
  return k_all;
}

bool is_project_code(std::string_view code) {
  // YYYY-RRRRRR-II-TT-NNNNNN: the field lengths, then what each field may hold.
  constexpr std::array<std::size_t, 5> k_lengths = {4, 6, 2, 2, 6};
  std::array<std::string_view, 5> fields;
  std::size_t start = 0;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    const std::size_t end = i + 1 < fields.size() ? code.find('-', start) : code.size();
    if (end == std::string_view::npos) {
      return false;
    }
    fields[i] = code.substr(start, end - start);
    if (fields[i].size() != k_lengths[i] || !all_digits(fields[i])) {
      return false;
    }
    start = end + 1;
  }
  const bool year_plausible = fields[0].substr(0, 2) == "20";
  const bool approval_type = fields[3] == "01" || fields[3] == "02" || fields[3] == "03";
  return year_plausible && approval_type;
}

void validate_project_code(std::string_view code) {
  if (!is_project_code(code)) {
    throw BadInput(MessageId::project_code_bad, {std::string(code)});
  }
}

Project get_project(Store& store, std::string_view code) {
  validate_project_code(code);
  if (auto found = find_project(store, code)) {
    return *found;
  }
  throw NotFound(MessageId::project_unknown, {std::string(code)});
}

void validate_project(Store& store, const Project& project) {
  validate_project_code(project.code);
  if (project.name.empty()) {
    throw UsageError(MessageId::project_name_empty, {project.code});
  }
  const Unit county = get_unit(store, project.county);
  if (county.kind == UnitKind::department || !is_member_kind(county.kind)) {
    throw BadInput(MessageId::project_county_kind, {county.code});
  }
  if (project.enterprise) {
    get_enterprise(store, std::to_string(*project.enterprise));
  }
}

void add_project(Store& store, const Project& project, const Actor& actor, Instant now) {
  store.write([&] {
    validate_project(store, project);
    if (find_project(store, project.code)) {
      throw BadInput(MessageId::project_code_exists, {project.code});
    }
    save_project(store, project, false, actor, "project add", now);
  });
}

std::vector<Project> list_projects(Store& store, const ProjectFilter& filter, LocalDate today) {
  std::vector<Project> projects;
  store.read([&] {
    if (!filter.county.empty()) {
      get_unit(store, filter.county);
    }
    projects = find_projects(store, filter, today);
  });
  return projects;
}

Project set_project(Store& store,
                    std::string_view code,
                    const ProjectChange& change,
                    const Actor& actor,
                    Instant now) {
  Project project;
  store.write([&] {
    project = get_project(store, code);
    if (change.name) {
      project.name = *change.name;
    }
    if (change.status) {
      project.status = *change.status;
    }
    if (change.key) {
      project.key = *change.key;
    }
    if (change.started_on) {
      project.started_on = change.started_on;
    }
    validate_project(store, project);
    save_project(store, project, true, actor, "project set", now);
  });
  return project;
}

}  // namespace ent110
