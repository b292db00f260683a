// SPDX-License-Identifier: MIT
#include <ent110/core/error.hpp>
#include <ent110/registry/assignment_repo.hpp>
#include <ent110/registry/assignments.hpp>
#include <ent110/registry/enterprises.hpp>
#include <ent110/registry/project_repo.hpp>
#include <ent110/registry/projects.hpp>
#include <ent110/store/store.hpp>

namespace ent110 {
namespace {

// How a subject reads in a message: the enterprise's name, or the project's code and name.
std::string subject_label(const Served& served, const std::string& name) {
  return served.project ? *served.project + " " + name : name;
}

}  // namespace

Served resolve_served(Store& store,
                      const std::optional<std::string>& enterprise_reference,
                      const std::optional<std::string>& project_code) {
  if (enterprise_reference) {
    return Served{get_enterprise(store, *enterprise_reference).id, std::nullopt};
  }
  return Served{std::nullopt, get_project(store, project_code.value_or("")).code};
}

std::vector<Message> assignment_guidance(Store& store,
                                         const Officer& officer,
                                         const Served& served) {
  std::vector<Message> warnings;
  const std::string who = officer.name;
  const std::string level(to_string(officer.level));
  if (served.enterprise) {
    const Enterprise enterprise = get_enterprise(store, std::to_string(*served.enterprise));
    if (is_leader(officer.level) && !enterprise.key) {
      warnings.push_back(
          {MessageId::assign_leader_not_key_enterprise, {who, level, enterprise.name}});
    }
    if (!enterprise.above_scale && !enterprise.key) {
      warnings.push_back({MessageId::assign_enterprise_not_counted, {enterprise.name}});
    }
    if (officer.level == OfficerLevel::county_leader && enterprise.county != officer.unit) {
      warnings.push_back({MessageId::assign_outside_county,
                          {who, officer.unit, enterprise.name, enterprise.county}});
    }
    return warnings;
  }
  const Project project = get_project(store, *served.project);
  const std::string label = subject_label(served, project.name);
  if (is_leader(officer.level) && !project.key) {
    warnings.push_back({MessageId::assign_leader_not_key_project, {who, level, label}});
  }
  if (project.status == ProjectStatus::completed) {
    warnings.push_back({MessageId::assign_project_completed, {label}});
  }
  if (officer.level == OfficerLevel::county_leader && project.county != officer.unit) {
    warnings.push_back(
        {MessageId::assign_outside_county, {who, officer.unit, label, project.county}});
  }
  return warnings;
}

AssignmentOutcome assign_officer(Store& store,
                                 std::int64_t officer_id,
                                 const Served& served,
                                 LocalDate from,
                                 const Actor& actor,
                                 std::string_view action,
                                 Instant now) {
  AssignmentOutcome outcome;
  store.write([&] {
    const Officer officer = get_officer(store, std::to_string(officer_id));
    if (officer.retired_on) {
      throw Refused(MessageId::officer_retired,
                    {std::to_string(officer.id), officer.name, format_date(*officer.retired_on)});
    }
    const std::vector<Assignment> reaching =
        find_assignments_reaching(store, officer_id, served, from);
    if (!reaching.empty()) {
      const Assignment& serving = reaching.front();
      std::vector<std::string> args{std::to_string(officer.id), officer.name,
                                    subject_label(served, serving.subject_name),
                                    format_date(serving.from)};
      if (!serving.until) {
        throw Refused(MessageId::assign_already_serving, std::move(args));
      }
      args.push_back(format_date(*serving.until));
      throw Refused(MessageId::assign_overlaps, std::move(args));
    }
    outcome.warnings = assignment_guidance(store, officer, served);
    const std::int64_t id = insert_assignment(store, officer_id, served, from, actor, action, now);
    for (const Assignment& assignment : find_assignments_of_officer(store, officer_id)) {
      if (assignment.id == id) {
        outcome.assignment = assignment;
      }
    }
  });
  return outcome;
}

Assignment unassign_officer(Store& store,
                            std::int64_t officer_id,
                            const Served& served,
                            LocalDate on,
                            const Actor& actor,
                            Instant now) {
  Assignment ended;
  store.write([&] {
    const Officer officer = get_officer(store, std::to_string(officer_id));
    std::optional<Assignment> open;
    for (const Assignment& assignment : find_open_assignments(store, officer_id)) {
      if (assignment.served.enterprise == served.enterprise &&
          assignment.served.project == served.project) {
        open = assignment;
      }
    }
    if (!open) {
      throw Refused(MessageId::unassign_not_serving, {std::to_string(officer.id), officer.name});
    }
    if (on < open->from) {
      throw Refused(
          MessageId::unassign_before_from,
          {format_date(on), subject_label(served, open->subject_name), format_date(open->from)});
    }
    end_assignment(store, open->id, on, actor, "officer unassign", now);
    ended = *open;
    ended.until = on;
  });
  return ended;
}

OfficerDetail officer_detail(Store& store, std::string_view reference, LocalDate today) {
  OfficerDetail detail;
  store.read([&] {
    detail.officer = get_officer(store, reference);
    detail.history = find_assignments_of_officer(store, detail.officer.id);
    for (const Assignment& assignment : detail.history) {
      if (assignment.covers(today) && detail.officer.serving_on(today)) {
        detail.serving.push_back(assignment);
      }
    }
  });
  return detail;
}

ProjectDetail project_detail(Store& store, std::string_view code, LocalDate today) {
  ProjectDetail detail;
  store.read([&] {
    detail.project = get_project(store, code);
    if (detail.project.enterprise) {
      detail.enterprise_name =
          get_enterprise(store, std::to_string(*detail.project.enterprise)).name;
    }
    const Served served{std::nullopt, detail.project.code};
    detail.officers = officers_serving(store, served, today);
    detail.history = find_assignments_of_subject(store, served);
    detail.cases = find_project_cases(store, detail.project.code);
  });
  return detail;
}

}  // namespace ent110
