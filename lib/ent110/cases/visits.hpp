// SPDX-License-Identifier: MIT
// Door-to-door visits of chief service officers (上门服务, Art. 3), and the problems found on them
// taken in as cases (channel `visit`). Their table's statements are in visit_repo.hpp.
#pragma once

#include <ent110/cases/case.hpp>
#include <ent110/core/messages.hpp>
#include <ent110/core/time.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ent110 {

class CaseService;
class Store;
class Zone;
struct Config;

/// A recorded visit.
struct Visit {
  std::int64_t id = 0;
  std::int64_t officer = 0;
  std::string officer_name;
  std::optional<std::int64_t> enterprise;  ///< the enterprise visited, or
  std::optional<std::string> project;      ///< the project visited (its code)
  std::string subject_name;                ///< the enterprise's or the project's name
  Instant at;                              ///< when the visit took place
  std::string note;
  std::optional<std::string> case_id;  ///< the case a problem found on it was taken in as
  std::string actor;                   ///< login of who recorded it
  Instant recorded_at;
};

/// `visit add`.
struct VisitRequest {
  std::string officer;                    ///< the officer's id
  std::optional<std::string> enterprise;  ///< id, credit code or exact name; or
  std::optional<std::string> project;     ///< a project code; exactly one of the two
  std::string note;
  /// A problem was found on the visit: it is taken in as a case (channel `visit`).
  bool problem = false;
  std::string title;  ///< the case's title; empty: the note's first line
  CaseType type = CaseType::consult;
};

/// What `visit add` did.
struct RecordedVisit {
  Visit visit;
  std::optional<Case> kase;        ///< the case the problem was taken in as
  std::vector<Clock> provisional;  ///< the case's clocks started with a provisional due date
  std::vector<Message> warnings;   ///< e.g. the officer does not serve the place visited
};

/// Records the visit of `request.officer` at `at` as `login`, in one transaction with the case
/// of a problem found on it (all or nothing). Office users may record any officer's visit, unit
/// users only their own unit's officers', and only the office takes a problem in (Art. 7).
/// Throws UsageError unless exactly one of enterprise and project is given or for an empty
/// note, NotFound for an unknown officer, enterprise or project, BadInput for a malformed
/// project code, Refused for a login without the right, an officer retired by the visit's day,
/// or a problem found on a project whose investing enterprise is unknown. Warns when the
/// officer does not serve the enterprise or project on the visit's day.
RecordedVisit record_visit(Store& store,
                           CaseService& cases,
                           const Config& config,
                           const Zone& zone,
                           const VisitRequest& request,
                           std::string_view login,
                           Instant at);

/// Filters of `visit list`, combined with AND.
struct VisitQuery {
  std::optional<std::string> officer;  ///< the officer's id
  std::optional<LocalDate> since;      ///< visits on or after this local date
};

/// The visits `query` selects, oldest first. Throws NotFound for an unknown officer.
std::vector<Visit> list_visits(Store& store, const Zone& zone, const VisitQuery& query);

}  // namespace ent110
