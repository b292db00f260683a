// SPDX-License-Identifier: MIT
// The registries at once, for callers that use several: units, users, enterprises, officers,
// projects, assignments and their imports. Each subject has its own header (units.hpp, users.hpp,
// enterprises.hpp, imports.hpp) and its table's statements in a *_repo file.
#pragma once

#include <ent110/registry/assignment_repo.hpp>
#include <ent110/registry/assignments.hpp>
#include <ent110/registry/enterprise_repo.hpp>
#include <ent110/registry/enterprises.hpp>
#include <ent110/registry/imports.hpp>
#include <ent110/registry/officer_repo.hpp>
#include <ent110/registry/officers.hpp>
#include <ent110/registry/project_repo.hpp>
#include <ent110/registry/projects.hpp>
#include <ent110/registry/unit_repo.hpp>
#include <ent110/registry/units.hpp>
#include <ent110/registry/user_repo.hpp>
#include <ent110/registry/users.hpp>
