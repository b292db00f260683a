// SPDX-License-Identifier: MIT
#include <ent110/config/toml.hpp>
#include <ent110/core/error.hpp>
#include <ent110/core/input.hpp>
#include <ent110/registry/assignment_repo.hpp>
#include <ent110/registry/assignments.hpp>
#include <ent110/registry/enterprise_repo.hpp>
#include <ent110/registry/enterprises.hpp>
#include <ent110/registry/imports.hpp>
#include <ent110/registry/officer_repo.hpp>
#include <ent110/registry/officers.hpp>
#include <ent110/registry/project_repo.hpp>
#include <ent110/registry/projects.hpp>
#include <ent110/registry/unit_repo.hpp>
#include <ent110/store/store.hpp>
#include <ent110/util/csv.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <fstream>
#include <map>
#include <set>

namespace ent110 {
namespace {

std::string read_file(const std::filesystem::path& file, std::size_t max_bytes) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    throw BadInput(MessageId::cannot_read_file, {file.string()});
  }
  std::string content = read_bounded(in, max_bytes, file.string());
  require_utf8_file(content, file.string());
  return content;
}

std::optional<bool> parse_flag(std::string_view raw) {
  // Spreadsheets write TRUE/FALSE and Yes/No; compare without case.
  std::string lowered(raw);
  std::transform(lowered.begin(), lowered.end(), lowered.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  const std::string_view text = lowered;
  static constexpr std::array<std::string_view, 5> k_true = {"1", "true", "yes", "y", "是"};
  static constexpr std::array<std::string_view, 6> k_false = {"", "0", "false", "no", "n", "否"};
  for (auto t : k_true) {
    if (text == t) {
      return true;
    }
  }
  for (auto f : k_false) {
    if (text == f) {
      return false;
    }
  }
  return std::nullopt;
}

std::vector<CsvRow> read_csv_rows(const std::filesystem::path& file) {
  return parse_csv(read_file(file, k_max_data_file_bytes), file.string());
}

// A CSV file's header row mapped onto the columns an import knows; `Size` columns, of which the
// first `required` must be present.
template <std::size_t Size>
class CsvColumns {
 public:
  CsvColumns(const std::array<std::string_view, Size>& names,
             std::size_t required,
             const std::string& file,
             const CsvRow& header)
      : m_names(names) {
    std::string known;
    for (std::string_view column : names) {
      known += (known.empty() ? "" : ", ") + std::string(column);
    }
    for (std::size_t i = 0; i < header.fields.size(); ++i) {
      const std::string& title = header.fields[i];
      auto found = std::find(names.begin(), names.end(), title);
      if (found == names.end()) {
        throw BadInput(MessageId::import_csv_unknown_column_of, {file, title, known});
      }
      auto& slot = m_position[static_cast<std::size_t>(found - names.begin())];
      if (slot) {
        throw BadInput(MessageId::import_csv_repeated_column, {file, title});
      }
      slot = i;
    }
    for (std::size_t i = 0; i < required; ++i) {
      if (!m_position[i]) {
        throw BadInput(MessageId::import_csv_missing_column, {file, std::string(names[i])});
      }
    }
  }

  /// Whether the header has column `column`.
  bool has(std::size_t column) const { return m_position[column].has_value(); }
  /// The cell of `column` in `row`; empty when the header or the row lacks it.
  std::string cell(const CsvRow& row, std::size_t column) const {
    const auto& position = m_position[column];
    return position && *position < row.fields.size() ? row.fields[*position] : std::string{};
  }
  /// The column's name.
  std::string name(std::size_t column) const { return std::string(m_names[column]); }

 private:
  std::array<std::string_view, Size> m_names;
  std::array<std::optional<std::size_t>, Size> m_position{};
};

// Runs `work` for one cell; any error it throws becomes BadInput naming the file, row and column.
template <typename Work>
auto for_cell(const std::string& file, const CsvRow& row, const std::string& column, Work work) {
  try {
    return work();
  } catch (const Error& error) {
    throw BadInput(MessageId::import_csv_field,
                   {file, std::to_string(row.row), column, error.what()});
  }
}

// `text` as a date, or BadInput naming the cell.
LocalDate date_cell(const std::string& file,
                    const CsvRow& row,
                    const std::string& column,
                    const std::string& text) {
  if (auto date = try_parse_date(text)) {
    return *date;
  }
  throw BadInput(MessageId::import_csv_bad_date, {file, std::to_string(row.row), column, text});
}

// The officer an assignment row names: an id, or NAME@UNIT.
Officer officer_by_reference(Store& store, const std::string& reference) {
  const std::size_t at = reference.rfind('@');
  if (reference.empty() || at == std::string::npos) {
    return get_officer(store, reference);
  }
  const std::string name = reference.substr(0, at);
  const std::string unit = reference.substr(at + 1);
  if (auto found = find_officer_by_name(store, name, unit)) {
    return *found;
  }
  throw NotFound(MessageId::officer_unknown, {reference});
}

}  // namespace

ImportSummary import_units(Store& store,
                           const std::filesystem::path& file,
                           const Actor& actor,
                           Instant now) {
  const std::string name = file.string();
  toml::table root;
  try {
    root = toml::parse(read_file(file, k_max_settings_file_bytes), name);
  } catch (const toml::parse_error& error) {
    const auto& at = error.source().begin;
    throw BadInput(MessageId::config_syntax,
                   {name, std::to_string(at.line), std::to_string(at.column),
                    std::string(error.description())});
  }
  auto fail = [&](const toml::node& node, MessageId id, std::vector<std::string> extra) {
    std::vector<std::string> args{name, std::to_string(node.source().begin.line),
                                  std::to_string(node.source().begin.column)};
    args.insert(args.end(), extra.begin(), extra.end());
    throw BadInput(id, std::move(args));
  };
  for (const auto& [key, node] : root) {
    if (key.str() != "unit") {
      fail(node, MessageId::import_unknown_key, {std::string(key.str())});
    }
  }
  const toml::array* entries = root["unit"].as_array();
  ImportSummary summary;
  if (entries == nullptr) {
    return summary;
  }
  // A key absent from an entry keeps the stored value, so a file can update one field.
  struct UnitEntry {
    const toml::node* node;
    std::map<std::string, std::string> fields;
  };
  std::vector<UnitEntry> parsed;
  std::set<std::string> codes;
  for (const toml::node& entry : *entries) {
    const toml::table* table = entry.as_table();
    if (table == nullptr) {
      fail(entry, MessageId::import_unit_not_table, {});
    }
    UnitEntry unit_entry{&entry, {}};
    for (const auto& [key, value] : *table) {
      const std::string field(key.str());
      static const std::set<std::string> k_fields = {"code",   "name",    "kind",
                                                     "leader", "contact", "phone"};
      if (!k_fields.contains(field)) {
        fail(value, MessageId::import_unknown_key, {field});
      }
      if (!value.is_string()) {
        fail(value, MessageId::config_wrong_type, {field, tr(Lang::en, MessageId::type_string)});
      }
      const std::string text = *value.value<std::string>();
      if (field == "kind") {
        auto kind = parse_unit_kind(text);
        if (!kind || !is_member_kind(*kind)) {
          fail(value, MessageId::import_bad_kind, {text});
        }
      }
      unit_entry.fields[field] = text;
    }
    const std::string code = unit_entry.fields["code"];
    if (!codes.insert(code).second) {
      fail(entry, MessageId::import_unit_repeated, {code});
    }
    parsed.push_back(std::move(unit_entry));
  }
  store.write([&] {
    for (const UnitEntry& entry : parsed) {
      auto field = [&](const char* key) { return entry.fields.find(key); };
      const std::string code = field("code")->second;
      const std::optional<Unit> existing =
          valid_unit_code(code) ? find_unit(store, code) : std::nullopt;
      if (existing && !is_member_kind(existing->kind)) {
        fail(*entry.node, MessageId::import_unit_builtin, {code});
      }
      Unit unit = existing.value_or(Unit{});
      unit.code = code;
      if (auto kind = field("kind"); kind != entry.fields.end()) {
        unit.kind = *parse_unit_kind(kind->second);
      }
      for (auto [key, target] :
           {std::pair{"name", &unit.name}, std::pair{"leader", &unit.leader},
            std::pair{"contact", &unit.contact}, std::pair{"phone", &unit.phone}}) {
        if (auto value = field(key); value != entry.fields.end()) {
          *target = value->second;
        }
      }
      if (!valid_unit_code(unit.code) || unit.name.empty() ||
          (!existing && !entry.fields.contains("kind"))) {
        fail(*entry.node, MessageId::import_unit_incomplete, {unit.code});
      }
      ++(existing ? summary.updated : summary.added);
      save_unit(store, unit, actor, "unit import", now);
    }
  });
  return summary;
}

ImportSummary import_enterprises(Store& store,
                                 const std::filesystem::path& file,
                                 const Actor& actor,
                                 Instant now) {
  const std::string name = file.string();
  const std::vector<CsvRow> rows = parse_csv(read_file(file, k_max_data_file_bytes), name);
  if (rows.empty()) {
    return {};
  }
  static constexpr std::array<std::string_view, 7> k_columns = {
      "name", "credit_code", "county", "above_scale", "key", "contact", "phone"};
  std::array<std::optional<std::size_t>, k_columns.size()> position;
  for (std::size_t i = 0; i < rows.front().fields.size(); ++i) {
    const std::string& header = rows.front().fields[i];
    auto known = std::find(k_columns.begin(), k_columns.end(), header);
    if (known == k_columns.end()) {
      throw BadInput(MessageId::import_csv_unknown_column, {name, header});
    }
    auto& slot = position[static_cast<std::size_t>(known - k_columns.begin())];
    if (slot) {
      throw BadInput(MessageId::import_csv_repeated_column, {name, header});
    }
    slot = i;
  }
  if (!position[0]) {
    throw BadInput(MessageId::import_csv_no_name, {name});
  }

  ImportSummary summary;
  store.write([&] {
    for (std::size_t r = 1; r < rows.size(); ++r) {
      const CsvRow& row = rows[r];
      auto field = [&](std::size_t column) -> std::string {
        return *position[column] < row.fields.size() ? row.fields[*position[column]] : "";
      };
      auto flag = [&](std::size_t column) {
        auto value = parse_flag(field(column));
        if (!value) {
          throw BadInput(
              MessageId::import_csv_bad_flag,
              {name, std::to_string(row.row), std::string(k_columns[column]), field(column)});
        }
        return *value;
      };
      const std::string credit_code = position[1] ? field(1) : std::string{};
      const auto by_code =
          credit_code.empty() ? std::nullopt : find_enterprise_by_credit_code(store, credit_code);
      const auto by_name = find_enterprise_by_name(store, field(0));
      if (by_code && by_name && by_code->id != by_name->id) {
        throw BadInput(MessageId::import_csv_conflict,
                       {name, std::to_string(row.row), credit_code, by_code->name, field(0)});
      }
      const auto existing = by_code ? by_code : by_name;
      // Columns missing from the header keep what is stored; present ones are taken as given.
      Enterprise enterprise = existing.value_or(Enterprise{});
      enterprise.name = field(0);
      for (auto [column, target] : {std::pair{std::size_t{1}, &enterprise.credit_code},
                                    std::pair{std::size_t{2}, &enterprise.county},
                                    std::pair{std::size_t{5}, &enterprise.contact},
                                    std::pair{std::size_t{6}, &enterprise.phone}}) {
        if (position[column]) {
          *target = field(column);
        }
      }
      if (position[3]) {
        enterprise.above_scale = flag(3);
      }
      if (position[4]) {
        enterprise.key = flag(4);
      }
      try {
        validate_enterprise(store, enterprise);
      } catch (const Error& error) {
        throw BadInput(MessageId::import_csv_row, {name, std::to_string(row.row), error.what()});
      }
      save_enterprise(store, enterprise, existing ? std::optional{existing->id} : std::nullopt,
                      actor, "enterprise import", now);
      ++(existing ? summary.updated : summary.added);
    }
  });
  return summary;
}

ImportSummary import_officers(Store& store,
                              const std::filesystem::path& file,
                              const Actor& actor,
                              Instant now) {
  const std::string name = file.string();
  const std::vector<CsvRow> rows = read_csv_rows(file);
  if (rows.empty()) {
    return {};
  }
  enum Column : std::size_t { c_name, c_level, c_unit, c_post, c_phone };
  const CsvColumns<5> columns({"name", "level", "unit", "post", "phone"}, 3, name, rows.front());
  ImportSummary summary;
  store.write([&] {
    for (std::size_t r = 1; r < rows.size(); ++r) {
      const CsvRow& row = rows[r];
      const std::string level_text = columns.cell(row, c_level);
      const auto level = parse_officer_level(level_text);
      if (!level) {
        throw BadInput(MessageId::import_csv_bad_value,
                       {name, std::to_string(row.row), columns.name(c_level), level_text,
                        "city-leader, county-leader, department-leader"});
      }
      const auto existing =
          find_officer_by_name(store, columns.cell(row, c_name), columns.cell(row, c_unit));
      // Columns missing from the header keep what is stored; present ones are taken as given.
      Officer officer = existing.value_or(Officer{});
      officer.name = columns.cell(row, c_name);
      officer.unit = columns.cell(row, c_unit);
      officer.level = *level;
      for (auto [column, target] :
           {std::pair{c_post, &officer.post}, std::pair{c_phone, &officer.phone}}) {
        if (columns.has(column)) {
          *target = columns.cell(row, column);
        }
      }
      // The level is checked above; what validation refuses now is the name or the unit.
      for_cell(name, row, columns.name(officer.name.empty() ? c_name : c_unit),
               [&] { validate_officer(store, officer); });
      save_officer(store, officer, existing ? std::optional{existing->id} : std::nullopt, actor,
                   "officer import", now);
      ++(existing ? summary.updated : summary.added);
    }
  });
  return summary;
}

ImportSummary import_projects(Store& store,
                              const std::filesystem::path& file,
                              const Actor& actor,
                              Instant now) {
  const std::string name = file.string();
  const std::vector<CsvRow> rows = read_csv_rows(file);
  if (rows.empty()) {
    return {};
  }
  enum Column : std::size_t { c_code, c_name, c_county, c_enterprise, c_status, c_key, c_started };
  const CsvColumns<7> columns({"code", "name", "county", "enterprise", "status", "key", "started"},
                              1, name, rows.front());
  ImportSummary summary;
  store.write([&] {
    for (std::size_t r = 1; r < rows.size(); ++r) {
      const CsvRow& row = rows[r];
      const std::string code = columns.cell(row, c_code);
      for_cell(name, row, columns.name(c_code), [&] { validate_project_code(code); });
      const auto existing = find_project(store, code);
      Project project = existing.value_or(Project{});
      project.code = code;
      for (auto [column, target] :
           {std::pair{c_name, &project.name}, std::pair{c_county, &project.county}}) {
        if (columns.has(column)) {
          *target = columns.cell(row, column);
        }
      }
      if (columns.has(c_enterprise)) {
        const std::string reference = columns.cell(row, c_enterprise);
        project.enterprise =
            reference.empty() ? std::nullopt
                              : std::optional{for_cell(name, row, columns.name(c_enterprise), [&] {
                                  return get_enterprise(store, reference).id;
                                })};
      }
      if (const std::string status = columns.cell(row, c_status); !status.empty()) {
        const auto parsed = parse_project_status(status);
        if (!parsed) {
          throw BadInput(MessageId::import_csv_bad_value,
                         {name, std::to_string(row.row), columns.name(c_status), status,
                          "planned, under-construction, completed"});
        }
        project.status = *parsed;
      }
      if (columns.has(c_key)) {
        const std::string key = columns.cell(row, c_key);
        project.key = parse_project_key(key);
        if (!project.key && !key.empty() && key != "none") {
          throw BadInput(MessageId::import_csv_bad_value,
                         {name, std::to_string(row.row), columns.name(c_key), key,
                          "provincial, city, none or empty"});
        }
      }
      if (columns.has(c_started)) {
        const std::string started = columns.cell(row, c_started);
        project.started_on =
            started.empty() ? std::nullopt
                            : std::optional{date_cell(name, row, columns.name(c_started), started)};
      }
      // The code and enterprise are checked above; what validation refuses now is the name or
      // county.
      for_cell(name, row, columns.name(project.name.empty() ? c_name : c_county),
               [&] { validate_project(store, project); });
      save_project(store, project, existing.has_value(), actor, "project import", now);
      ++(existing ? summary.updated : summary.added);
    }
  });
  return summary;
}

AssignmentImport import_assignments(Store& store,
                                    const std::filesystem::path& file,
                                    LocalDate today,
                                    const Actor& actor,
                                    Instant now) {
  const std::string name = file.string();
  const std::vector<CsvRow> rows = read_csv_rows(file);
  if (rows.empty()) {
    return {};
  }
  enum Column : std::size_t { c_officer, c_enterprise, c_project, c_from };
  const CsvColumns<4> columns({"officer", "enterprise", "project", "from"}, 1, name, rows.front());
  AssignmentImport result;
  store.write([&] {
    for (std::size_t r = 1; r < rows.size(); ++r) {
      const CsvRow& row = rows[r];
      const Officer officer = for_cell(name, row, columns.name(c_officer), [&] {
        return officer_by_reference(store, columns.cell(row, c_officer));
      });
      const std::string enterprise = columns.cell(row, c_enterprise);
      const std::string project = columns.cell(row, c_project);
      if (enterprise.empty() == project.empty()) {
        throw BadInput(MessageId::import_assignment_subject, {name, std::to_string(row.row)});
      }
      const Served served =
          for_cell(name, row, columns.name(enterprise.empty() ? c_project : c_enterprise), [&] {
            return resolve_served(store,
                                  enterprise.empty() ? std::nullopt : std::optional{enterprise},
                                  project.empty() ? std::nullopt : std::optional{project});
          });
      const std::string from_text = columns.cell(row, c_from);
      const LocalDate from =
          from_text.empty() ? today : date_cell(name, row, columns.name(c_from), from_text);
      const auto reaching = find_assignments_reaching(store, officer.id, served, from);
      if (reaching.size() == 1 && !reaching.front().until && reaching.front().from == from) {
        continue;
      }
      try {
        AssignmentOutcome outcome =
            assign_officer(store, officer.id, served, from, actor, "assignment import", now);
        for (Message& warning : outcome.warnings) {
          result.warnings.push_back(ImportWarning{name, row.row, std::move(warning)});
        }
      } catch (const Error& error) {
        throw BadInput(MessageId::import_csv_row, {name, std::to_string(row.row), error.what()});
      }
      ++result.summary.added;
    }
  });
  return result;
}

}  // namespace ent110
