// SPDX-License-Identifier: MIT
#include "render/case_json.hpp"

#include "render/registry_json.hpp"

#include <ent110/calendar/calendar.hpp>

namespace ent110::cli {
namespace {

nlohmann::json case_text_or_null(const std::string& text) {
  return text.empty() ? nlohmann::json() : nlohmann::json(text);
}

nlohmann::json case_authored_json(const std::optional<Authored>& authored, const Zone& zone) {
  if (!authored) {
    return nullptr;
  }
  return {{"text", authored->text},
          {"unit", authored->unit},
          {"by", authored->by},
          {"at", zone.format_local(authored->at)},
          {"edited", authored->edited}};
}

}  // namespace

nlohmann::json to_json(const Clock& clock,
                       LocalDate today,
                       const Zone& zone,
                       const WorkingCalendar& calendar) {
  nlohmann::json json = {
      {"name", to_string(clock.name)},
      {"started", format_date(clock.started)},
      {"due", format_date(clock.due)},
      {"stopped", clock.stopped ? nlohmann::json(format_date(*clock.stopped)) : nullptr},
      {"status", to_string(status_at(clock, today))},
  };
  if (clock.provisional) {
    json["provisional"] = true;
  }
  json["unit"] = clock.unit;
  json["working_days"] = clock.working_days ? nlohmann::json(*clock.working_days) : nullptr;
  const auto left = working_days_left(clock, today, calendar);
  json["working_days_left"] = left ? nlohmann::json(*left) : nullptr;
  json["round"] = clock.round;
  json["referred_at"] =
      clock.referred_at ? nlohmann::json(zone.format_local(*clock.referred_at)) : nullptr;
  return json;
}

nlohmann::json to_json(const Event& event, const Zone& zone) {
  return {{"seq", event.case_seq},
          {"at", zone.format_local(event.at)},
          {"recorded_at",
           event.recorded_at ? nlohmann::json(zone.format_local(*event.recorded_at)) : nullptr},
          {"action", to_string(event.action)},
          {"actor", event.actor},
          {"unit", event.unit},
          {"text", event.text},
          {"detail", event.detail},
          {"case", event.case_id}};
}

nlohmann::json to_json(const Case& kase,
                       LocalDate today,
                       const Zone& zone,
                       const WorkingCalendar& calendar) {
  nlohmann::json clocks = nlohmann::json::array();
  for (const Clock& clock : kase.clocks) {
    clocks.push_back(to_json(clock, today, zone, calendar));
  }
  nlohmann::json events = nlohmann::json::array();
  for (const Event& event : kase.events) {
    events.push_back(to_json(event, zone));
  }
  nlohmann::json json = {
      {"id", kase.id},
      {"state", to_string(kase.state)},
      {"type", to_string(kase.type)},
      {"major", kase.major},
      {"channel", to_string(kase.channel)},
      {"enterprise", to_json(kase.enterprise)},
      {"unit", case_text_or_null(kase.unit)},
      {"title", kase.title},
      {"received_at", zone.format_local(kase.received_at)},
      {"clocks", clocks},
      {"events", events},
  };
  json["body"] = kase.body;
  json["co_units"] = kase.co_units;
  json["round"] = kase.round;
  json["reject_reason"] =
      kase.reject_reason ? nlohmann::json(to_string(*kase.reject_reason)) : nullptr;
  json["result"] = case_authored_json(kase.result, zone);
  json["answer"] = case_authored_json(kase.answer, zone);
  json["rating"] = kase.rating ? nlohmann::json(to_string(*kase.rating)) : nullptr;
  json["rating_comment"] = case_text_or_null(kase.rating_comment);
  json["project"] = kase.project ? nlohmann::json(*kase.project) : nullptr;
  json["confidential"] = kase.confidential;
  json["merged_into"] = kase.merged_into ? nlohmann::json(*kase.merged_into) : nullptr;
  return json;
}

nlohmann::json to_json(const CaseDetail& detail,
                       LocalDate today,
                       const Zone& zone,
                       const WorkingCalendar& calendar) {
  nlohmann::json json = to_json(detail.kase, today, zone, calendar);
  nlohmann::json officers = nlohmann::json::array();
  for (const CaseOfficer& serving : detail.officers) {
    officers.push_back({{"id", serving.officer.id},
                        {"name", serving.officer.name},
                        {"level", to_string(serving.officer.level)},
                        {"unit", serving.officer.unit},
                        {"serves", to_string(serving.serves)}});
  }
  json["officers"] = officers;
  return json;
}

nlohmann::json to_json(const CaseSummary& summary,
                       LocalDate today,
                       const Zone& zone,
                       const WorkingCalendar& calendar) {
  return {{"id", summary.id},
          {"state", to_string(summary.state)},
          {"type", to_string(summary.type)},
          {"major", summary.major},
          {"unit", case_text_or_null(summary.unit)},
          {"enterprise", summary.enterprise},
          {"channel", to_string(summary.channel)},
          {"title", summary.title},
          {"body", summary.body},
          {"source_id", summary.source_id ? nlohmann::json(*summary.source_id) : nullptr},
          {"received_at", zone.format_local(summary.received_at)},
          {"next", summary.urgent ? to_json(*summary.urgent, today, zone, calendar) : nullptr}};
}

}  // namespace ent110::cli
