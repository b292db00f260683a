// SPDX-License-Identifier: MIT
// Assignments (分包, Art. 3): which officer serves which enterprise or project, from when until
// when. Ended assignments are kept, so that who served whom when stays answerable. Their table's
// statements are in assignment_repo.hpp.
#pragma once

#include <ent110/audit/audit_log.hpp>
#include <ent110/core/messages.hpp>
#include <ent110/core/time.hpp>
#include <ent110/registry/officers.hpp>
#include <ent110/registry/projects.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ent110 {

class Store;

/// One officer serving one enterprise or project over [from, until).
struct Assignment {
  std::int64_t id = 0;
  std::int64_t officer = 0;
  std::string officer_name;
  Served served;
  std::string subject_name;  ///< the enterprise's or the project's name
  LocalDate from;
  std::optional<LocalDate> until;  ///< first day no longer served; nullopt while open

  /// Whether the assignment covers `day`.
  bool covers(LocalDate day) const { return from <= day && (!until || *until > day); }
};

/// A new assignment, and what the rule's guidance says about it.
struct AssignmentOutcome {
  Assignment assignment;
  /// Art. 3's guidance the assignment departs from; never a reason to refuse.
  std::vector<Message> warnings;
};

/// The subject `served` names; throws NotFound for an unknown enterprise or project, BadInput for a
/// malformed project code. Exactly one of the two must be set (the caller's options ensure it).
Served resolve_served(Store& store,
                      const std::optional<std::string>& enterprise_reference,
                      const std::optional<std::string>& project_code);

/// Assigns officer `officer_id` to `served` from `from`, audited as `action` by `actor`. Refuses
/// (Refused) a retired officer and an officer already serving the subject on or after `from`
/// (an open assignment, or an ended one that ends after `from`). Returns the assignment and the
/// guidance warnings (assignment_guidance).
AssignmentOutcome assign_officer(Store& store,
                                 std::int64_t officer_id,
                                 const Served& served,
                                 LocalDate from,
                                 const Actor& actor,
                                 std::string_view action,
                                 Instant now);

/// Ends officer `officer_id`'s open assignment to `served` on `on`, audited as "officer unassign".
/// Refuses (Refused) when there is none, or when `on` is before it began. Returns it as ended.
Assignment unassign_officer(Store& store,
                            std::int64_t officer_id,
                            const Served& served,
                            LocalDate on,
                            const Actor& actor,
                            Instant now);

/// What Art. 3 advises against in `officer` serving `served`: a city or county leader on an
/// enterprise or project that is not key; a county leader outside their county; a completed
/// project; an enterprise neither above-scale nor key (coverage counts above-scale ones).
std::vector<Message> assignment_guidance(Store& store,
                                         const Officer& officer,
                                         const Served& served);

/// An officer as `officer show` gives them.
struct OfficerDetail {
  Officer officer;
  std::vector<Assignment> serving;  ///< the assignments covering the day asked about
  std::vector<Assignment> history;  ///< every assignment, by from date
};
/// Officer `reference` (as get_officer) and their assignments on `today`.
OfficerDetail officer_detail(Store& store, std::string_view reference, LocalDate today);

/// A project as `project show` gives it.
struct ProjectDetail {
  Project project;
  std::string enterprise_name;      ///< the investing enterprise's name, or empty
  std::vector<Officer> officers;    ///< serving it on the day asked about (officers_serving)
  std::vector<Assignment> history;  ///< every assignment to it, by from date
  std::vector<ProjectCase> cases;
};
/// Project `code` (as get_project) with its officers on `today`, assignments and cases.
ProjectDetail project_detail(Store& store, std::string_view code, LocalDate today);

}  // namespace ent110
