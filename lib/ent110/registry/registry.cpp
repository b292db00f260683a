// SPDX-License-Identifier: MIT
#include <ent110/core/error.hpp>
#include <ent110/core/time.hpp>
#include <ent110/registry/registry.hpp>
#include <ent110/registry/uscc.hpp>
#include <ent110/util/csv.hpp>
#include <ent110/util/spellcheck.hpp>

#include <SQLiteCpp/Statement.h>
#include <toml++/toml.h>

#include <array>
#include <fstream>
#include <regex>
#include <sstream>

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

template <typename Enum, std::size_t N>
std::string_view name_of(const std::array<std::pair<Enum, const char*>, N>& table, Enum value) {
  for (const auto& [candidate, name] : table) {
    if (candidate == value) {
      return name;
    }
  }
  return {};
}

template <typename Enum, std::size_t N>
std::optional<Enum> value_of(const std::array<std::pair<Enum, const char*>, N>& table,
                             std::string_view text) {
  for (const auto& [candidate, name] : table) {
    if (text == name) {
      return candidate;
    }
  }
  return std::nullopt;
}

std::string read_file(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    throw BadInput(MessageId::cannot_read_file, {file.string(), "no such file or not readable"});
  }
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
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

void upsert_unit(Store& store, const Unit& unit, Instant now) {
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
      throw BadInput(MessageId::enterprise_county_kind,
                     {county.code, std::string(to_string(county.kind))});
    }
  }
}

void write_enterprise(Store& store,
                      const Enterprise& enterprise,
                      std::optional<std::int64_t> id,
                      Instant now) {
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
}

std::optional<bool> parse_flag(std::string_view text) {
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
  std::vector<std::string> names;
  for (const auto& [role, name] : k_roles) {
    names.emplace_back(name);
  }
  return names;
}

int ensure_builtin_units(Store& store, const Config& config, Instant now) {
  const std::array builtins = {
      Unit{config.office_unit, config.office_name, UnitKind::office, {}, {}, {}},
      Unit{config.government_unit, config.government_name, UnitKind::government, {}, {}, {}},
      Unit{config.inspection_unit, config.inspection_name, UnitKind::inspection, {}, {}, {}},
      Unit{config.supervision_unit, config.supervision_name, UnitKind::supervision, {}, {}, {}},
  };
  int created = 0;
  for (const Unit& unit : builtins) {
    if (!find_unit(store, unit.code)) {
      upsert_unit(store, unit, now);
      ++created;
    }
  }
  return created;
}

void add_unit(Store& store, const Unit& unit, Instant now) {
  if (!valid_unit_code(unit.code)) {
    throw UsageError(MessageId::unit_code_invalid, {unit.code});
  }
  if (unit.name.empty()) {
    throw UsageError(MessageId::unit_name_empty, {unit.code});
  }
  if (find_unit(store, unit.code)) {
    throw BadInput(MessageId::unit_exists, {unit.code});
  }
  upsert_unit(store, unit, now);
}

std::vector<Unit> list_units(Store& store) {
  // Built-in bodies first, then departments, districts, counties, areas and zones, each by code.
  SQLite::Statement query(store.db(),
                          std::string(k_unit_columns) +
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

ImportSummary import_units(Store& store, const std::filesystem::path& file, Instant now) {
  const std::string name = file.string();
  toml::table root;
  try {
    root = toml::parse(read_file(file), name);
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
  std::vector<Unit> units;
  for (const toml::node& entry : *entries) {
    const toml::table* table = entry.as_table();
    if (table == nullptr) {
      fail(entry, MessageId::import_unit_not_table, {});
    }
    Unit unit;
    for (const auto& [key, value] : *table) {
      const std::string field(key.str());
      std::string* target = field == "code"      ? &unit.code
                            : field == "name"    ? &unit.name
                            : field == "leader"  ? &unit.leader
                            : field == "contact" ? &unit.contact
                            : field == "phone"   ? &unit.phone
                                                 : nullptr;
      std::string kind_text;
      if (field == "kind") {
        target = &kind_text;
      }
      if (target == nullptr) {
        fail(value, MessageId::import_unknown_key, {field});
      }
      if (!value.is_string()) {
        fail(value, MessageId::config_wrong_type, {field, tr(Lang::en, MessageId::type_string)});
      }
      *target = *value.value<std::string>();
      if (field == "kind") {
        auto kind = parse_unit_kind(kind_text);
        if (!kind || !is_member_kind(*kind)) {
          fail(value, MessageId::import_bad_kind, {kind_text});
        }
        unit.kind = *kind;
      }
    }
    if (!valid_unit_code(unit.code) || unit.name.empty() || !table->contains("kind")) {
      fail(entry, MessageId::import_unit_incomplete, {unit.code});
    }
    units.push_back(std::move(unit));
  }
  store.write([&] {
    for (const Unit& unit : units) {
      if (find_unit(store, unit.code)) {
        ++summary.updated;
      } else {
        ++summary.added;
      }
      upsert_unit(store, unit, now);
    }
  });
  return summary;
}

void add_user(Store& store, const User& user, Instant now) {
  const Unit unit = get_unit(store, user.unit);
  if (user.role == Role::office && unit.kind != UnitKind::office) {
    throw Refused(MessageId::user_office_role_unit, {user.login, unit.code});
  }
  if (user.role == Role::unit && !is_member_kind(unit.kind)) {
    throw Refused(MessageId::user_unit_role_unit,
                  {user.login, unit.code, std::string(to_string(unit.kind))});
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

std::int64_t add_enterprise(Store& store, const Enterprise& enterprise, Instant now) {
  validate_enterprise(store, enterprise);
  if (find_enterprise_where(store, "name = ?", enterprise.name)) {
    throw BadInput(MessageId::enterprise_name_exists, {enterprise.name});
  }
  if (!enterprise.credit_code.empty()) {
    if (auto other = find_enterprise_where(store, "credit_code = ?", enterprise.credit_code)) {
      throw BadInput(MessageId::enterprise_code_exists, {enterprise.credit_code, other->name});
    }
  }
  write_enterprise(store, enterprise, std::nullopt, now);
  return store.db().getLastInsertRowid();
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

ImportSummary import_enterprises(Store& store, const std::filesystem::path& file, Instant now) {
  const std::string name = file.string();
  const std::vector<CsvRow> rows = parse_csv(read_file(file), name);
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
    position[static_cast<std::size_t>(known - k_columns.begin())] = i;
  }
  if (!position[0]) {
    throw BadInput(MessageId::import_csv_no_name, {name});
  }

  ImportSummary summary;
  store.write([&] {
    for (std::size_t r = 1; r < rows.size(); ++r) {
      const CsvRow& row = rows[r];
      auto field = [&](std::size_t column) -> std::string {
        return position[column] && *position[column] < row.fields.size()
                   ? row.fields[*position[column]]
                   : "";
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
      Enterprise enterprise{0, field(0), field(1), field(2), flag(3), flag(4), field(5), field(6)};
      try {
        validate_enterprise(store, enterprise);
      } catch (const Error& error) {
        throw BadInput(MessageId::import_csv_row, {name, std::to_string(row.row), error.what()});
      }
      auto existing = enterprise.credit_code.empty()
                          ? std::nullopt
                          : find_enterprise_where(store, "credit_code = ?", enterprise.credit_code);
      if (!existing) {
        existing = find_enterprise_where(store, "name = ?", enterprise.name);
      }
      try {
        write_enterprise(store, enterprise, existing ? std::optional{existing->id} : std::nullopt,
                         now);
      } catch (const SQLite::Exception& error) {
        throw BadInput(MessageId::import_csv_row, {name, std::to_string(row.row), error.what()});
      }
      ++(existing ? summary.updated : summary.added);
    }
  });
  return summary;
}

}  // namespace ent110
