// SPDX-License-Identifier: MIT
// How officers, assignments and projects (Art. 3) read in JSON and for people.
#pragma once

#include <ent110/registry/registry.hpp>

#include <nlohmann/json.hpp>

#include <string>

namespace ent110::cli {

/// {"id", "name", "level", "unit", "post", "phone", "retired_on"}; absent values are null.
nlohmann::json to_json(const Officer& officer);
/// {"id", "officer", "officer_name", "enterprise", "project", "name", "from", "until"}: `name` is
/// the enterprise's or project's; the subject not served and an open `until` are null.
nlohmann::json to_json(const Assignment& assignment);
/// {"code", "name", "county", "enterprise", "status", "key", "started_on"}; absent values are null.
nlohmann::json to_json(const Project& project);

/// The status for people, e.g. "在建" or "under construction".
std::string project_status_label(Lang lang, ProjectStatus status);
/// The key level for people, e.g. "市重点"; empty for a project that is not key.
std::string project_key_label(Lang lang, const std::optional<ProjectKey>& key);
/// What an assignment serves, for people: the enterprise's name, or "CODE name".
std::string assignment_subject(const Assignment& assignment);

}  // namespace ent110::cli
