// SPDX-License-Identifier: MIT
#include "app.hpp"
#include "commands.hpp"
#include "render/output.hpp"
#include "session.hpp"

#include <ent110/store/backup.hpp>

namespace ent110::cli {
namespace {

struct BackupOptions {
  std::string file;
};

int run_backup(const BackupOptions& options, Session& s) {
  const BackupSummary summary = backup_database(s.store(), options.file, s.config().file_mode);
  if (s.json()) {
    emit_json(s, {{"file", options.file},
                  {"bytes", summary.bytes},
                  {"schema_version", summary.schema_version}});
  } else {
    s.out() << s.tr(MessageId::backup_done, {options.file, std::to_string(summary.bytes),
                                             std::to_string(summary.schema_version)})
            << '\n';
  }
  return 0;
}

}  // namespace

void add_backup(CLI::App& app, Invocation& inv, Lang lang) {
  auto options = std::make_shared<BackupOptions>();
  CLI::App* cmd = app.add_subcommand("backup", tr(lang, MessageId::cmd_backup));
  cmd->add_option("file", options->file, tr(lang, MessageId::opt_backup_file))->required();
  inv.on(cmd, Needs::store_read, [options](Session& s) { return run_backup(*options, s); });
}

}  // namespace ent110::cli
