// SPDX-License-Identifier: MIT
#include <ent110/core/error.hpp>
#include <ent110/registry/unit_repo.hpp>
#include <ent110/registry/units.hpp>
#include <ent110/util/enum_names.hpp>
#include <ent110/util/spellcheck.hpp>

#include <array>
#include <regex>

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

bool valid_unit_code(std::string_view code) {
  static const std::regex k_code("[A-Za-z0-9_-]{1,32}");
  return std::regex_match(code.begin(), code.end(), k_code);
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
      save_unit(store, unit, actor, "init", now);
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
  save_unit(store, unit, actor, "unit add", now);
}

Unit get_unit(Store& store, std::string_view code) {
  if (auto unit = find_unit(store, code)) {
    return *unit;
  }
  if (auto near = closest_match(code, unit_codes(store))) {
    throw NotFound(MessageId::unit_unknown_near, {std::string(code), *near});
  }
  throw NotFound(MessageId::unit_unknown, {std::string(code)});
}

}  // namespace ent110
