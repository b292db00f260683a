// SPDX-License-Identifier: MIT
#include <ent110/cases/intake_file.hpp>
#include <ent110/core/error.hpp>
#include <ent110/core/input.hpp>
#include <ent110/core/time.hpp>
#include <ent110/registry/projects.hpp>
#include <ent110/util/csv.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <fstream>
#include <map>
#include <sstream>

namespace ent110 {
namespace {

constexpr std::array<std::string_view, 9> k_fields = {"enterprise",  "type",    "channel",
                                                      "title",       "body",    "major",
                                                      "received_at", "project", "confidential"};

// A record is one flat object; deeper values are refused before nlohmann sees them, because its
// parser and its error path recurse once per level (a line of "[[[[…" overflowed the stack).
constexpr std::size_t k_max_json_depth = 8;
// One record: room for a body of k_max_text_bytes written with JSON escapes.
constexpr std::size_t k_max_line_bytes = 2 * k_max_text_bytes;

// The deepest nesting of arrays and objects in `line`, brackets inside strings not counted.
std::size_t json_depth(std::string_view line) {
  std::size_t depth = 0;
  std::size_t deepest = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      deepest = std::max(deepest, ++depth);
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return deepest;
}

std::string field_list() {
  std::string list;
  for (std::string_view field : k_fields) {
    list += (list.empty() ? "" : ", ") + std::string(field);
  }
  return list;
}

std::string read_all(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    throw BadInput(MessageId::cannot_read_file, {file.string(), "no such file or not readable"});
  }
  std::string content = read_bounded(in, k_max_data_file_bytes, file.string());
  require_utf8_file(content, file.string());
  return content;
}

std::optional<bool> parse_flag(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (text.empty() || text == "0" || text == "false" || text == "no" || text == "n") {
    return false;
  }
  if (text == "1" || text == "true" || text == "yes" || text == "y") {
    return true;
  }
  return std::nullopt;
}

// Builds a record from named text fields; throws BadInput naming `where`.
IntakeRecord record_from(const std::map<std::string, std::string>& fields,
                         const std::string& where,
                         const Zone& zone) {
  const auto value = [&](const char* name) {
    auto it = fields.find(name);
    return it == fields.end() ? std::string() : it->second;
  };
  for (const char* name : {"enterprise", "type", "channel", "title"}) {
    if (value(name).empty()) {
      throw BadInput(MessageId::case_import_missing, {where, name});
    }
  }
  IntakeRecord record;
  record.where = where;
  record.request.enterprise = value("enterprise");
  const auto type = parse_case_type(value("type"));
  if (!type) {
    throw BadInput(MessageId::case_import_value,
                   {where, "type", value("type"), "consult, coordinate"});
  }
  record.request.type = *type;
  const auto channel = parse_channel(value("channel"));
  if (!channel) {
    throw BadInput(MessageId::case_import_value,
                   {where, "channel", value("channel"), "web, hotline, visit, other"});
  }
  record.request.channel = *channel;
  record.request.title = value("title");
  record.request.body = value("body");
  const auto major = parse_flag(value("major"));
  if (!major) {
    throw BadInput(MessageId::case_import_value, {where, "major", value("major"), "true, false"});
  }
  record.request.major = *major;
  const auto confidential = parse_flag(value("confidential"));
  if (!confidential) {
    throw BadInput(MessageId::case_import_value,
                   {where, "confidential", value("confidential"), "true, false"});
  }
  record.request.confidential = *confidential;
  if (const std::string project = value("project"); !project.empty()) {
    if (!is_project_code(project)) {
      throw BadInput(MessageId::visits_import_project_bad, {where, project});
    }
    record.request.project = project;
  }
  if (const std::string at = value("received_at"); !at.empty()) {
    try {
      record.received_at = parse_instant(at, zone);
    } catch (const UsageError&) {
      throw BadInput(
          MessageId::case_import_value,
          {where, "received_at", at,
           "2025-09-30T20:15 or with +08:00, in the years " + std::to_string(k_first_instant_year) +
               " to " + std::to_string(k_last_instant_year)});
    }
  }
  return record;
}

std::vector<IntakeRecord> read_ndjson(const std::string& content,
                                      const std::string& name,
                                      const Zone& zone) {
  std::vector<IntakeRecord> records;
  std::istringstream lines(content);
  std::string line;
  std::size_t number = 0;
  while (std::getline(lines, line)) {
    ++number;
    if (line.find_first_not_of(" \t\r") == std::string::npos) {
      continue;
    }
    const std::string where = name + ":" + std::to_string(number);
    if (line.size() > k_max_line_bytes) {
      throw BadInput(MessageId::input_line_too_long, {where, std::to_string(k_max_line_bytes)});
    }
    if (json_depth(line) > k_max_json_depth) {
      throw BadInput(MessageId::input_json_too_deep, {where, std::to_string(k_max_json_depth)});
    }
    nlohmann::json object;
    try {
      object = nlohmann::json::parse(line);
    } catch (const nlohmann::json::parse_error&) {
      throw BadInput(MessageId::case_import_not_json, {where});
    } catch (const nlohmann::json::out_of_range&) {
      throw BadInput(MessageId::input_json_number_range, {where});
    }
    if (!object.is_object()) {
      throw BadInput(MessageId::case_import_not_json, {where});
    }
    std::map<std::string, std::string> fields;
    for (const auto& [key, item] : object.items()) {
      if (std::find(k_fields.begin(), k_fields.end(), key) == k_fields.end()) {
        throw BadInput(MessageId::case_import_unknown_field, {where, key, field_list()});
      }
      if (item.is_string()) {
        fields[key] = item.get<std::string>();
      } else if (item.is_boolean()) {
        fields[key] = item.get<bool>() ? "true" : "false";
      } else if (item.is_number_integer()) {
        fields[key] = std::to_string(item.get<long long>());
      } else if (!item.is_null()) {
        throw BadInput(MessageId::case_import_value, {where, key, item.dump(), "a string"});
      }
    }
    records.push_back(record_from(fields, where, zone));
  }
  return records;
}

std::vector<IntakeRecord> read_csv(const std::string& content,
                                   const std::string& name,
                                   const Zone& zone) {
  const std::vector<CsvRow> rows = parse_csv(content, name);
  std::vector<IntakeRecord> records;
  if (rows.empty()) {
    return records;
  }
  const std::vector<std::string>& header = rows.front().fields;
  for (const std::string& column : header) {
    if (std::find(k_fields.begin(), k_fields.end(), column) == k_fields.end()) {
      throw BadInput(MessageId::case_import_unknown_field,
                     {name + ":" + std::to_string(rows.front().row), column, field_list()});
    }
  }
  for (std::size_t i = 1; i < rows.size(); ++i) {
    const std::string where = name + ":" + std::to_string(rows[i].row);
    if (rows[i].fields.size() != header.size()) {
      throw BadInput(MessageId::case_import_columns,
                     {where, std::to_string(rows[i].fields.size()), std::to_string(header.size())});
    }
    std::map<std::string, std::string> fields;
    for (std::size_t c = 0; c < header.size(); ++c) {
      fields[header[c]] = rows[i].fields[c];
    }
    records.push_back(record_from(fields, where, zone));
  }
  return records;
}

}  // namespace

std::vector<IntakeRecord> read_intake_file(const std::filesystem::path& file, const Zone& zone) {
  const std::string content = read_all(file);
  const std::string name = file.string();
  return file.extension() == ".csv" ? read_csv(content, name, zone)
                                    : read_ndjson(content, name, zone);
}

}  // namespace ent110
