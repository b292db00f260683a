// SPDX-License-Identifier: MIT
#include <ent110/core/error.hpp>
#include <ent110/registry/project_repo.hpp>
#include <ent110/store/statement.hpp>

#include <string>

namespace ent110 {
namespace {

constexpr std::string_view k_project_columns =
    "SELECT code, name, county, enterprise, status, key_level, started_on FROM project";

Project project_from_row(const Statement& row) {
  Project project;
  project.code = row.text(0);
  project.name = row.text(1);
  project.county = row.text(2);
  if (!row.is_null(3)) {
    project.enterprise = row.int64(3);
  }
  const auto status = parse_project_status(row.text(4));
  if (!status) {
    throw StoreError(MessageId::case_stored_value_bad, {"project.status", row.text(4)});
  }
  project.status = *status;
  if (auto key = row.optional_text(5)) {
    project.key = parse_project_key(*key);
    if (!project.key) {
      throw StoreError(MessageId::case_stored_value_bad, {"project.key_level", *key});
    }
  }
  if (auto started = row.optional_text(6)) {
    project.started_on = parse_date(*started);
  }
  return project;
}

}  // namespace

std::optional<Project> find_project(Store& store, std::string_view code) {
  Statement query(store, std::string(k_project_columns) + " WHERE code = ?");
  query.bind(1, code);
  if (!query.step()) {
    return std::nullopt;
  }
  return project_from_row(query);
}

}  // namespace ent110
