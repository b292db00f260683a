// SPDX-License-Identifier: MIT
#include "app.hpp"
#include "commands.hpp"
#include "render/output.hpp"
#include "render/registry_json.hpp"
#include "session.hpp"

#include <ent110/registry/registry.hpp>

namespace ent110::cli {
namespace {

struct UnitOptions {
  Unit unit;
  std::string kind;
  std::string file;
};

int run_unit_add(UnitOptions& options, Session& s) {
  options.unit.kind = *parse_unit_kind(options.kind);
  s.store().write([&] {
    add_unit(s.store(), options.unit, s.authorized(Duty::registers, "unit add"), s.now());
  });
  const Unit unit = get_unit(s.store(), options.unit.code);
  if (s.json()) {
    emit_json(s, to_json(unit));
  } else {
    s.out() << s.tr(MessageId::unit_added,
                    {unit.code, unit.name, unit_kind_label(s.lang(), unit.kind)})
            << '\n';
  }
  return 0;
}

int run_unit_list(Session& s) {
  const std::vector<Unit> units = list_units(s.store());
  if (s.json()) {
    nlohmann::json list = nlohmann::json::array();
    for (const Unit& unit : units) {
      list.push_back(to_json(unit));
    }
    emit_json(s, {{"units", list}});
    return 0;
  }
  Table table({{s.tr(MessageId::col_code)},
               {s.tr(MessageId::col_name), Table::Align::left, true},
               {s.tr(MessageId::col_kind)},
               {s.tr(MessageId::col_leader)},
               {s.tr(MessageId::col_contact)},
               {s.tr(MessageId::col_phone)}});
  for (const Unit& unit : units) {
    table.add_row({unit.code, unit.name, unit_kind_label(s.lang(), unit.kind), unit.leader,
                   unit.contact, unit.phone});
  }
  emit_table(s, table);
  return 0;
}

int run_unit_show(const UnitOptions& options, Session& s) {
  const Unit unit = get_unit(s.store(), options.unit.code);
  if (s.json()) {
    emit_json(s, to_json(unit));
    return 0;
  }
  Fields fields;
  fields.add(s.tr(MessageId::col_code), unit.code);
  fields.add(s.tr(MessageId::col_name), unit.name);
  fields.add(s.tr(MessageId::col_kind), unit_kind_label(s.lang(), unit.kind));
  fields.add(s.tr(MessageId::col_leader), unit.leader);
  fields.add(s.tr(MessageId::col_contact), unit.contact);
  fields.add(s.tr(MessageId::col_phone), unit.phone);
  s.out() << fields.render();
  return 0;
}

int run_unit_import(const UnitOptions& options, Session& s) {
  const ImportSummary summary =
      import_units(s.store(), options.file, s.authorized(Duty::registers, "unit import"), s.now());
  emit_import_summary(s, options.file, summary);
  return 0;
}

}  // namespace

void add_unit(CLI::App& app, Invocation& inv, Lang lang) {
  auto options = std::make_shared<UnitOptions>();
  CLI::App* unit = app.add_subcommand("unit", tr(lang, MessageId::cmd_unit));
  unit->require_subcommand(1);

  CLI::App* add = unit->add_subcommand("add", tr(lang, MessageId::cmd_unit_add));
  add->add_option("code", options->unit.code, tr(lang, MessageId::opt_unit_code))->required();
  add->add_option("--name", options->unit.name, tr(lang, MessageId::opt_unit_name))->required();
  add->add_option("--kind", options->kind, tr(lang, MessageId::opt_unit_kind))
      ->required()
      ->check(one_of(member_kind_names()));
  add->add_option("--leader", options->unit.leader, tr(lang, MessageId::opt_unit_leader));
  add->add_option("--contact", options->unit.contact, tr(lang, MessageId::opt_unit_contact));
  add->add_option("--phone", options->unit.phone, tr(lang, MessageId::opt_phone));
  inv.on(add, Needs::store_write, [options](Session& s) { return run_unit_add(*options, s); });

  CLI::App* list = unit->add_subcommand("list", tr(lang, MessageId::cmd_unit_list));
  inv.on(list, Needs::store_read, run_unit_list);

  CLI::App* show = unit->add_subcommand("show", tr(lang, MessageId::cmd_unit_show));
  show->add_option("code", options->unit.code, tr(lang, MessageId::opt_unit_code))->required();
  inv.on(show, Needs::store_read, [options](Session& s) { return run_unit_show(*options, s); });

  CLI::App* import = unit->add_subcommand("import", tr(lang, MessageId::cmd_unit_import));
  import->add_option("file", options->file, tr(lang, MessageId::opt_import_toml))->required();
  inv.on(import, Needs::store_write,
         [options](Session& s) { return run_unit_import(*options, s); });
}

}  // namespace ent110::cli
