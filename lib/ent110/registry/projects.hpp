// SPDX-License-Identifier: MIT
// Projects under construction (在建项目, Art. 3), known by their national investment project code
// (项目统一代码). Their table's statements are in project_repo.hpp.
#pragma once

#include <ent110/audit/audit_log.hpp>
#include <ent110/core/time.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ent110 {

class Store;

enum class ProjectStatus { planned, under_construction, completed };
/// The stored and command-line spelling: "planned", "under-construction", "completed".
std::string_view to_string(ProjectStatus status);
std::optional<ProjectStatus> parse_project_status(std::string_view text);
const std::vector<ProjectStatus>& project_statuses();

/// A key project's level (重点项目); a project that is not key has none.
enum class ProjectKey { provincial, city };
/// "provincial", "city".
std::string_view to_string(ProjectKey key);
std::optional<ProjectKey> parse_project_key(std::string_view text);
const std::vector<ProjectKey>& project_keys();

/// A project.
struct Project {
  std::string code;  ///< 项目统一代码, e.g. 2017-411500-44-03-012345
  std::string name;
  std::string county;                      ///< code of the county/district/area/zone it is built in
  std::optional<std::int64_t> enterprise;  ///< the investing enterprise, when known
  ProjectStatus status = ProjectStatus::under_construction;
  std::optional<ProjectKey> key;
  std::optional<LocalDate> started_on;
};

/// Whether `code` has the shape of a project code: YYYY-RRRRRR-II-TT-NNNNNN, the year of coding
/// (2000–2099), the 6-digit division code of the approving authority, the 2-digit industry code,
/// the 2-digit approval type (01 审批, 02 核准, 03 备案) and a 6-digit serial number.
bool is_project_code(std::string_view code);
/// Throws BadInput naming `code` and the right shape unless is_project_code(code).
void validate_project_code(std::string_view code);

/// The project with code `code`; throws BadInput for a malformed code and NotFound for an
/// unknown one.
Project get_project(Store& store, std::string_view code);

/// Checks what adding, changing and importing share: the code's shape (BadInput), a name
/// (UsageError), a county that is a county, district, area or zone (NotFound, BadInput) and a
/// known investing enterprise (NotFound). Whether a duplicate is an error is the caller's.
void validate_project(Store& store, const Project& project);

/// Registers `project`, audited as "project add" by `actor` (authorised by the caller); refuses a
/// code already registered (BadInput).
void add_project(Store& store, const Project& project, const Actor& actor, Instant now);

/// Which projects `list_projects` gives; unset fields select all.
struct ProjectFilter {
  std::string county;
  std::optional<ProjectStatus> status;
  std::optional<ProjectKey> key;
  /// Only projects under construction that no serving officer serves on the day listed.
  bool uncovered = false;
};

/// The projects `filter` selects on `today`, by code.
std::vector<Project> list_projects(Store& store, const ProjectFilter& filter, LocalDate today);

/// A change of a project's record; unset fields stay as they are.
struct ProjectChange {
  std::optional<std::string> name;
  std::optional<ProjectStatus> status;
  std::optional<std::optional<ProjectKey>> key;  ///< a key level, or nullopt inside: not key
  std::optional<LocalDate> started_on;
};

/// Applies `change` to project `code`, audited as "project set" by `actor`; returns the project
/// as changed. Throws as get_project and validate_project.
Project set_project(Store& store,
                    std::string_view code,
                    const ProjectChange& change,
                    const Actor& actor,
                    Instant now);

/// A case about a project (`intake --project`), as `project show` lists it.
struct ProjectCase {
  std::string id;
  std::string state;
  std::string title;
};

}  // namespace ent110
