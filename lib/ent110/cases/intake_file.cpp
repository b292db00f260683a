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

constexpr std::array<std::string_view, 11> k_fields = {
    "enterprise",  "type",    "channel",   "title",        "body", "major",
    "received_at", "project", "source_id", "confidential", "id"};

// What `export` and `list --format ndjson` write beside the intake fields: the case's later
// history, which intake does not replay (a case starts its life again as received), and the
// enterprise's details, which the enterprise register of this database has. Read and ignored so
// that their records come back as they are.
constexpr std::array<std::string_view, 19> k_ignored_fields = {"enterprise_id",
                                                               "enterprise_name",
                                                               "enterprise_credit_code",
                                                               "state",
                                                               "unit",
                                                               "co_units",
                                                               "round",
                                                               "reject_reason",
                                                               "answer",
                                                               "answer_unit",
                                                               "answer_by",
                                                               "answer_at",
                                                               "answer_edited",
                                                               "rating",
                                                               "rating_comment",
                                                               "merged_into",
                                                               "events",
                                                               "next",
                                                               "due"};

bool known_field(std::string_view name) {
  return std::find(k_fields.begin(), k_fields.end(), name) != k_fields.end() ||
         std::find(k_ignored_fields.begin(), k_ignored_fields.end(), name) !=
             k_ignored_fields.end();
}

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

// Pieces in which a file is read: memory stays the same whatever the file's length.
constexpr std::size_t k_piece_bytes = 1 << 20;

// Opens `file` for reading records, after a first reading through it that refuses, as reading
// it whole did, a file over the size limit and then one that is not UTF-8. A file that cannot be
// read twice (a pipe) is kept in memory, within the same limit. Sets `size` to its length.
std::unique_ptr<std::istream> open_checked(const std::filesystem::path& file, std::size_t& size) {
  auto in = std::make_unique<std::ifstream>(file, std::ios::binary);
  if (!*in) {
    throw BadInput(MessageId::cannot_read_file, {file.string(), "no such file or not readable"});
  }
  if (!std::filesystem::is_regular_file(file)) {
    std::string content = read_bounded(*in, k_max_data_file_bytes, file.string());
    require_utf8_file(content, file.string());
    size = content.size();
    return std::make_unique<std::istringstream>(std::move(content));
  }
  Utf8FileCheck utf8(file.string());
  std::string piece(k_piece_bytes, '\0');
  size = 0;
  while (*in) {
    in->read(piece.data(), static_cast<std::streamsize>(piece.size()));
    const auto got = static_cast<std::size_t>(in->gcount());
    size += got;
    if (size > k_max_data_file_bytes) {
      throw BadInput(MessageId::input_too_large,
                     {file.string(), std::to_string(k_max_data_file_bytes)});
    }
    utf8.add(std::string_view(piece).substr(0, got));
  }
  utf8.finish();
  in->clear();
  in->seekg(0);
  return in;
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
  if (const std::string source_id = value("source_id"); !source_id.empty()) {
    record.request.source_id = source_id;
  }
  if (const std::string id = value("id"); !id.empty()) {
    record.id = id;
  }
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

// The record of NDJSON line `line` (not blank), named `where`.
IntakeRecord record_from_json(const std::string& line, const std::string& where, const Zone& zone) {
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
    if (!known_field(key)) {
      throw BadInput(MessageId::case_import_unknown_field, {where, key, field_list()});
    }
    if (std::find(k_fields.begin(), k_fields.end(), key) == k_fields.end()) {
      continue;
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
  return record_from(fields, where, zone);
}

}  // namespace

IntakeFile::IntakeFile(const std::filesystem::path& file, const Zone& zone)
    : m_zone(zone), m_name(file.string()), m_in(open_checked(file, m_size)) {
  if (file.extension() != ".csv") {
    return;
  }
  m_csv = std::make_unique<CsvReader>(*m_in, m_name);
  if (std::optional<CsvRow> header = m_csv->next()) {
    for (const std::string& column : header->fields) {
      if (!known_field(column)) {
        throw BadInput(MessageId::case_import_unknown_field,
                       {m_name + ":" + std::to_string(header->row), column, field_list()});
      }
    }
    m_header = std::move(header->fields);
  }
}

IntakeFile::~IntakeFile() = default;

std::optional<IntakeRecord> IntakeFile::next() {
  return m_csv ? next_csv() : next_ndjson();
}

double IntakeFile::fraction_read() const {
  const std::size_t read = m_csv ? m_csv->consumed() : m_position;
  return m_size == 0 ? 1.0 : std::min(1.0, static_cast<double>(read) / static_cast<double>(m_size));
}

std::optional<IntakeRecord> IntakeFile::next_ndjson() {
  std::string line;
  while (std::getline(*m_in, line)) {
    m_position += line.size() + 1;
    ++m_line;
    if (line.find_first_not_of(" \t\r") == std::string::npos) {
      continue;
    }
    return record_from_json(line, m_name + ":" + std::to_string(m_line), m_zone);
  }
  return std::nullopt;
}

std::optional<IntakeRecord> IntakeFile::next_csv() {
  std::optional<CsvRow> row = m_csv->next();
  if (!row) {
    return std::nullopt;
  }
  const std::string where = m_name + ":" + std::to_string(row->row);
  if (row->fields.size() != m_header.size()) {
    throw BadInput(MessageId::case_import_columns,
                   {where, std::to_string(row->fields.size()), std::to_string(m_header.size())});
  }
  std::map<std::string, std::string> fields;
  for (std::size_t c = 0; c < m_header.size(); ++c) {
    fields[m_header[c]] = std::move(row->fields[c]);
  }
  return record_from(fields, where, m_zone);
}

std::vector<IntakeRecord> read_intake_file(const std::filesystem::path& file, const Zone& zone) {
  IntakeFile records(file, zone);
  std::vector<IntakeRecord> all;
  while (std::optional<IntakeRecord> record = records.next()) {
    all.push_back(std::move(*record));
  }
  return all;
}

}  // namespace ent110
