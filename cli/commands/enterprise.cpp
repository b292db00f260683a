// SPDX-License-Identifier: MIT
#include "app.hpp"
#include "commands.hpp"
#include "render/output.hpp"
#include "render/registry_json.hpp"
#include "session.hpp"

#include <ent110/registry/registry.hpp>

namespace ent110::cli {
namespace {

struct EnterpriseOptions {
  Enterprise enterprise;
  std::string reference;
  std::string file;
};

std::string yes_no(const Session& s, bool value) {
  return s.tr(value ? MessageId::word_yes : MessageId::word_no);
}

void show_enterprise(Session& s, const Enterprise& e) {
  if (s.json()) {
    emit_json(s, to_json(e));
    return;
  }
  Fields fields;
  fields.add(s.tr(MessageId::col_id), std::to_string(e.id));
  fields.add(s.tr(MessageId::col_name), e.name);
  fields.add(s.tr(MessageId::col_credit_code), e.credit_code);
  fields.add(s.tr(MessageId::col_county), e.county);
  fields.add(s.tr(MessageId::col_above_scale), yes_no(s, e.above_scale));
  fields.add(s.tr(MessageId::col_key_enterprise), yes_no(s, e.key));
  fields.add(s.tr(MessageId::col_contact), e.contact);
  fields.add(s.tr(MessageId::col_phone), e.phone);
  s.out() << fields.render();
}

int run_enterprise_add(const EnterpriseOptions& options, Session& s) {
  std::int64_t id = 0;
  s.store().write([&] {
    id = add_enterprise(s.store(), options.enterprise,
                        s.authorized(Duty::registers, "enterprise add"), s.now());
  });
  show_enterprise(s, get_enterprise(s.store(), std::to_string(id)));
  return 0;
}

int run_enterprise_list(Session& s) {
  const std::vector<Enterprise> enterprises = list_enterprises(s.store());
  if (s.json()) {
    nlohmann::json list = nlohmann::json::array();
    for (const Enterprise& e : enterprises) {
      list.push_back(to_json(e));
    }
    emit_json(s, {{"enterprises", list}});
    return 0;
  }
  Table table({{s.tr(MessageId::col_id), Table::Align::right},
               {s.tr(MessageId::col_name), Table::Align::left, true},
               {s.tr(MessageId::col_credit_code)},
               {s.tr(MessageId::col_county)},
               {s.tr(MessageId::col_flags)}});
  for (const Enterprise& e : enterprises) {
    std::string flags;
    if (e.above_scale) {
      flags += s.tr(MessageId::flag_above_scale);
    }
    if (e.key) {
      flags += (flags.empty() ? "" : " ") + s.tr(MessageId::flag_key);
    }
    table.add_row({std::to_string(e.id), e.name, e.credit_code, e.county, flags});
  }
  emit_table(s, table);
  return 0;
}

int run_enterprise_import(const EnterpriseOptions& options, Session& s) {
  const ImportSummary summary = import_enterprises(
      s.store(), options.file, s.authorized(Duty::registers, "enterprise import"), s.now());
  emit_import_summary(s, options.file, summary);
  return 0;
}

}  // namespace

void add_enterprise(CLI::App& app, Invocation& inv, Lang lang) {
  auto options = std::make_shared<EnterpriseOptions>();
  CLI::App* enterprise = app.add_subcommand("enterprise", tr(lang, MessageId::cmd_enterprise));
  enterprise->require_subcommand(1);

  Enterprise& e = options->enterprise;
  CLI::App* add = enterprise->add_subcommand("add", tr(lang, MessageId::cmd_enterprise_add));
  add->add_option("--name", e.name, tr(lang, MessageId::opt_enterprise_name))->required();
  add->add_option("--credit-code", e.credit_code, tr(lang, MessageId::opt_credit_code))
      ->type_name("USCC");
  add->add_option("--county", e.county, tr(lang, MessageId::opt_county))->type_name("CODE");
  add->add_flag("--above-scale", e.above_scale, tr(lang, MessageId::opt_above_scale));
  add->add_flag("--key", e.key, tr(lang, MessageId::opt_key_enterprise));
  add->add_option("--contact", e.contact, tr(lang, MessageId::opt_enterprise_contact));
  add->add_option("--phone", e.phone, tr(lang, MessageId::opt_phone));
  inv.on(add, Needs::store_write,
         [options](Session& s) { return run_enterprise_add(*options, s); });

  CLI::App* list = enterprise->add_subcommand("list", tr(lang, MessageId::cmd_enterprise_list));
  inv.on(list, Needs::store_read, run_enterprise_list);

  CLI::App* show = enterprise->add_subcommand("show", tr(lang, MessageId::cmd_enterprise_show));
  show->add_option("id", options->reference, tr(lang, MessageId::opt_enterprise_ref))->required();
  inv.on(show, Needs::store_read, [options](Session& s) {
    return show_enterprise(s, get_enterprise(s.store(), options->reference)), 0;
  });

  CLI::App* import =
      enterprise->add_subcommand("import", tr(lang, MessageId::cmd_enterprise_import));
  import->add_option("file", options->file, tr(lang, MessageId::opt_import_csv))->required();
  inv.on(import, Needs::store_write,
         [options](Session& s) { return run_enterprise_import(*options, s); });
}

}  // namespace ent110::cli
