// SPDX-License-Identifier: MIT
#include "app.hpp"
#include "commands.hpp"
#include "render/output.hpp"
#include "session.hpp"

#include <ent110/setup/copy.hpp>

namespace ent110::cli {
namespace {

struct CopyOptions {
  std::string to;
};

int run_copy(const CopyOptions& options, Session& s) {
  const StoreOptions store_options{s.config().busy_timeout_ms, s.config().file_mode, true};
  const CopySummary summary =
      copy_database(s.store(), options.to, store_options, s.config(), s.zone());
  if (s.json()) {
    nlohmann::json tables = nlohmann::json::object();
    for (const auto& [table, rows] : summary.rows) {
      tables[table] = rows;
    }
    emit_json(s, {{"to", options.to},
                  {"rows", summary.total_rows},
                  {"tables", tables},
                  {"schema_version", summary.schema_version},
                  {"anchor", summary.anchor}});
    return 0;
  }
  s.out() << s.tr(MessageId::copy_done, {options.to, std::to_string(summary.total_rows),
                                         std::to_string(summary.schema_version), summary.anchor})
          << '\n';
  return 0;
}

}  // namespace

void add_copy(CLI::App& app, Invocation& inv, Lang lang) {
  auto options = std::make_shared<CopyOptions>();
  CLI::App* cmd = app.add_subcommand("copy", tr(lang, MessageId::cmd_copy));
  cmd->add_option("--to", options->to, tr(lang, MessageId::opt_copy_to))
      ->required()
      ->type_name("PATH|URI");
  inv.on(cmd, Needs::store_read, [options](Session& s) { return run_copy(*options, s); });
}

}  // namespace ent110::cli
