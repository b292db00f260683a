// SPDX-License-Identifier: MIT
#include <ent110/access/access.hpp>
#include <ent110/audit/audit_log.hpp>
#include <ent110/cases/service.hpp>
#include <ent110/cases/visit_repo.hpp>
#include <ent110/cases/visits.hpp>
#include <ent110/config/config.hpp>
#include <ent110/core/error.hpp>
#include <ent110/registry/registry.hpp>
#include <ent110/store/store.hpp>

#include <algorithm>

namespace ent110 {
namespace {

std::string first_line(const std::string& text) {
  const std::size_t start = text.find_first_not_of(" \t\r\n");
  if (start == std::string::npos) {
    return {};
  }
  const std::size_t end = text.find_first_of("\r\n", start);
  const std::string line = text.substr(start, end == std::string::npos ? end : end - start);
  return line.substr(0, line.find_last_not_of(" \t") + 1);
}

// The place visited, checked: the enterprise or the project of `request`.
struct Visited {
  Served served;
  std::string name;
  std::optional<std::int64_t> investor;  ///< a project's investing enterprise, when known
};

Visited visited(Store& store, const VisitRequest& request) {
  Visited place;
  if (request.enterprise) {
    const Enterprise enterprise = get_enterprise(store, *request.enterprise);
    place.served.enterprise = enterprise.id;
    place.name = enterprise.name;
  } else {
    const Project project = get_project(store, *request.project);
    place.served.project = project.code;
    place.name = project.name;
    place.investor = project.enterprise;
  }
  return place;
}

}  // namespace

RecordedVisit record_visit(Store& store,
                           CaseService& cases,
                           const Config& config,
                           const Zone& zone,
                           const VisitRequest& request,
                           std::string_view login,
                           Instant at) {
  if (request.enterprise.has_value() == request.project.has_value()) {
    throw UsageError(MessageId::visits_enterprise_or_project);
  }
  if (first_line(request.note).empty()) {
    throw UsageError(MessageId::visits_note_empty);
  }
  RecordedVisit recorded;
  store.write([&] {
    const Officer officer = get_officer(store, request.officer);
    const Actor actor =
        authorize_visit(store, login, officer.unit, request.problem, config.office_unit);
    const LocalDate day = zone.local_date(at);
    if (!officer.serving_on(day)) {
      throw Refused(MessageId::visits_officer_retired,
                    {std::to_string(officer.id), officer.name, format_date(*officer.retired_on),
                     format_date(day)});
    }
    const Visited place = visited(store, request);
    const std::vector<Officer> serving = officers_serving(store, place.served, day);
    if (std::none_of(serving.begin(), serving.end(),
                     [&](const Officer& other) { return other.id == officer.id; })) {
      // 点对点 service is expected, but a visit elsewhere is still a visit worth recording.
      recorded.warnings.push_back(
          Message{MessageId::visits_not_serving,
                  {std::to_string(officer.id), officer.name, place.name, format_date(day)}});
    }
    if (request.problem && place.served.project && !place.investor) {
      throw Refused(MessageId::visits_problem_no_enterprise, {*place.served.project, place.name});
    }

    Visit visit;
    visit.officer = officer.id;
    visit.enterprise = place.served.enterprise;
    visit.project = place.served.project;
    visit.at = at;
    visit.note = request.note;
    visit.actor = actor.login;
    if (request.problem) {
      IntakeRequest intake;
      // A problem on a project's site is the investing enterprise's case, about the project.
      intake.enterprise =
          std::to_string(place.served.enterprise ? *place.served.enterprise : *place.investor);
      intake.project = place.served.project;
      intake.type = request.type;
      intake.channel = Channel::visit;
      intake.title = request.title.empty() ? first_line(request.note) : request.title;
      intake.body = request.note;
      ActionResult taken_in = cases.intake(intake, login, at);
      visit.case_id = taken_in.kase.id;
      recorded.kase = std::move(taken_in.kase);
      recorded.provisional = std::move(taken_in.provisional);
      for (Message& warning : taken_in.warnings) {
        recorded.warnings.push_back(std::move(warning));
      }
    }
    visit.recorded_at = wall_clock_now();
    // Inserted whole, after the case: visits are never updated (unit staff may only insert).
    const std::int64_t id = insert_visit(store, visit);
    record_change(store, actor, "visit add", AuditSubject::visit, std::to_string(id), std::nullopt,
                  at);
    recorded.visit = *find_visit(store, id);
  });
  return recorded;
}

std::vector<Visit> list_visits(Store& store, const Zone& zone, const VisitQuery& query) {
  std::vector<Visit> visits;
  store.read([&] {
    std::optional<std::int64_t> officer;
    if (query.officer) {
      officer = get_officer(store, *query.officer).id;
    }
    std::optional<Instant> since;
    if (query.since) {
      since = zone.start_of(*query.since);
    }
    visits = find_visits(store, officer, since);
  });
  return visits;
}

}  // namespace ent110
