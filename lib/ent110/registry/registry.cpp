// SPDX-License-Identifier: MIT
#include <ent110/audit/audit_log.hpp>
#include <ent110/core/error.hpp>
#include <ent110/core/input.hpp>
#include <ent110/core/time.hpp>
#include <ent110/registry/registry.hpp>
#include <ent110/registry/uscc.hpp>
#include <ent110/util/csv.hpp>
#include <ent110/util/enum_names.hpp>
#include <ent110/util/spellcheck.hpp>

#include <SQLiteCpp/Statement.h>
#include <toml++/toml.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <fstream>
#include <map>
#include <regex>
#include <set>

namespace ent110 {
namespace {

constexpr std::array k_unit_kinds = {
    std::pair{UnitKind::department, "department"},
    std::pair{UnitKind::county, "county"},
    std::pair{UnitKind::district, "district"},
    std::pair{UnitKind::area, "area"},
    std::pair{UnitKind::zone, "zone"},
    std::pair{UnitKind::office, "office"},
    std::pair{UnitKind::government, "government"},
    std::pair{UnitKind::inspection, "inspection"},
    std::pair{UnitKind::supervision, "supervision"},
};

constexpr std::array k_roles = {
    std::pair{Role::office, "office"},
    std::pair{Role::unit, "unit"},
    std::pair{Role::viewer, "viewer"},
};

std::string read_file(const std::filesystem::path& file, std::size_t max_bytes) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    throw BadInput(MessageId::cannot_read_file, {file.string()});
  }
  std::string content = read_bounded(in, max_bytes, file.string());
  require_utf8_file(content, file.string());
  return content;
}

bool valid_unit_code(std::string_view code) {
  static const std::regex k_code("[A-Za-z0-9_-]{1,32}");
  return std::regex_match(code.begin(), code.end(), k_code);
}

// NULL for an empty optional text column, so that "not given" stays distinguishable.
void bind_text(SQLite::Statement& statement, int index, const std::string& text) {
  if (text.empty()) {
    statement.bind(index);
  } else {
    statement.bind(index, text);
  }
}

std::string column_text(SQLite::Statement& statement, int index) {
  return statement.getColumn(index).isNull() ? std::string{}
                                             : statement.getColumn(index).getString();
}

Unit unit_from_row(SQLite::Statement& row) {
  return Unit{row.getColumn(0).getString(),
              row.getColumn(1).getString(),
              *parse_unit_kind(row.getColumn(2).getString()),
              column_text(row, 3),
              column_text(row, 4),
              column_text(row, 5)};
}

constexpr const char* k_unit_columns = "SELECT code, name, kind, leader, contact, phone FROM unit";

// Writes `unit` and its audit event (`action` by `actor`).
void upsert_unit(
    Store& store, const Unit& unit, const Actor& actor, std::string_view action, Instant now) {
  std::optional<std::string> before = audit_row(store, AuditSubject::unit, unit.code);
  SQLite::Statement insert(
      store.db(),
      "INSERT INTO unit (code, name, kind, leader, contact, phone, created_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (code) DO UPDATE SET "
      "name = excluded.name, kind = excluded.kind, leader = excluded.leader, "
      "contact = excluded.contact, phone = excluded.phone");
  insert.bind(1, unit.code);
  insert.bind(2, unit.name);
  insert.bind(3, std::string(to_string(unit.kind)));
  bind_text(insert, 4, unit.leader);
  bind_text(insert, 5, unit.contact);
  bind_text(insert, 6, unit.phone);
  insert.bind(7, format_utc(now));
  insert.exec();
  record_change(store, actor, action, AuditSubject::unit, unit.code, std::move(before), now);
}

Enterprise enterprise_from_row(SQLite::Statement& row) {
  return Enterprise{row.getColumn(0).getInt64(),
                    row.getColumn(1).getString(),
                    column_text(row, 2),
                    column_text(row, 3),
                    row.getColumn(4).getInt() != 0,
                    row.getColumn(5).getInt() != 0,
                    column_text(row, 6),
                    column_text(row, 7)};
}

constexpr const char* k_enterprise_columns =
    "SELECT id, name, credit_code, county, above_scale, key_enterprise, contact, phone FROM "
    "enterprise";

std::optional<Enterprise> find_enterprise_where(Store& store,
                                                const char* condition,
                                                const std::string& value) {
  SQLite::Statement query(store.db(), std::string(k_enterprise_columns) + " WHERE " + condition);
  query.bind(1, value);
  if (!query.executeStep()) {
    return std::nullopt;
  }
  return enterprise_from_row(query);
}

// Checks what add and import share; the caller decides whether a duplicate is an update.
void validate_enterprise(Store& store, const Enterprise& enterprise) {
  if (enterprise.name.empty()) {
    throw UsageError(MessageId::enterprise_name_empty);
  }
  if (!enterprise.credit_code.empty()) {
    validate_uscc(enterprise.credit_code);
  }
  if (!enterprise.county.empty()) {
    const Unit county = get_unit(store, enterprise.county);
    if (county.kind == UnitKind::department || !is_member_kind(county.kind)) {
      throw BadInput(MessageId::enterprise_county_kind, {county.code});
    }
  }
}

// Inserts `enterprise` (no `id`) or updates row `id`, with its audit event; returns the id.
std::int64_t write_enterprise(Store& store,
                              const Enterprise& enterprise,
                              std::optional<std::int64_t> id,
                              const Actor& actor,
                              std::string_view action,
                              Instant now) {
  std::optional<std::string> before =
      id ? audit_row(store, AuditSubject::enterprise, std::to_string(*id)) : std::nullopt;
  SQLite::Statement statement(
      store.db(),
      id ? "UPDATE enterprise SET name = ?1, credit_code = ?2, county = ?3, above_scale = ?4, "
           "key_enterprise = ?5, contact = ?6, phone = ?7 WHERE id = ?9"
         : "INSERT INTO enterprise (name, credit_code, county, above_scale, key_enterprise, "
           "contact, phone, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
  statement.bind(1, enterprise.name);
  bind_text(statement, 2, enterprise.credit_code);
  bind_text(statement, 3, enterprise.county);
  statement.bind(4, enterprise.above_scale ? 1 : 0);
  statement.bind(5, enterprise.key ? 1 : 0);
  bind_text(statement, 6, enterprise.contact);
  bind_text(statement, 7, enterprise.phone);
  if (id) {
    statement.bind(9, *id);
  } else {
    statement.bind(8, format_utc(now));
  }
  statement.exec();
  const std::int64_t written = id.value_or(store.db().getLastInsertRowid());
  record_change(store, actor, action, AuditSubject::enterprise, std::to_string(written),
                std::move(before), now);
  return written;
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

}  // namespace

std::string_view to_string(UnitKind kind) {
  return name_of(k_unit_kinds, kind);
}
std::optional<UnitKind> parse_unit_kind(std::string_view text) {
  return value_of(k_unit_kinds, text);
}
bool is_member_kind(UnitKind kind) {
  return kind == UnitKind::department || kind == UnitKind::county || kind == UnitKind::district ||
         kind == UnitKind::area || kind == UnitKind::zone;
}
std::vector<std::string> member_kind_names() {
  std::vector<std::string> names;
  for (const auto& [kind, name] : k_unit_kinds) {
    if (is_member_kind(kind)) {
      names.emplace_back(name);
    }
  }
  return names;
}

std::string_view to_string(Role role) {
  return name_of(k_roles, role);
}
std::optional<Role> parse_role(std::string_view text) {
  return value_of(k_roles, text);
}
std::vector<std::string> role_names() {
  return names_of(k_roles);
}

int ensure_builtin_units(Store& store, const Config& config, const Actor& actor, Instant now) {
  const std::array builtins = {
      Unit{config.office_unit, config.office_name, UnitKind::office, {}, {}, {}},
      Unit{config.government_unit, config.government_name, UnitKind::government, {}, {}, {}},
      Unit{config.inspection_unit, config.inspection_name, UnitKind::inspection, {}, {}, {}},
      Unit{config.supervision_unit, config.supervision_name, UnitKind::supervision, {}, {}, {}},
  };
  int created = 0;
  for (const Unit& unit : builtins) {
    if (!find_unit(store, unit.code)) {
      upsert_unit(store, unit, actor, "init", now);
      ++created;
    }
  }
  return created;
}

void add_unit(Store& store, const Unit& unit, const Actor& actor, Instant now) {
  if (!valid_unit_code(unit.code)) {
    throw UsageError(MessageId::unit_code_invalid, {unit.code});
  }
  if (unit.name.empty()) {
    throw UsageError(MessageId::unit_name_empty, {unit.code});
  }
  if (find_unit(store, unit.code)) {
    throw BadInput(MessageId::unit_exists, {unit.code});
  }
  upsert_unit(store, unit, actor, "unit add", now);
}

std::vector<Unit> list_units(Store& store) {
  // Built-in bodies first, then departments, districts, counties, areas and zones, each by code.
  SQLite::Statement query(
      store.db(), std::string(k_unit_columns) +
                      " ORDER BY CASE kind WHEN 'office' THEN 0 WHEN 'government' THEN 1 "
                      "WHEN 'inspection' THEN 2 WHEN 'supervision' THEN 3 "
                      "WHEN 'department' THEN 4 WHEN 'district' THEN 5 WHEN 'county' THEN 6 "
                      "WHEN 'area' THEN 7 ELSE 8 END, code");
  std::vector<Unit> units;
  while (query.executeStep()) {
    units.push_back(unit_from_row(query));
  }
  return units;
}

std::optional<Unit> find_unit(Store& store, std::string_view code) {
  SQLite::Statement query(store.db(), std::string(k_unit_columns) + " WHERE code = ?");
  query.bind(1, std::string(code));
  if (!query.executeStep()) {
    return std::nullopt;
  }
  return unit_from_row(query);
}

Unit get_unit(Store& store, std::string_view code) {
  if (auto unit = find_unit(store, code)) {
    return *unit;
  }
  std::vector<std::string> codes;
  SQLite::Statement query(store.db(), "SELECT code FROM unit");
  while (query.executeStep()) {
    codes.push_back(query.getColumn(0).getString());
  }
  if (auto near = closest_match(code, codes)) {
    throw NotFound(MessageId::unit_unknown_near, {std::string(code), *near});
  }
  throw NotFound(MessageId::unit_unknown, {std::string(code)});
}

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
      upsert_unit(store, unit, actor, "unit import", now);
    }
  });
  return summary;
}

void add_user(Store& store, const User& user, const Actor& actor, Instant now) {
  static const std::regex k_login("[A-Za-z0-9._@-]{1,64}");
  if (!std::regex_match(user.login, k_login)) {
    throw UsageError(MessageId::login_invalid, {user.login});
  }
  const Unit unit = get_unit(store, user.unit);
  if (user.role == Role::office && unit.kind != UnitKind::office) {
    throw Refused(MessageId::user_office_role_unit, {user.login, unit.code});
  }
  if (user.role == Role::unit && !is_member_kind(unit.kind)) {
    throw Refused(MessageId::user_unit_role_unit, {user.login, unit.code});
  }
  if (find_user(store, user.login)) {
    throw BadInput(MessageId::user_exists, {user.login});
  }
  SQLite::Statement insert(store.db(),
                           "INSERT INTO user (login, unit, role, created_at) VALUES (?, ?, ?, ?)");
  insert.bind(1, user.login);
  insert.bind(2, user.unit);
  insert.bind(3, std::string(to_string(user.role)));
  insert.bind(4, format_utc(now));
  insert.exec();
  record_change(store, actor, "user add", AuditSubject::user, user.login, std::nullopt, now);
}

std::vector<User> list_users(Store& store) {
  SQLite::Statement query(store.db(), "SELECT login, unit, role FROM user ORDER BY login");
  std::vector<User> users;
  while (query.executeStep()) {
    users.push_back(User{query.getColumn(0).getString(), query.getColumn(1).getString(),
                         *parse_role(query.getColumn(2).getString())});
  }
  return users;
}

std::optional<User> find_user(Store& store, std::string_view login) {
  SQLite::Statement query(store.db(), "SELECT login, unit, role FROM user WHERE login = ?");
  query.bind(1, std::string(login));
  if (!query.executeStep()) {
    return std::nullopt;
  }
  return User{query.getColumn(0).getString(), query.getColumn(1).getString(),
              *parse_role(query.getColumn(2).getString())};
}

bool has_users(Store& store) {
  return store.db().execAndGet("SELECT EXISTS (SELECT 1 FROM user)").getInt() != 0;
}

std::int64_t add_enterprise(Store& store,
                            const Enterprise& enterprise,
                            const Actor& actor,
                            Instant now) {
  validate_enterprise(store, enterprise);
  if (find_enterprise_where(store, "name = ?", enterprise.name)) {
    throw BadInput(MessageId::enterprise_name_exists, {enterprise.name});
  }
  if (!enterprise.credit_code.empty()) {
    if (auto other = find_enterprise_where(store, "credit_code = ?", enterprise.credit_code)) {
      throw BadInput(MessageId::enterprise_code_exists, {enterprise.credit_code, other->name});
    }
  }
  return write_enterprise(store, enterprise, std::nullopt, actor, "enterprise add", now);
}

std::vector<Enterprise> list_enterprises(Store& store) {
  SQLite::Statement query(store.db(), std::string(k_enterprise_columns) + " ORDER BY id");
  std::vector<Enterprise> enterprises;
  while (query.executeStep()) {
    enterprises.push_back(enterprise_from_row(query));
  }
  return enterprises;
}

Enterprise get_enterprise(Store& store, std::string_view reference) {
  const std::string text(reference);
  const bool numeric = !text.empty() && text.size() < 18 &&
                       text.find_first_not_of("0123456789") == std::string::npos;
  if (numeric) {
    if (auto found = find_enterprise_where(store, "id = CAST(? AS INTEGER)", text)) {
      return *found;
    }
  }
  if (auto found = find_enterprise_where(store, "credit_code = ?", text)) {
    return *found;
  }
  if (auto found = find_enterprise_where(store, "name = ?", text)) {
    return *found;
  }
  throw NotFound(MessageId::enterprise_unknown, {text});
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
      const auto by_code = credit_code.empty()
                               ? std::nullopt
                               : find_enterprise_where(store, "credit_code = ?", credit_code);
      const auto by_name = find_enterprise_where(store, "name = ?", field(0));
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
      write_enterprise(store, enterprise, existing ? std::optional{existing->id} : std::nullopt,
                       actor, "enterprise import", now);
      ++(existing ? summary.updated : summary.added);
    }
  });
  return summary;
}

}  // namespace ent110
