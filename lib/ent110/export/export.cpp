// SPDX-License-Identifier: MIT
#include <ent110/cases/case_repo.hpp>
#include <ent110/cases/event_log.hpp>
#include <ent110/core/error.hpp>
#include <ent110/core/file_output.hpp>
#include <ent110/core/progress.hpp>
#include <ent110/export/export.hpp>
#include <ent110/store/store.hpp>
#include <ent110/util/csv.hpp>
#include <ent110/util/enum_names.hpp>

#include <nlohmann/json.hpp>

#include <cstring>
#include <system_error>

namespace ent110 {
namespace {

// Keys in the order written: a record reads like the case, and CSV columns follow it.
using Record = nlohmann::ordered_json;

constexpr EnumNames<ExportFormat, 2> k_formats = {{
    {ExportFormat::ndjson, "ndjson"},
    {ExportFormat::csv, "csv"},
}};

constexpr std::string_view k_byte_order_mark = "\xEF\xBB\xBF";

Record optional_text(const std::optional<std::string>& text) {
  return text ? Record(*text) : Record(nullptr);
}

Record text_or_null(const std::string& text) {
  return text.empty() ? Record(nullptr) : Record(text);
}

Record event_record(const Event& event, const Zone& zone) {
  return Record{
      {"seq", event.case_seq},
      {"at", zone.format_local(event.at)},
      {"recorded_at", event.recorded_at ? Record(zone.format_local(*event.recorded_at)) : Record()},
      {"action", to_string(event.action)},
      {"actor", event.actor},
      {"unit", event.unit},
      {"detail", event.detail},
      {"text", event.text}};
}

Record case_record(const Case& kase, const Zone& zone) {
  const Enterprise& e = kase.enterprise;
  Record co_units = Record::array();
  for (const std::string& unit : kase.co_units) {
    co_units.push_back(unit);
  }
  const std::optional<Authored>& answer = kase.answer;
  return Record{{"id", kase.id},
                {"received_at", zone.format_local(kase.received_at)},
                {"enterprise", e.credit_code.empty() ? e.name : e.credit_code},
                {"enterprise_id", e.id},
                {"enterprise_name", e.name},
                {"enterprise_credit_code", text_or_null(e.credit_code)},
                {"type", to_string(kase.type)},
                {"major", kase.major},
                {"channel", to_string(kase.channel)},
                {"title", kase.title},
                {"body", kase.body},
                {"source_id", optional_text(kase.source_id)},
                {"project", optional_text(kase.project)},
                {"confidential", kase.confidential},
                {"state", to_string(kase.state)},
                {"unit", text_or_null(kase.unit)},
                {"co_units", co_units},
                {"round", kase.round},
                {"reject_reason",
                 kase.reject_reason ? Record(to_string(*kase.reject_reason)) : Record(nullptr)},
                {"answer", answer ? Record(answer->text) : Record(nullptr)},
                {"answer_unit", answer ? Record(answer->unit) : Record(nullptr)},
                {"answer_by", answer ? Record(answer->by) : Record(nullptr)},
                {"answer_at", answer ? Record(zone.format_local(answer->at)) : Record(nullptr)},
                {"answer_edited", answer && answer->edited},
                {"rating", kase.rating ? Record(to_string(*kase.rating)) : Record(nullptr)},
                {"rating_comment", text_or_null(kase.rating_comment)},
                {"merged_into", optional_text(kase.merged_into)}};
}

// A record's value as one CSV field: text as it is, absent as empty, lists space-separated
// (unit codes hold no spaces), the events as their JSON.
std::string csv_field(const std::string& key, const Record& value) {
  if (value.is_null()) {
    return {};
  }
  if (value.is_string()) {
    return csv_quote(value.get<std::string>());
  }
  if (value.is_array() && key == "co_units") {
    std::string units;
    for (const Record& unit : value) {
      units += (units.empty() ? "" : " ") + unit.get<std::string>();
    }
    return csv_quote(units);
  }
  return csv_quote(value.dump());
}

std::string csv_row(const Record& record) {
  std::string row;
  for (const auto& [key, value] : record.items()) {
    row += (row.empty() ? "" : ",") + csv_field(key, value);
  }
  return row + "\r\n";
}

std::string csv_header(const Record& record) {
  std::string row;
  for (const auto& item : record.items()) {
    row += (row.empty() ? "" : ",") + item.key();
  }
  return row + "\r\n";
}

// The header of an export with no case still names every column.
Record empty_case_record(const Zone& zone, bool events) {
  Record record = case_record(Case{}, zone);
  if (events) {
    record["events"] = Record::array();
  }
  return record;
}

}  // namespace

std::string_view to_string(ExportFormat format) {
  return name_of(k_formats, format);
}

std::optional<ExportFormat> parse_export_format(std::string_view text) {
  return value_of(k_formats, text);
}

std::vector<std::string> export_format_names() {
  return {std::string(to_string(ExportFormat::ndjson)), std::string(to_string(ExportFormat::csv))};
}

Exported export_cases(Store& store, const ExportRequest& request, const Zone& zone) {
  Exported exported;
  const bool csv = request.format == ExportFormat::csv;
  if (csv) {
    exported.content =
        std::string(k_byte_order_mark) + csv_header(empty_case_record(zone, request.events));
  }
  const std::optional<Instant> since =
      request.since ? std::optional(zone.start_of(*request.since)) : std::nullopt;
  store.read([&] {
    ProgressTask progress(ProgressWork::export_, 0);
    std::uint64_t read = 0;
    CasesInOrder cases(store);
    // Both scans are in case id order: every event is read once, beside its case.
    std::optional<EventsByCase> events;
    std::optional<Event> event;
    if (request.events) {
      events.emplace(store);
      event = events->next();
    }
    while (std::optional<Case> kase = cases.next()) {
      progress.update(++read);
      Record history = Record::array();
      for (; event && event->case_id <= kase->id; event = events->next()) {
        if (event->case_id == kase->id) {
          history.push_back(event_record(*event, zone));
        }
      }
      if ((since && kase->received_at < *since) ||
          (request.state && kase->state != *request.state)) {
        continue;
      }
      Record record = case_record(*kase, zone);
      if (request.events) {
        record["events"] = std::move(history);
      }
      exported.content += csv ? csv_row(record) : record.dump() + "\n";
      ++exported.cases;
    }
  });
  return exported;
}

std::string case_list_csv(const std::vector<CaseSummary>& cases, const Zone& zone) {
  std::string content(k_byte_order_mark);
  content +=
      "id,state,type,major,channel,unit,enterprise,title,body,source_id,received_at,next,due\r\n";
  for (const CaseSummary& c : cases) {
    const std::vector<std::string> fields = {c.id,
                                             std::string(to_string(c.state)),
                                             std::string(to_string(c.type)),
                                             c.major ? "true" : "false",
                                             std::string(to_string(c.channel)),
                                             c.unit,
                                             c.enterprise,
                                             c.title,
                                             c.body,
                                             c.source_id.value_or(""),
                                             zone.format_local(c.received_at),
                                             c.urgent ? std::string(to_string(c.urgent->name)) : "",
                                             c.urgent ? format_date(c.urgent->due) : ""};
    std::string row;
    for (const std::string& field : fields) {
      row += (row.empty() ? "" : ",") + csv_quote(field);
    }
    content += row + "\r\n";
  }
  return content;
}

void write_export_file(const std::filesystem::path& target,
                       std::string_view content,
                       unsigned mode) {
  try {
    write_output_file(resolve_output_target(target), content, mode);
  } catch (const std::system_error& error) {
    throw BadInput(MessageId::export_cannot_write,
                   {target.string(), std::strerror(error.code().value())});
  }
}

}  // namespace ent110
