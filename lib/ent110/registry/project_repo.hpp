// SPDX-License-Identifier: MIT
// The project table: every statement on it.
#pragma once

#include <ent110/audit/audit_log.hpp>
#include <ent110/core/time.hpp>
#include <ent110/registry/projects.hpp>

#include <optional>
#include <string_view>
#include <vector>

namespace ent110 {

class Store;

/// The project with code `code`, or nullopt.
std::optional<Project> find_project(Store& store, std::string_view code);

/// The projects `filter` selects on `today`, by code.
std::vector<Project> find_projects(Store& store, const ProjectFilter& filter, LocalDate today);

/// Inserts `project` when `exists` is false, else updates the row of its code, and records the
/// audit event of `action` by `actor`.
void save_project(Store& store,
                  const Project& project,
                  bool exists,
                  const Actor& actor,
                  std::string_view action,
                  Instant now);

/// The cases whose project is `code`, by id.
std::vector<ProjectCase> find_project_cases(Store& store, std::string_view code);

}  // namespace ent110
