// SPDX-License-Identifier: MIT
// The project table: every statement on it.
#pragma once

#include <ent110/registry/projects.hpp>

#include <optional>
#include <string_view>

namespace ent110 {

class Store;

/// The project with code `code`, or nullopt.
std::optional<Project> find_project(Store& store, std::string_view code);

}  // namespace ent110
